import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApi, startTestApi } from './server.js';

const CREATE_RESOURCE = `mutation($input: CreateResourceInput!) {
  createResource(input: $input) { resource { id url title version language tags { name } createdBy { name } } errors { field code message } }
}`;
const UPDATE_RESOURCE = `mutation($input: UpdateResourceInput!) {
  updateResource(input: $input) { resource { id title version revisions { version action actor { name } changes { field from to } } } errors { field code message } }
}`;

type Payload<K extends string, T> = Record<
  K,
  { errors: { field: string; code: string; message: string }[] } & Record<string, T | null>
>;

describe('GraphQL writes', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('refuses anonymous writes', async () => {
    const r = await api.gql(CREATE_RESOURCE, {
      input: { url: 'https://example.org/', title: 'X' },
    });
    expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(r.data).toBeNull();
  });

  it('lets a curator add a link, and names each bad field', async () => {
    const ok = await api.gql<
      Payload<
        'createResource',
        {
          id: string;
          version: number;
          language: string;
          tags: { name: string }[];
          createdBy: { name: string };
        }
      >
    >(
      CREATE_RESOURCE,
      {
        input: {
          url: 'https://www.kirjastot.fi/saavutettavuus?utm_source=x',
          title: 'Saavutettavuus',
          language: 'FI',
          tags: ['Saavutettavuus'],
        },
      },
      api.curatorToken,
    );
    expect(ok.data!.createResource.errors).toEqual([]);
    expect(ok.data!.createResource.resource).toMatchObject({
      version: 1,
      language: 'FI',
      tags: [{ name: 'Saavutettavuus' }],
      createdBy: { name: 'Testi curator' },
    });

    const bad = await api.gql<Payload<'createResource', unknown>>(
      CREATE_RESOURCE,
      { input: { url: 'javascript:alert(1)', title: 'x'.repeat(5000) } },
      api.curatorToken,
    );
    expect(bad.data!.createResource.resource).toBeNull();
    expect(bad.data!.createResource.errors.map((e) => [e.field, e.code])).toEqual([
      ['url', 'INVALID_URL'],
      ['title', 'TOO_LONG'],
    ]);
    const data = await api.gql<Payload<'createResource', unknown>>(
      CREATE_RESOURCE,
      { input: { url: 'data:text/html,hi', title: 'D' } },
      api.curatorToken,
    );
    expect(data.data!.createResource.errors[0]).toMatchObject({
      field: 'url',
      code: 'INVALID_URL',
    });
    const dup = await api.gql<Payload<'createResource', unknown>>(
      CREATE_RESOURCE,
      { input: { url: 'HTTPS://WWW.KIRJASTOT.FI/saavutettavuus/', title: 'Sama' } },
      api.curatorToken,
    );
    expect(dup.data!.createResource.errors[0]).toMatchObject({ field: 'url', code: 'DUPLICATE' });
    const wrongId = await api.gql<Payload<'createResource', unknown>>(
      CREATE_RESOURCE,
      {
        input: {
          url: 'https://example.org/x',
          title: 'X',
          sourceMeetingId: 'bm9wZQ',
          organisationId: 'UGVyc29uOjE',
        },
      },
      api.curatorToken,
    );
    expect(wrongId.data!.createResource.errors.map((e) => [e.field, e.code])).toEqual([
      ['organisationId', 'UNKNOWN_REFERENCE'],
      ['sourceMeetingId', 'UNKNOWN_REFERENCE'],
    ]);
  });

  it('refuses a stale update with CONFLICT and records who changed what', async () => {
    const created = await api.gql<Payload<'createResource', { id: string }>>(
      CREATE_RESOURCE,
      { input: { url: 'https://example.org/versio', title: 'Versio' } },
      api.curatorToken,
    );
    const id = created.data!.createResource.resource!.id;
    const first = await api.gql<
      Payload<
        'updateResource',
        {
          version: number;
          revisions: {
            version: number;
            action: string;
            actor: { name: string } | null;
            changes: { field: string; from: string; to: string }[];
          }[];
        }
      >
    >(UPDATE_RESOURCE, { input: { id, version: 1, title: 'Versio 2' } }, api.curatorToken);
    const saved = first.data!.updateResource.resource!;
    expect(saved.version).toBe(2);
    expect(saved.revisions.at(-1)).toEqual({
      version: 2,
      action: 'UPDATE',
      actor: { name: 'Testi curator' },
      changes: [{ field: 'title', from: '"Versio"', to: '"Versio 2"' }],
    });
    const stale = await api.gql<Payload<'updateResource', unknown>>(
      UPDATE_RESOURCE,
      { input: { id, version: 1, title: 'Myöhässä' } },
      api.curatorToken,
    );
    expect(stale.data!.updateResource.errors[0]).toMatchObject({
      field: 'version',
      code: 'CONFLICT',
    });
    const archived = await api.gql<Payload<'archiveResource', { id: string }>>(
      `mutation($input: ArchiveInput!) { archiveResource(input: $input) { resource { id } errors { code } } }`,
      { input: { id, version: 2 } },
      api.curatorToken,
    );
    expect(archived.data!.archiveResource.errors).toEqual([]);
    const gone = await api.gql<{ node: unknown }>('query($id: ID!) { node(id: $id) { id } }', {
      id,
    });
    expect(gone.data!.node).toBeNull();
  });

  it('records a meeting with nested agenda through GraphQL, naming a bad nested id', async () => {
    const groups = await api.gql<{
      workingGroups: { id: string }[];
      people: { nodes: { id: string }[] };
    }>('{ workingGroups { id } people(first: 2) { nodes { id } } }');
    const groupId = groups.data!.workingGroups[0]!.id;
    const [a, b] = groups.data!.people.nodes;
    const MUTATION = `mutation($input: CreateMeetingInput!) { createMeeting(input: $input) {
      meeting { id title startsAt format participants { person { id } roles } agenda { number title actions { owner { id } dueDate status } } }
      errors { field code } } }`;
    const input = {
      groupId,
      title: 'Syyskokous',
      startsAt: '2019-10-02T10:15',
      endsAt: '2019-10-02T15:30',
      format: 'HYBRID',
      venue: { room: 'Nöömanni', town: 'Oulu' },
      participants: [
        { personId: a!.id, roles: ['CHAIR'] },
        { personId: b!.id, roles: ['SECRETARY'] },
      ],
      agenda: [
        {
          number: 1,
          title: 'Koulutukset',
          decisions: ['Sovittiin.'],
          actions: [{ description: 'Varataan tila.', ownerId: b!.id, dueDate: '2019-11-01' }],
        },
      ],
    };
    const ok = await api.gql<
      Payload<
        'createMeeting',
        {
          startsAt: string;
          format: string;
          agenda: { actions: { owner: { id: string }; status: string }[] }[];
        }
      >
    >(MUTATION, { input }, api.curatorToken);
    expect(ok.data!.createMeeting.errors).toEqual([]);
    expect(ok.data!.createMeeting.meeting).toMatchObject({
      startsAt: '2019-10-02T10:15:00+03:00',
      format: 'HYBRID',
    });
    expect(ok.data!.createMeeting.meeting!.agenda[0]!.actions[0]).toMatchObject({
      owner: { id: b!.id },
      status: 'OPEN',
    });

    const bad = await api.gql<Payload<'createMeeting', unknown>>(
      MUTATION,
      {
        input: {
          ...input,
          startsAt: '2.10.2019',
          agenda: [{ ...input.agenda[0], actions: [{ description: 'x', ownerId: groupId }] }],
        },
      },
      api.curatorToken,
    );
    expect(bad.data!.createMeeting.errors).toEqual([
      { field: 'agenda.0.actions.0.ownerId', code: 'UNKNOWN_REFERENCE' },
    ]);
    const badDate = await api.gql<Payload<'createMeeting', unknown>>(
      MUTATION,
      { input: { ...input, startsAt: '2.10.2019' } },
      api.curatorToken,
    );
    expect(badDate.data!.createMeeting.errors).toEqual([
      { field: 'startsAt', code: 'INVALID_DATE' },
    ]);
  });

  it('plans a training and records a work visit, with their own update and archive', async () => {
    const orgs = await api.gql<{ organisations: { nodes: { id: string; name: string }[] } }>(
      '{ organisations(first: 100, filter: { nameContains: "Raahen" }) { nodes { id name } } }',
    );
    const raahe = orgs.data!.organisations.nodes[0]!.id;
    const visit = await api.gql<
      Payload<
        'createWorkVisit',
        { id: string; days: number; host: { name: string }; version: number }
      >
    >(
      `mutation($input: CreateWorkVisitInput!) { createWorkVisit(input: $input) { workVisit { id days version host { name } } errors { field code } } }`,
      {
        input: {
          hostId: raahe,
          startDate: '2020-02-03',
          days: 1.5,
          goals: 'Tutustua asiakaspalveluun',
        },
      },
      api.curatorToken,
    );
    expect(visit.data!.createWorkVisit.workVisit).toMatchObject({
      days: 1.5,
      host: { name: 'Raahen kaupunginkirjasto' },
      version: 1,
    });
    const updated = await api.gql<Payload<'updateWorkVisit', { lessons: string; version: number }>>(
      `mutation($input: UpdateWorkVisitInput!) { updateWorkVisit(input: $input) { workVisit { lessons version } errors { field code } } }`,
      {
        input: { id: visit.data!.createWorkVisit.workVisit!.id, version: 1, lessons: 'Hyvä päivä' },
      },
      api.curatorToken,
    );
    expect(updated.data!.updateWorkVisit.workVisit).toEqual({ lessons: 'Hyvä päivä', version: 2 });

    const training = await api.gql<
      Payload<
        'createTraining',
        { id: string; status: string; sessions: { venue: { town: string } }[] }
      >
    >(
      `mutation($input: CreateTrainingInput!) { createTraining(input: $input) { training { id status sessions { venue { town } } } errors { field code } } }`,
      {
        input: {
          title: 'Kielikoulutus 2020',
          kind: 'LANGUAGE',
          year: 2020,
          season: 'AUTUMN',
          sessions: [{ venue: { town: 'Kajaani' } }],
        },
      },
      api.curatorToken,
    );
    expect(training.data!.createTraining.training).toMatchObject({
      status: 'IDEA',
      sessions: [{ venue: { town: 'Kajaani' } }],
    });
    const scheduled = await api.gql<Payload<'updateTraining', { status: string }>>(
      `mutation($input: UpdateTrainingInput!) { updateTraining(input: $input) { training { status } errors { field code } } }`,
      {
        input: { id: training.data!.createTraining.training!.id, version: 1, status: 'SCHEDULED' },
      },
      api.curatorToken,
    );
    expect(scheduled.data!.updateTraining.training).toEqual({ status: 'SCHEDULED' });
  });

  it('writes best practices, ideas and tags', async () => {
    const practice = await api.gql<
      Payload<'createBestPractice', { id: string; tags: { slug: string }[] }>
    >(
      `mutation { createBestPractice(input: { title: "Kyläilypäivä", body: "## Miten\\n\\nVieraile.", tags: ["kyläily"] }) { bestPractice { id tags { slug } } errors { field code } } }`,
      {},
      api.curatorToken,
    );
    expect(practice.data!.createBestPractice.bestPractice!.tags).toEqual([{ slug: 'kylaily' }]);
    const idea = await api.gql<Payload<'createDevelopmentIdea', { status: string }>>(
      `mutation { createDevelopmentIdea(input: { title: "Mentorointiverkosto", status: PLANNED }) { developmentIdea { status } errors { field code } } }`,
      {},
      api.curatorToken,
    );
    expect(idea.data!.createDevelopmentIdea.developmentIdea).toEqual({ status: 'PLANNED' });
    const tag = await api.gql<Payload<'createTag', unknown>>(
      `mutation { createTag(input: { name: "Kyläily" }) { tag { id } errors { field code } } }`,
      {},
      api.curatorToken,
    );
    expect(tag.data!.createTag.errors).toEqual([{ field: 'name', code: 'DUPLICATE' }]);
  });

  it('lets only admins create users, returning a working token once', async () => {
    const MUTATION = `mutation($input: CreateUserInput!) { createUser(input: $input) { user { email role } token errors { field code } } }`;
    const byCurator = await api.gql(
      MUTATION,
      { input: { email: 'uusi@example.org', name: 'Uusi', role: 'CURATOR' } },
      api.curatorToken,
    );
    expect(byCurator.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const byAdmin = await api.gql<{
      createUser: { user: { email: string }; token: string; errors: unknown[] };
    }>(
      MUTATION,
      { input: { email: 'Uusi@Example.org', name: 'Uusi', role: 'CURATOR' } },
      api.adminToken,
    );
    expect(byAdmin.data!.createUser.user).toEqual({ email: 'uusi@example.org', role: 'CURATOR' });
    const viewer = await api.gql<{ viewer: { canCurate: boolean } }>(
      '{ viewer { canCurate } }',
      {},
      byAdmin.data!.createUser.token,
    );
    expect(viewer.data!.viewer.canCurate).toBe(true);
    const invalid = await api.gql<{ createUser: { errors: { field: string; code: string }[] } }>(
      MUTATION,
      { input: { email: 'ei-sähköposti', name: '', role: 'ADMIN' } },
      api.adminToken,
    );
    expect(invalid.data!.createUser.errors.map((e) => e.field).sort()).toEqual(['email', 'name']);
  });
});
