import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, actorWithRole, openTestDatabase } from '../../../test/database.js';
import { type Actor } from '../../shared/actor.js';
import { ForbiddenError } from '../../shared/errors.js';
import { Meeting } from '../meeting/meeting.entity.js';
import { MEETING_DETAIL } from '../meeting/meeting.service.js';
import { User } from '../user/user.entity.js';

describe('PersonService.anonymise', () => {
  let t: TestDatabase;
  let admin: Actor;
  let curator: Actor;
  beforeAll(async () => {
    t = await openTestDatabase({ seed: true });
    admin = await actorWithRole(t.db, 'admin');
    curator = await actorWithRole(t.db, 'curator');
  });
  afterAll(() => t.close());

  it('is for admins only', async () => {
    const heidi = (await t.services().people.findByName('Heidi Tuikka'))[0]!;
    await expect(t.services().people.anonymise(curator, heidi.id)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
  });

  it('removes the name everywhere but keeps the meetings whole', async () => {
    const s = t.services();
    const heidi = (await s.people.findByName('Heidi Tuikka'))[0]!;
    const account = await s.users.create(admin, {
      email: 'heidi@example.org',
      name: 'Heidi Tuikka',
      role: 'curator',
      personId: heidi.id,
    });
    expect(account.ok).toBe(true);

    const result = await t.services().people.anonymise(admin, heidi.id);
    expect(result.ok).toBe(true);

    const em = t.db.em.fork();
    const meeting = await em.findOneOrFail(
      Meeting,
      { title: 'Työryhmän kokous 11.3.2019' },
      { populate: [...MEETING_DETAIL, 'sourceText'] },
    );
    expect(meeting.participants).toHaveLength(6);
    const names = meeting.participants.getItems().map((p) => p.person.name);
    expect(names).not.toContain('Heidi Tuikka');
    expect(names).toContain(`Poistettu henkilö ${heidi.id}`);
    const former = meeting.participants.getItems().find((p) => p.person.id === heidi.id)!;
    expect(former.organisation?.name).toBe('Kajaanin kaupunginkirjasto');
    expect(meeting.sourceText).not.toContain('Heidi Tuikka');
    expect(meeting.sourceText).toContain(`Poistettu henkilö ${heidi.id} (Kainet, Kajaani)`);

    const user = await em.findOneOrFail(User, { person: heidi.id });
    expect(user.email).not.toContain('heidi');
    expect(user.disabledAt).toBeInstanceOf(Date);
    expect(await t.services().people.findByName('Heidi Tuikka')).toEqual([]);

    const history = await t.services().revisions.history('Person', heidi.id);
    // The seed filed her creation; that revision is scrubbed too, so no revision keeps her name.
    expect(history.map((r) => r.action)).toEqual(['create', 'anonymise']);
    expect(JSON.stringify(history.map((r) => r.changes))).not.toContain('Heidi');
    expect(JSON.stringify(history.map((r) => r.changes))).not.toContain('heidi');
  });

  it('is harmless to repeat', async () => {
    const [row] = await t.db.em
      .getConnection()
      .execute<{ id: number }[]>("select id from person where name like 'Poistettu henkilö%'");
    const before = (await t.services().revisions.history('Person', row!.id)).length;
    const again = await t.services().people.anonymise(admin, row!.id);
    expect(again.ok).toBe(true);
    expect((await t.services().revisions.history('Person', row!.id)).length).toBe(before);
  });
});
