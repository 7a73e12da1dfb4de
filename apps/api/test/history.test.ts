import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApi, startTestApi } from './server.js';

const CREATE = `mutation($input: CreateBestPracticeInput!) {
  createBestPractice(input: $input) { bestPractice { id version } errors { field code } }
}`;
const UPDATE = `mutation($input: UpdateBestPracticeInput!) {
  updateBestPractice(input: $input) { bestPractice { id version } errors { field code } }
}`;
const HISTORY = `query($id: ID!) {
  node(id: $id) {
    ... on BestPractice {
      title version tags { name slug }
      revisions {
        id version action restoredFromVersion
        changes { field from to fromNames toNames }
        restorePreview { field from to }
      }
    }
  }
}`;
const RESTORE = `mutation($input: RestoreRevisionInput!) {
  restoreRevision(input: $input) {
    record { id version ... on BestPractice { title } }
    revision { version restoredFromVersion }
    errors { field code }
  }
}`;
const ARCHIVED = `query($kind: CuratedKind) {
  archivedRecords(kind: $kind, first: 50) {
    totalCount
    nodes { kind title archivedAt archivedBy { name } record { id version } mergedInto { slug } }
  }
}`;
const UNARCHIVE = `mutation($input: RestoreArchivedInput!) {
  restoreArchived(input: $input) { record { id version } errors { field code } }
}`;
const MERGE = `mutation($input: MergeTagsInput!) {
  mergeTags(input: $input) { tag { slug usage { total } } mergedTag { slug } movedCount errors { field code } }
}`;
const TAG = `query($slug: String!) {
  tag(slug: $slug) { id slug name version usage { resources bestPractices developmentIdeas total } }
}`;

interface Revision {
  id: string;
  version: number;
  action: string;
  restoredFromVersion: number | null;
  changes: { field: string; from: string | null; to: string | null; toNames: string[] | null }[];
  restorePreview: { field: string }[] | null;
}

