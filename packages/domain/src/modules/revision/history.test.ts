import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type TestDatabase,
  actorWithRole,
  countRows,
  openTestDatabase,
} from '../../../test/database.js';
import { ANONYMOUS, type Actor } from '../../shared/actor.js';
import { ForbiddenError } from '../../shared/errors.js';
import { replaySnapshot } from './history.service.js';

function unwrap<T>(result: { ok: true; value: T } | { ok: false; errors: unknown }): T {
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
}

describe('history: restoring versions, the archive, renaming and merging tags', () => {
  let t: TestDatabase;
  let curator: Actor;
  beforeAll(async () => {
    t = await openTestDatabase({ seed: true });
    curator = await actorWithRole(t.db, 'curator');
  });
  afterAll(() => t.close());

  async function practiceEditedTwice(title: string) {
    const created = unwrap(
      await t.services().bestPractices.create(curator, {
        title,
        summary: 'Ensimmäinen tiivistelmä',
        tags: ['historia-testi'],
      }),
    );
    const second = unwrap(
      await t.services().bestPractices.update(curator, {
        id: created.id,
        version: 1,
        title: `${title} (muokattu)`,
        summary: null,
      }),
    );
    const third = unwrap(
      await t.services().bestPractices.update(curator, {
        id: created.id,
        version: second.version,
        title: `${title} (toinen muokkaus)`,
        language: 'sv',
      }),
    );
    return { id: created.id, version: third.version };
  }

  it('restores version 1 as a new revision that says which version it brought back', async () => {
    const { id, version } = await practiceEditedTwice('Palautettava käytäntö');
    expect(version).toBe(3);
    const history = await t.services().revisions.history('BestPractice', id);
    expect(replaySnapshot(history, 1)).toMatchObject({
      title: 'Palautettava käytäntö',
      summary: 'Ensimmäinen tiivistelmä',
      language: 'fi',
      tags: ['historia-testi'],
    });
    const first = history.find((r) => r.version === 1)!;

    const preview = await t.services().history.restorePreview(first.id);
    expect(preview?.map((c) => c.field).sort()).toEqual(['language', 'summary', 'title']);

    const restored = unwrap(
      await t.services().history.restoreRevision(curator, {
        revisionId: first.id,
        expectedVersion: 3,
      }),
    );
    expect(restored.entity.version).toBe(4);
    expect(restored.revision.restoredFromVersion).toBe(1);
    const practice = await t.services().bestPractices.get(id);
    expect(practice).toMatchObject({
      title: 'Palautettava käytäntö',
      summary: 'Ensimmäinen tiivistelmä',
      language: 'fi',
    });
    const after = await t.services().revisions.history('BestPractice', id);
    expect(after).toHaveLength(4);
    expect(after.at(-1)?.changes).toMatchObject({
      title: { from: 'Palautettava käytäntö (toinen muokkaus)', to: 'Palautettava käytäntö' },
      summary: { from: null, to: 'Ensimmäinen tiivistelmä' },
    });
    // The search index follows the restored title.
    const found = await t.services().search.search('palautettava', { first: 20 });
    expect(found.edges.map((n) => n.title)).toContain('Palautettava käytäntö');
  });

  it('refuses a restore from a stale page, by anyone but a curator, and of the current version', async () => {
    const { id } = await practiceEditedTwice('Ristiriitainen käytäntö');
    const history = await t.services().revisions.history('BestPractice', id);
    const first = history[0]!;
    const stale = await t
      .services()
      .history.restoreRevision(curator, { revisionId: first.id, expectedVersion: 2 });
    expect(!stale.ok && stale.errors[0]).toMatchObject({
      field: 'expectedVersion',
      code: 'CONFLICT',
    });
    await expect(
      t.services().history.restoreRevision(ANONYMOUS, { revisionId: first.id, expectedVersion: 3 }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    const current = history.at(-1)!;
    const same = await t
      .services()
      .history.restoreRevision(curator, { revisionId: current.id, expectedVersion: 3 });
    expect(!same.ok && same.errors[0]).toMatchObject({ field: 'id', code: 'INVALID' });
    expect(await t.services().revisions.history('BestPractice', id)).toHaveLength(3);
  });

  it('rolls a restore back whole when the old values no longer pass (a URL taken since)', async () => {
    const s = t.services();
    const link = unwrap(
      await s.resources.create(curator, { url: 'https://example.org/historia-a', title: 'A' }),
    );
    unwrap(
      await t.services().resources.update(curator, {
        id: link.id,
        version: 1,
        url: 'https://example.org/historia-b',
      }),
    );
    unwrap(
      await t.services().resources.create(curator, {
        url: 'https://example.org/historia-a',
        title: 'Toinen',
      }),
    );
    const revisionsBefore = await countRows(t.db, 'revision');
    const first = (await t.services().revisions.history('Resource', link.id))[0]!;
    const result = await t
      .services()
      .history.restoreRevision(curator, { revisionId: first.id, expectedVersion: 2 });
    expect(!result.ok && result.errors[0]).toMatchObject({ field: 'url', code: 'DUPLICATE' });
    expect(await countRows(t.db, 'revision')).toBe(revisionsBefore);
    expect((await t.services().resources.get(link.id))?.version).toBe(2);
  });

  it('describes changes with the names of the records they point at', async () => {
    const s = t.services();
    const [organisations] = await s.organisations.list({}, { limit: 1 });
    const org = organisations[0]!;
    const link = unwrap(
      await s.resources.create(curator, {
        url: 'https://example.org/historia-nimet',
        title: 'Nimet',
        organisationId: org.id,
        tags: ['Nimitesti'],
      }),
    );
    const [revision] = await t.services().revisions.history('Resource', link.id);
    const described = await t.services().history.describe([revision!]);
    const changes = described.get(revision!.id)!;
    expect(changes.find((c) => c.field === 'organisationId')?.toNames).toEqual([org.name]);
    expect(changes.find((c) => c.field === 'tags')?.toNames).toEqual(['Nimitesti']);
    expect(changes.find((c) => c.field === 'title')?.toNames).toBeNull();
  });

  it('lists archived records of every kind for curators and brings one back as an edit', async () => {
    const s = t.services();
    const link = unwrap(
      await s.resources.create(curator, { url: 'https://example.org/arkisto', title: 'Arkistoon' }),
    );
    unwrap(await t.services().resources.archive(curator, { id: link.id, version: 1 }));
    await expect(t.services().history.archived(ANONYMOUS)).rejects.toBeInstanceOf(ForbiddenError);
    const [all, total] = await t.services().history.archived(curator);
    expect(total).toBeGreaterThan(0);
    expect(all.some((r) => r.type === 'Resource' && r.entity.id === link.id)).toBe(true);
    const [tags] = await t.services().history.archived(curator, { type: 'Tag' });
    expect(tags.every((r) => r.type === 'Tag')).toBe(true);

    const stale = await t
      .services()
      .history.restoreArchived(curator, { type: 'Resource', id: link.id, version: 1 });
    expect(!stale.ok && stale.errors[0]).toMatchObject({ code: 'CONFLICT' });
    const back = unwrap(
      await t
        .services()
        .history.restoreArchived(curator, { type: 'Resource', id: link.id, version: 2 }),
    );
    expect(back.entity.version).toBe(3);
    expect((await t.services().resources.get(link.id))?.archivedAt).toBeNull();
    const history = await t.services().revisions.history('Resource', link.id);
    expect(history.map((r) => r.action)).toEqual(['create', 'archive', 'restore']);
    const again = await t
      .services()
      .history.restoreArchived(curator, { type: 'Resource', id: link.id, version: 3 });
    expect(!again.ok && again.errors[0]).toMatchObject({ field: 'id', code: 'INVALID' });
  });

  it('renames a tag: every record carrying it follows, with a revision, and search finds the new name', async () => {
    const s = t.services();
    const link = unwrap(
      await s.resources.create(curator, {
        url: 'https://example.org/uudelleennimeys',
        title: 'Linkki nimettävällä tunnisteella',
        tags: ['Vanhanimi'],
      }),
    );
    const practice = unwrap(
      await t.services().bestPractices.create(curator, {
        title: 'Käytäntö nimettävällä tunnisteella',
        tags: ['Vanhanimi'],
      }),
    );
    const tag = (await t.services().tags.bySlug('vanhanimi'))!;
    const duplicate = await t
      .services()
      .tags.update(curator, { id: tag.id, version: tag.version, name: 'Asiakaspalvelu' });
    expect(!duplicate.ok && duplicate.errors[0]).toMatchObject({
      field: 'name',
      code: 'DUPLICATE',
    });
    expect((await t.services().resources.get(link.id))?.version).toBe(1);

    unwrap(
      await t
        .services()
        .tags.update(curator, { id: tag.id, version: tag.version, name: 'Uusinimi' }),
    );
    const renamedLink = await t.services().resources.get(link.id);
    expect(renamedLink?.tags.getItems().map((x) => x.name)).toEqual(['Uusinimi']);
    expect(renamedLink?.version).toBe(2);
    const history = await t.services().revisions.history('BestPractice', practice.id);
    expect(history.at(-1)?.changes).toEqual({
      tags: { from: ['vanhanimi'], to: ['uusinimi'] },
    });
    const found = await t.services().search.search('uusinimi', { first: 20 });
    expect(found.edges.map((n) => n.title)).toEqual(
      expect.arrayContaining([
        'Linkki nimettävällä tunnisteella',
        'Käytäntö nimettävällä tunnisteella',
      ]),
    );
    // Restoring the practice's first version keeps the tag it had, under its new name.
    const first = history[0]!;
    unwrap(
      await t.services().bestPractices.update(curator, {
        id: practice.id,
        version: 2,
        tags: [],
      }),
    );
    unwrap(
      await t
        .services()
        .history.restoreRevision(curator, { revisionId: first.id, expectedVersion: 3 }),
    );
    const restored = await t.services().bestPractices.get(practice.id);
    expect(restored?.tags.getItems().map((x) => x.slug)).toEqual(['uusinimi']);
  });

  it('merges one tag into another in one transaction, refusing a stale or unknown tag', async () => {
    const s = t.services();
    const link = unwrap(
      await s.resources.create(curator, {
        url: 'https://example.org/yhdistys',
        title: 'Yhdistettävä linkki',
        tags: ['Lähde-tunniste', 'Kohde-tunniste'],
      }),
    );
    const idea = unwrap(
      await t.services().developmentIdeas.create(curator, {
        title: 'Yhdistettävä idea',
        tags: ['Lähde-tunniste'],
      }),
    );
    const source = (await t.services().tags.bySlug('lahde-tunniste'))!;
    const target = (await t.services().tags.bySlug('kohde-tunniste'))!;
    await expect(
      t.services().tags.merge(ANONYMOUS, {
        sourceId: source.id,
        targetId: target.id,
        sourceVersion: 1,
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    const itself = await t
      .services()
      .tags.merge(curator, { sourceId: source.id, targetId: source.id, sourceVersion: 1 });
    expect(!itself.ok && itself.errors[0]).toMatchObject({ field: 'targetId', code: 'INVALID' });
    const revisionsBefore = await countRows(t.db, 'revision');
    const unknown = await t
      .services()
      .tags.merge(curator, { sourceId: source.id, targetId: 987654, sourceVersion: 1 });
    expect(!unknown.ok && unknown.errors[0]).toMatchObject({
      field: 'targetId',
      code: 'UNKNOWN_REFERENCE',
    });
    const stale = await t
      .services()
      .tags.merge(curator, { sourceId: source.id, targetId: target.id, sourceVersion: 7 });
    expect(!stale.ok && stale.errors[0]).toMatchObject({ code: 'CONFLICT' });
    expect(await countRows(t.db, 'revision')).toBe(revisionsBefore);

    const merged = unwrap(
      await t
        .services()
        .tags.merge(curator, { sourceId: source.id, targetId: target.id, sourceVersion: 1 }),
    );
    expect(merged.moved).toBe(2);
    expect((await t.services().resources.get(link.id))?.tags.getItems().map((x) => x.slug)).toEqual(
      ['kohde-tunniste'],
    );
    expect(
      (await t.services().developmentIdeas.get(idea.id))?.tags.getItems().map((x) => x.slug),
    ).toEqual(['kohde-tunniste']);
    const gone = await t.services().tags.bySlug('lahde-tunniste');
    expect(gone?.archivedAt).not.toBeNull();
    expect(gone?.mergedIntoId).toBe(target.id);
    const usage = await t.services().tags.usage([target.id]);
    expect(usage.get(target.id)).toMatchObject({ resources: 1, developmentIdeas: 1 });
    // A merged tag stays merged.
    const back = await t
      .services()
      .history.restoreArchived(curator, { type: 'Tag', id: source.id, version: 2 });
    expect(!back.ok && back.errors[0]).toMatchObject({ field: 'id', code: 'INVALID' });
  });
});
