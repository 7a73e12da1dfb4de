import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, actorWithRole, openTestDatabase } from '../../../test/database.js';
import { ANONYMOUS, type Actor } from '../../shared/actor.js';
import { ForbiddenError } from '../../shared/errors.js';

describe('curated content: best practices, ideas, tags', () => {
  let t: TestDatabase;
  let curator: Actor;
  beforeAll(async () => {
    t = await openTestDatabase({ seed: true });
    curator = await actorWithRole(t.db, 'curator');
  });
  afterAll(() => t.close());

  it('writes a best practice with tags and related resources, naming an unknown resource', async () => {
    const s = t.services();
    const [resources] = await s.resources.list();
    const bad = await s.bestPractices.create(curator, {
      title: 'Kyläilyn malli',
      relatedResourceIds: [resources[0]!.id, 424242],
    });
    expect(!bad.ok && bad.errors).toEqual([
      expect.objectContaining({ field: 'relatedResourceIds.1', code: 'UNKNOWN_REFERENCE' }),
    ]);
    const good = await t.services().bestPractices.create(curator, {
      title: 'Kyläilyn malli',
      body: '## Miten\n\nVieraillaan naapurikirjastossa päivä.',
      tags: ['kyläily'],
      relatedResourceIds: [resources[0]!.id],
    });
    if (!good.ok) throw new Error(JSON.stringify(good.errors));
    const saved = await t.services().bestPractices.get(good.value.id);
    expect(saved?.tags.getItems().map((x) => x.slug)).toEqual(['kylaily']);
    expect(saved?.relatedResources).toHaveLength(1);
  });

  it('tracks an idea’s status through revisions', async () => {
    const [ideas] = await t.services().developmentIdeas.list({ status: 'proposed' });
    const idea = ideas[0]!;
    const updated = await t.services().developmentIdeas.update(curator, {
      id: idea.id,
      version: idea.version,
      status: 'in_progress',
      followUp: 'Käsitellään syksyn koulutuspäivässä.',
    });
    expect(updated.ok && updated.value.status).toBe('in_progress');
    const history = await t.services().revisions.history('DevelopmentIdea', idea.id);
    expect(history.at(-1)?.changes).toEqual({
      status: { from: 'proposed', to: 'in_progress' },
      followUp: { from: null, to: 'Käsitellään syksyn koulutuspäivässä.' },
    });
    const invalid = await t
      .services()
      .developmentIdeas.update(curator, { id: idea.id, version: 2, status: 'dreaming' });
    expect(!invalid.ok && invalid.errors[0]).toMatchObject({ field: 'status', code: 'INVALID' });
  });

  it('keeps tags unique by slug', async () => {
    const dup = await t.services().tags.create(curator, { name: 'Asiakaspalvelu' });
    expect(!dup.ok && dup.errors[0]).toMatchObject({ field: 'name', code: 'DUPLICATE' });
    const punctuation = await t.services().tags.create(curator, { name: '!!!' });
    expect(!punctuation.ok && punctuation.errors[0]).toMatchObject({
      field: 'name',
      code: 'INVALID',
    });
    const tags = await t.services().tags.list();
    expect(tags.map((x) => x.slug)).toContain('asiakaspalvelu');
  });

  it('lets only admins manage users, and refuses a second account for an email', async () => {
    const admin = await actorWithRole(t.db, 'admin');
    await expect(
      t.services().users.create(curator, { email: 'x@example.org', name: 'X', role: 'curator' }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      t.services().bestPractices.create(ANONYMOUS, { title: 'X' }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    const first = await t
      .services()
      .users.create(admin, { email: 'Kuraattori@Example.org', name: 'K', role: 'curator' });
    expect(first.ok && first.value.email).toBe('kuraattori@example.org');
    const again = await t
      .services()
      .users.create(admin, { email: 'kuraattori@example.org', name: 'K', role: 'admin' });
    expect(!again.ok && again.errors[0]).toMatchObject({ field: 'email', code: 'DUPLICATE' });
    const invalid = await t
      .services()
      .users.create(admin, { email: 'not-an-email', name: '', role: 'root' });
    expect(!invalid.ok && invalid.errors.map((e) => e.field).sort()).toEqual([
      'email',
      'name',
      'role',
    ]);
  });
});
