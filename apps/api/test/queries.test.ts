import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApi, startTestApi } from './server.js';

describe('GraphQL reads', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('reads the 11.3.2019 meeting with participants, agenda, decisions, actions, links and the next meeting', async () => {
    const r = await api.gql<{
      meetings: { totalCount: number; nodes: Record<string, unknown>[] };
    }>(`{
      meetings(filter: { from: "2019-03-01T00:00", to: "2019-04-01T00:00" }) {
        totalCount
        nodes {
          id title startsAt endsAt format remoteTool status
          participants { person { name } organisation { name } roles attendance }
          agenda { number title decisions { text } actions { description owner { name } status } }
          resources { url }
          nextMeeting { title startsAt endsAt venue { room floor building town organisation { name } } }
          revisions { version action actor { name } note }
        }
      }
    }`);
    expect(r.errors).toBeUndefined();
    expect(r.data!.meetings.totalCount).toBe(1);
    const meeting = r.data!.meetings.nodes[0] as {
      startsAt: string;
      participants: { person: { name: string }; roles: string[] }[];
      agenda: { number: number; actions: { owner: { name: string } | null }[] }[];
      resources: { url: string }[];
      nextMeeting: { startsAt: string; venue: { room: string; organisation: { name: string } } };
      revisions: { action: string; note: string }[];
    };
    expect(meeting).toMatchObject({
      format: 'REMOTE',
      remoteTool: 'Skype',
      status: 'HELD',
      startsAt: '2019-03-11T13:00:00+02:00',
    });
    expect(meeting.participants).toHaveLength(6);
    expect(meeting.participants[0]).toMatchObject({
      person: { name: 'Minna Männikkö' },
      roles: ['CHAIR', 'SECRETARY'],
    });
    expect(meeting.agenda.map((a) => a.number)).toEqual([1, 2, 3, 4, 5]);
    expect(meeting.agenda[1]!.actions[1]!.owner?.name).toBe('Laura Similä');
    expect(meeting.resources).toHaveLength(4);
    expect(meeting.nextMeeting).toMatchObject({
      startsAt: '2019-05-17T10:00:00+03:00',
      venue: { room: 'Koulutustila Nöömanni', organisation: { name: 'Oulun kaupunginkirjasto' } },
    });
    expect(meeting.revisions).toEqual([
      { version: 1, action: 'CREATE', actor: null, note: 'seed' },
    ]);
  });

  it('pages with cursors: first/after, pageInfo, totalCount', async () => {
    const page = (after?: string) =>
      api.gql<{
        organisations: {
          totalCount: number;
          edges: { cursor: string; node: { name: string } }[];
          pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string };
        };
      }>(
        `query($after: String) { organisations(first: 20, after: $after, filter: { kind: LIBRARY }) {
          totalCount edges { cursor node { name } } pageInfo { hasNextPage hasPreviousPage endCursor } } }`,
        { after },
      );
    const first = await page();
    const total = first.data!.organisations.totalCount;
    expect(total).toBeGreaterThan(30);
    expect(first.data!.organisations.pageInfo).toMatchObject({
      hasNextPage: true,
      hasPreviousPage: false,
    });
    const names: string[] = first.data!.organisations.edges.map((e) => e.node.name);
    let cursor = first.data!.organisations.pageInfo.endCursor;
    for (;;) {
      const next = await page(cursor);
      names.push(...next.data!.organisations.edges.map((e) => e.node.name));
      expect(next.data!.organisations.pageInfo.hasPreviousPage).toBe(true);
      if (!next.data!.organisations.pageInfo.hasNextPage) break;
      cursor = next.data!.organisations.pageInfo.endCursor;
    }
    expect(names).toHaveLength(total);
    expect(new Set(names).size).toBe(total);
    expect([...names]).toEqual([...names].sort((a, b) => a.localeCompare(b, 'fi')));
  });

  it('resolves networks by date, and filters organisations by network', async () => {
    const r = await api.gql<{
      organisations: {
        nodes: {
          name: string;
          network2019: { shortName: string } | null;
          network2024: { shortName: string } | null;
        }[];
      };
    }>(`{
      organisations(filter: { nameContains: "Sievin" }) {
        nodes { name network2019: network(on: "2019-03-11") { shortName } network2024: network(on: "2024-01-01") { shortName } }
      }
    }`);
    expect(r.data!.organisations.nodes).toEqual([
      {
        name: 'Sievin kunnankirjasto',
        network2019: { shortName: 'Tiekkö' },
        network2024: { shortName: 'Joki' },
      },
    ]);
    const outi = await api.gql<{ organisations: { nodes: { id: string }[] } }>(
      `{ organisations(filter: { nameContains: "OUTI" }) { nodes { id } } }`,
    );
    const members = await api.gql<{ organisations: { totalCount: number } }>(
      `query($id: ID!) { organisations(first: 100, filter: { networkId: $id, on: "2019-03-11" }) { totalCount } }`,
      { id: outi.data!.organisations.nodes[0]!.id },
    );
    expect(members.data!.organisations.totalCount).toBe(16);
  });

  it('fetches any object by global id with node and nodes', async () => {
    const list = await api.gql<{ resources: { nodes: { id: string; title: string }[] } }>(
      `{ resources(first: 2) { nodes { id title } } }`,
    );
    const [a, b] = list.data!.resources.nodes;
    const r = await api.gql<{
      node: { __typename: string; title: string };
      nodes: ({ id: string } | null)[];
    }>(
      `query($a: ID!, $ids: [ID!]!) { node(id: $a) { __typename ... on Resource { title } } nodes(ids: $ids) { id } }`,
      { a: a!.id, ids: [b!.id, 'bm90LWFuLWlk', a!.id] },
    );
    expect(r.data!.node).toEqual({ __typename: 'Resource', title: a!.title });
    expect(r.data!.nodes).toEqual([{ id: b!.id }, null, { id: a!.id }]);
  });

  it('reads trainings, programmes with coverage, ideas, best practices, tags, people and groups', async () => {
    const r = await api.gql<
      Record<string, { nodes: Record<string, unknown>[] } | Record<string, unknown>[]>
    >(`{
      trainings(filter: { year: 2019 }) { nodes { title kind season status remoteParticipation sessions { venue { town } alternativeGroup } programme { title presenter { name } } partner { shortName } } }
      mentoringProgrammes { nodes { name coverage { visits days libraries bookmobiles } reportedCoverage { days libraries bookmobiles } contact { name } } }
      developmentIdeas(filter: { status: UNDER_CONSIDERATION }) { nodes { title status tags { name } } }
      bestPractices { nodes { title originOrganisation { name } relatedResources { title } tags { slug } } }
      tags(first: 100) { nodes { slug } }
      people(filter: { nameContains: "Laakso" }) { nodes { name jobTitle organisation { name } anonymised } }
      workingGroups { name roles(on: "2019-05-17") { person { name } role } }
    }`);
    expect(r.errors).toBeUndefined();
    type Nodes = { nodes: Record<string, unknown>[] };
    const d = r.data as unknown as {
      trainings: Nodes;
      mentoringProgrammes: Nodes;
      developmentIdeas: Nodes;
      bestPractices: Nodes;
      people: Nodes;
      workingGroups: { roles: { role: string; person: { name: string } }[] }[];
    };
    expect(d.trainings.nodes).toHaveLength(3);
    expect(d.mentoringProgrammes.nodes[0]).toMatchObject({
      coverage: { visits: 0, days: 0, libraries: 0, bookmobiles: 0 },
      reportedCoverage: { days: 37, libraries: 16, bookmobiles: 6 },
      contact: { name: 'Pirjo Tuomimäki' },
    });
    expect(d.developmentIdeas.nodes).toHaveLength(1);
    expect(d.bestPractices.nodes[0]).toMatchObject({
      originOrganisation: { name: 'Porvoon kaupunginkirjasto' },
    });
    expect(d.people.nodes).toEqual([
      {
        name: 'Jarno Laakso',
        jobTitle: 'kirjastonhoitaja',
        organisation: { name: 'Oulun kaupunginkirjasto' },
        anonymised: false,
      },
    ]);
    const roles = d.workingGroups[0]!.roles.filter((x) => x.role !== 'MEMBER')
      .map((x) => `${x.role}:${x.person.name}`)
      .sort();
    expect(roles).toEqual(['CHAIR:Minna Männikkö', 'SECRETARY:Isa Kotilaine']);
  });

  it('tells the viewer who they are, and hides emails from others', async () => {
    const anon = await api.gql<{ viewer: unknown }>(
      '{ viewer { user { name } canCurate isAdmin } }',
    );
    expect(anon.data!.viewer).toEqual({ user: null, canCurate: false, isAdmin: false });
    const curator = await api.gql<{ viewer: { user: { email: string } } }>(
      '{ viewer { user { name email role } canCurate isAdmin } }',
      {},
      api.curatorToken,
    );
    expect(curator.data!.viewer).toEqual({
      user: { name: 'Testi curator', email: 'curator@example.org', role: 'CURATOR' },
      canCurate: true,
      isAdmin: false,
    });
    const bad = await api.gql(
      '{ viewer { canCurate } }',
      {},
      'ake_not-a-real-token-at-all-000000000',
    );
    expect(bad.status).toBe(401);
    expect(bad.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses bad arguments clearly', async () => {
    const tooMany = await api.gql('{ resources(first: 101) { totalCount } }');
    expect(tooMany.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(tooMany.errors?.[0]?.message).toMatch(/first must be between 0 and 100/);
    const badCursor = await api.gql('{ resources(after: "nonsense") { totalCount } }');
    expect(badCursor.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const badDate = await api.gql('{ meetings(filter: { from: "eilen" }) { totalCount } }');
    expect(badDate.errors?.[0]?.message).toMatch(/filter.from/);
  });
});
