import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, actorWithRole, openTestDatabase } from '../../../test/database.js';
import { ANONYMOUS, type Actor } from '../../shared/actor.js';
import { ForbiddenError } from '../../shared/errors.js';

describe('FeedbackService', () => {
  let t: TestDatabase;
  let curator: Actor;
  beforeAll(async () => {
    t = await openTestDatabase();
    curator = await actorWithRole(t.db, 'curator');
  });
  afterAll(() => t.close());

  it('takes a message from anyone, in the database, and names bad fields', async () => {
    const sent = await t.services().feedback.send(ANONYMOUS, {
      message: '  Hakusivun tarkennukset eivät toimi näppäimistöllä.  ',
      email: 'asiakas@example.org',
      page: '/search',
      language: 'fi',
    });
    if (!sent.ok) throw new Error(JSON.stringify(sent.errors));
    expect(sent.value).toMatchObject({
      message: 'Hakusivun tarkennukset eivät toimi näppäimistöllä.',
      handledAt: null,
    });
    const bad = await t.services().feedback.send(ANONYMOUS, {
      message: ' ',
      email: 'ei-osoite',
      language: 'de',
    });
    expect(!bad.ok && bad.errors.map((e) => e.field).sort()).toEqual([
      'email',
      'language',
      'message',
    ]);
  });

  it('shows messages to curators only, newest first, and marks them handled once', async () => {
    await expect(t.services().feedback.list(ANONYMOUS)).rejects.toBeInstanceOf(ForbiddenError);
    await t.services().feedback.send(ANONYMOUS, { message: 'Toinen viesti', language: 'sv' });
    const open = await t.services().feedback.list(curator);
    expect(open.totalCount).toBe(2);
    expect(open.items[0]?.message).toBe('Toinen viesti');
    const handled = await t.services().feedback.markHandled(curator, { id: open.items[0]!.id });
    if (!handled.ok) throw new Error(JSON.stringify(handled.errors));
    const first = handled.value.handledAt;
    expect(first).toBeInstanceOf(Date);
    const again = await t.services().feedback.markHandled(curator, { id: open.items[0]!.id });
    expect(again.ok && again.value.handledAt?.getTime()).toBe(first!.getTime());
    expect((await t.services().feedback.list(curator)).totalCount).toBe(1);
    expect((await t.services().feedback.list(curator, { includeHandled: true })).totalCount).toBe(
      2,
    );
    const unknown = await t.services().feedback.markHandled(curator, { id: 999 });
    expect(!unknown.ok && unknown.errors[0]).toMatchObject({ field: 'id' });
  });
});