describe('history, archive and tags over GraphQL', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  async function history(id: string, token?: string) {
    const result = await api.gql<{
      node: { title: string; version: number; revisions: Revision[] };
    }>(HISTORY, { id }, token);
    return result.data!.node;
  }

  it('restores an earlier version of a best practice as a new revision, refusing a stale one', async () => {
    const created = await api.gql<{ createBestPractice: { bestPractice: { id: string } } }>(
      CREATE,
      { input: { title: 'Versio yksi', tags: ['Rajapintatesti'] } },
      api.curatorToken,
    );
    const id = created.data!.createBestPractice.bestPractice.id;
    await api.gql(UPDATE, { input: { id, version: 1, title: 'Versio kaksi' } }, api.curatorToken);

    const before = await history(id, api.curatorToken);
    expect(before.version).toBe(2);
    const [first, second] = before.revisions;
    expect(first!.changes.find((c) => c.field === 'tags')?.toNames).toEqual(['Rajapintatesti']);
    expect(second!.changes).toEqual([
      {
        field: 'title',
        from: '"Versio yksi"',
        to: '"Versio kaksi"',
        fromNames: null,
        toNames: null,
      },
    ]);
    expect(first!.restorePreview).toEqual([
      { field: 'title', from: '"Versio kaksi"', to: '"Versio yksi"' },
    ]);
    // Only curators see what a restore would do.
    expect((await history(id)).revisions[0]!.restorePreview).toBeNull();

    const anonymous = await api.gql(RESTORE, { input: { id: first!.id, expectedVersion: 2 } });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const stale = await api.gql<{ restoreRevision: { errors: { code: string }[] } }>(
      RESTORE,
      { input: { id: first!.id, expectedVersion: 1 } },
      api.curatorToken,
    );
    expect(stale.data?.restoreRevision.errors).toEqual([
      { field: 'expectedVersion', code: 'CONFLICT' },
    ]);
    const wrongId = await api.gql<{ restoreRevision: { errors: { field: string }[] } }>(
      RESTORE,
      { input: { id, expectedVersion: 2 } },
      api.curatorToken,
    );
    expect(wrongId.data?.restoreRevision.errors[0]).toMatchObject({
      field: 'id',
      code: 'UNKNOWN_REFERENCE',
    });

    const restored = await api.gql<{
      restoreRevision: {
        record: { version: number; title: string };
        revision: { version: number; restoredFromVersion: number };
      };
    }>(RESTORE, { input: { id: first!.id, expectedVersion: 2 } }, api.curatorToken);
    expect(restored.data?.restoreRevision).toMatchObject({
      record: { version: 3, title: 'Versio yksi' },
      revision: { version: 3, restoredFromVersion: 1 },
      errors: [],
    });
    const after = await history(id, api.curatorToken);
    expect(after.revisions.at(-1)).toMatchObject({ action: 'UPDATE', restoredFromVersion: 1 });
  });

  it('lists archived records for curators only and brings one back', async () => {
    const created = await api.gql<{ createBestPractice: { bestPractice: { id: string } } }>(
      CREATE,
      { input: { title: 'Arkistoitava käytäntö' } },
      api.curatorToken,
    );
    const id = created.data!.createBestPractice.bestPractice.id;
    await api.gql(
      `mutation($input: ArchiveInput!) { archiveBestPractice(input: $input) { errors { code } } }`,
      { input: { id, version: 1 } },
      api.curatorToken,
    );
    const anonymous = await api.gql(ARCHIVED, {});
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const list = await api.gql<{
      archivedRecords: {
        totalCount: number;
        nodes: { kind: string; title: string; record: { id: string; version: number } }[];
      };
    }>(ARCHIVED, { kind: 'BEST_PRACTICE' }, api.curatorToken);
    const entry = list.data!.archivedRecords.nodes.find((n) => n.record.id === id);
    expect(entry).toMatchObject({ kind: 'BEST_PRACTICE', title: 'Arkistoitava käytäntö' });
    expect(list.data!.archivedRecords.nodes.every((n) => n.kind === 'BEST_PRACTICE')).toBe(true);

    const stale = await api.gql<{ restoreArchived: { errors: { code: string }[] } }>(
      UNARCHIVE,
      { input: { id, version: 1 } },
      api.curatorToken,
    );
    expect(stale.data?.restoreArchived.errors[0]?.code).toBe('CONFLICT');
    const back = await api.gql<{ restoreArchived: { record: { version: number } } }>(
      UNARCHIVE,
      { input: { id, version: 2 } },
      api.curatorToken,
    );
    expect(back.data?.restoreArchived).toEqual({ record: { id, version: 3 }, errors: [] });
    const node = await api.gql<{ node: { title: string } | null }>(HISTORY, { id });
    expect(node.data?.node?.title).toBe('Arkistoitava käytäntö');
  });

  it('renames a tag through updateTag and merges tags, with usage counts that follow', async () => {
    await api.gql(
      CREATE,
      { input: { title: 'Tunnistekäytäntö', tags: ['Yhdistä minut'] } },
      api.curatorToken,
    );
    const source = await api.gql<{
      tag: { id: string; slug: string; version: number; usage: { bestPractices: number } };
    }>(TAG, { slug: 'yhdista-minut' });
    expect(source.data?.tag?.usage.bestPractices).toBe(1);
    const renamed = await api.gql<{ updateTag: { tag: { slug: string; version: number } } }>(
      `mutation($input: UpdateTagInput!) { updateTag(input: $input) { tag { slug version } errors { field } } }`,
      { input: { id: source.data!.tag.id, version: 1, name: 'Yhdistettävä' } },
      api.curatorToken,
    );
    expect(renamed.data?.updateTag.tag).toEqual({ slug: 'yhdistettava', version: 2 });

    const target = await api.gql<{ tag: { id: string } }>(TAG, { slug: 'asiakaspalvelu' });
    const badTarget = await api.gql<{ mergeTags: { errors: { field: string; code: string }[] } }>(
      MERGE,
      { input: { sourceId: source.data!.tag.id, targetId: 'nonsense', sourceVersion: 2 } },
      api.curatorToken,
    );
    expect(badTarget.data?.mergeTags.errors).toEqual([
      { field: 'targetId', code: 'UNKNOWN_REFERENCE' },
    ]);
    const merged = await api.gql<{
      mergeTags: { tag: { slug: string }; mergedTag: { slug: string }; movedCount: number };
    }>(
      MERGE,
      { input: { sourceId: source.data!.tag.id, targetId: target.data!.tag.id, sourceVersion: 2 } },
      api.curatorToken,
    );
    expect(merged.data?.mergeTags).toMatchObject({
      tag: { slug: 'asiakaspalvelu' },
      mergedTag: { slug: 'yhdistettava' },
      movedCount: 1,
      errors: [],
    });
    // The merged tag's slug leads to the tag it went into.
    const followed = await api.gql<{ tag: { slug: string } }>(TAG, { slug: 'yhdistettava' });
    expect(followed.data?.tag.slug).toBe('asiakaspalvelu');
    const archivedTags = await api.gql<{
      archivedRecords: { nodes: { title: string; mergedInto: { slug: string } | null }[] };
    }>(ARCHIVED, { kind: 'TAG' }, api.curatorToken);
    expect(archivedTags.data?.archivedRecords.nodes).toContainEqual(
      expect.objectContaining({ title: 'Yhdistettävä', mergedInto: { slug: 'asiakaspalvelu' } }),
    );
  });
});
