/** Action items across meetings over GraphQL: the list with its filters, and setting a status. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApi, startTestApi } from './server.js';

interface ActionNode {
  id: string;
  description: string;
  status: string;
  dueDate: string | null;
  overdue: boolean;
  owner: { id: string } | null;
  meeting: { id: string; title: string };
}

const ACTIONS = `query($filter: ActionItemFilter, $first: Int, $after: String) {
  actionItems(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    nodes { id description status dueDate overdue owner { id } meeting { id title } }
  }
}`;
const SET_STATUS = `mutation($input: SetActionItemStatusInput!) {
  setActionItemStatus(input: $input) { actionItem { id status meeting { version } } errors { field code } }
}`;

describe('action items over GraphQL', () => {
  let api: TestApi;
  let ownerId: string;
  let earlierId: string;
  let laterId: string;
  beforeAll(async () => {
    api = await startTestApi();
    const found = await api.gql<{
      workingGroups: { id: string }[];
      people: { nodes: { id: string }[] };
    }>('{ workingGroups { id } people(first: 1) { nodes { id } } }');
    const groupId = found.data!.workingGroups[0]!.id;
    ownerId = found.data!.people.nodes[0]!.id;
    const create = async (title: string, startsAt: string, actions: unknown[]) => {
      const r = await api.gql<{ createMeeting: { meeting: { id: string } | null; errors: [] } }>(
        `mutation($input: CreateMeetingInput!) { createMeeting(input: $input) { meeting { id } errors { field code } } }`,
        {
          input: {
            groupId,
            title,
            startsAt,
            format: 'REMOTE',
            status: 'PLANNED',
            agenda: [{ number: 1, title: 'Asiat', actions }],
          },
        },
        api.curatorToken,
      );
      expect(r.data!.createMeeting.errors).toEqual([]);
      return r.data!.createMeeting.meeting!.id;
    };
    earlierId = await create('API-kokous 1', '2020-01-10T13:00', [
      { description: 'Myöhässä oleva tehtävä', ownerId, dueDate: '2020-02-01' },
      { description: 'Tehty tehtävä', ownerId, status: 'DONE' },
    ]);
    laterId = await create('API-kokous 2', '2099-01-10T13:00', [
      { description: 'Tuleva tehtävä', dueDate: '2099-02-01' },
    ]);
  });
  afterAll(() => api.close());

  it('lists actions with their meeting, filtered by status, owner, due date and overdue, in pages', async () => {
    const open = await api.gql<{ actionItems: { totalCount: number; nodes: ActionNode[] } }>(
      ACTIONS,
      {
        filter: { status: ['OPEN', 'IN_PROGRESS'], ownerId },
        first: 100,
      },
    );
    const late = open.data!.actionItems.nodes.find(
      (a) => a.description === 'Myöhässä oleva tehtävä',
    );
    expect(late).toMatchObject({
      overdue: true,
      meeting: { id: earlierId },
      owner: { id: ownerId },
    });
    expect(open.data!.actionItems.nodes.map((a) => a.description)).not.toContain('Tehty tehtävä');

    const overdue = await api.gql<{ actionItems: { nodes: ActionNode[] } }>(ACTIONS, {
      filter: { overdue: true },
      first: 100,
    });
    const overdueTexts = overdue.data!.actionItems.nodes.map((a) => a.description);
    expect(overdueTexts).toContain('Myöhässä oleva tehtävä');
    expect(overdueTexts).not.toContain('Tuleva tehtävä');

    const before = await api.gql<{ actionItems: { nodes: ActionNode[] } }>(ACTIONS, {
      filter: { dueBefore: '2021-01-01' },
      first: 100,
    });
    expect(before.data!.actionItems.nodes.map((a) => a.description)).not.toContain(
      'Tuleva tehtävä',
    );

    const first = await api.gql<{
      actionItems: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string } };
    }>(ACTIONS, { first: 1 });
    expect(first.data!.actionItems.totalCount).toBeGreaterThan(1);
    expect(first.data!.actionItems.pageInfo.hasNextPage).toBe(true);

    const bad = await api.gql(ACTIONS, { filter: { dueBefore: '1.2.2020' } });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it("shows a past planned meeting as held, and the earlier meetings' open actions on the next one", async () => {
    const r = await api.gql<{
      earlier: { status: string; recordedStatus: string };
      later: { status: string; earlierOpenActions: { description: string }[] };
    }>(
      `query($a: ID!, $b: ID!) {
        earlier: node(id: $a) { ... on Meeting { status recordedStatus } }
        later: node(id: $b) { ... on Meeting { status earlierOpenActions { description } } }
      }`,
      { a: earlierId, b: laterId },
    );
    expect(r.data!.earlier).toEqual({ status: 'HELD', recordedStatus: 'PLANNED' });
    expect(r.data!.later.status).toBe('PLANNED');
    const texts = r.data!.later.earlierOpenActions.map((a) => a.description);
    expect(texts).toContain('Myöhässä oleva tehtävä');
    expect(texts).not.toContain('Tehty tehtävä');
    expect(texts).not.toContain('Tuleva tehtävä');
  });

  it('lets a curator close an action, which leaves the open list; refuses others and bad ids as data', async () => {
    const open = await api.gql<{ actionItems: { nodes: ActionNode[] } }>(ACTIONS, {
      filter: { status: ['OPEN'], ownerId },
      first: 100,
    });
    const action = open.data!.actionItems.nodes.find(
      (a) => a.description === 'Myöhässä oleva tehtävä',
    )!;

    const anonymous = await api.gql(SET_STATUS, { input: { id: action.id, status: 'DONE' } });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const done = await api.gql<{
      setActionItemStatus: { actionItem: { status: string } | null; errors: unknown[] };
    }>(SET_STATUS, { input: { id: action.id, status: 'DONE' } }, api.curatorToken);
    expect(done.data!.setActionItemStatus).toMatchObject({
      actionItem: { status: 'DONE' },
      errors: [],
    });

    const after = await api.gql<{ actionItems: { nodes: ActionNode[] } }>(ACTIONS, {
      filter: { status: ['OPEN', 'IN_PROGRESS'], ownerId },
      first: 100,
    });
    expect(after.data!.actionItems.nodes.map((a) => a.id)).not.toContain(action.id);

    const wrongType = await api.gql<{ setActionItemStatus: { errors: unknown[] } }>(
      SET_STATUS,
      { input: { id: earlierId, status: 'DONE' } },
      api.curatorToken,
    );
    expect(wrongType.data!.setActionItemStatus.errors).toEqual([
      { field: 'id', code: 'UNKNOWN_REFERENCE' },
    ]);
  });

  it('links a user to their person, shown to that user (for their own actions) and not to others', async () => {
    const created = await api.gql<{
      createUser: { token: string | null; errors: { field: string; code: string }[] };
    }>(
      `mutation($input: CreateUserInput!) { createUser(input: $input) { token errors { field code } } }`,
      {
        input: {
          email: 'henkilo@example.org',
          name: 'Henkilö',
          role: 'CURATOR',
          personId: ownerId,
        },
      },
      api.adminToken,
    );
    expect(created.data!.createUser.errors).toEqual([]);
    const viewer = await api.gql<{ viewer: { user: { person: { id: string } | null } } }>(
      '{ viewer { user { person { id } } } }',
      {},
      created.data!.createUser.token!,
    );
    expect(viewer.data!.viewer.user.person).toEqual({ id: ownerId });
    const other = await api.gql<{ viewer: { user: { person: unknown } } }>(
      '{ viewer { user { person { id } } } }',
      {},
      api.curatorToken,
    );
    expect(other.data!.viewer.user.person).toBeNull();
    const bad = await api.gql<{ createUser: { errors: { field: string; code: string }[] } }>(
      `mutation($input: CreateUserInput!) { createUser(input: $input) { token errors { field code } } }`,
      { input: { email: 'x@example.org', name: 'X', role: 'CURATOR', personId: earlierId } },
      api.adminToken,
    );
    expect(bad.data!.createUser.errors).toEqual([{ field: 'personId', code: 'UNKNOWN_REFERENCE' }]);
  });
});
