/**
 * The directory's mutations over HTTP: organisations and people created and edited (field
 * errors, conflicts, global ids), network memberships moved and ended, roles in the working
 * group added and ended, and anonymising a person (administrators only).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApi, startTestApi } from './server.js';

const ERRORS = 'errors { field code message }';
const CREATE_ORGANISATION = `mutation($input: CreateOrganisationInput!) {
  createOrganisation(input: $input) { organisation { id name kind version city createdBy { name } } ${ERRORS} }
}`;
const UPDATE_ORGANISATION = `mutation($input: UpdateOrganisationInput!) {
  updateOrganisation(input: $input) { organisation { id nameSv version updatedBy { name } revisions { version action changes { field from to } } } ${ERRORS} }
}`;
const ADD_MEMBERSHIP = `mutation($input: AddOrganisationMembershipInput!) {
  addOrganisationMembership(input: $input) { membership { id validFrom validTo network { shortName } } ${ERRORS} }
}`;
const END_MEMBERSHIP = `mutation($input: EndOrganisationMembershipInput!) {
  endOrganisationMembership(input: $input) { membership { id validTo } ${ERRORS} }
}`;
const CREATE_PERSON = `mutation($input: CreatePersonInput!) {
  createPerson(input: $input) { person { id name email version organisation { name } } ${ERRORS} }
}`;
const UPDATE_PERSON = `mutation($input: UpdatePersonInput!) {
  updatePerson(input: $input) { person { id jobTitle version } ${ERRORS} }
}`;
const ADD_ROLE = `mutation($input: AddGroupRoleInput!) {
  addGroupRole(input: $input) { membership { id role validFrom validTo group { shortName } } ${ERRORS} }
}`;
const END_ROLE = `mutation($input: EndGroupRoleInput!) {
  endGroupRole(input: $input) { membership { id validTo } ${ERRORS} }
}`;
const ANONYMISE = `mutation($id: ID!) {
  anonymisePerson(input: { id: $id }) { person { id name anonymised email } ${ERRORS} }
}`;

interface UserError {
  field: string;
  code: string;
  message: string;
}
type Payload<T> = { errors: UserError[] } & Record<string, T | null>;

describe('the directory over GraphQL', () => {
  let api: TestApi;
  let kiriId: string;
  let jokiId: string;
  let libraryId: string;
  let personId: string;
  beforeAll(async () => {
    api = await startTestApi();
    const networks = await api.gql<{
      organisations: { nodes: { id: string; shortName: string }[] };
    }>(
      `{ organisations(first: 100, filter: { kind: LIBRARY_NETWORK }) { nodes { id shortName } } }`,
    );
    const byShort = new Map(networks.data!.organisations.nodes.map((n) => [n.shortName, n.id]));
    kiriId = byShort.get('Kiri')!;
    jokiId = byShort.get('Joki')!;
  });
  afterAll(() => api.close());

  async function call<T>(
    query: string,
    key: string,
    variables: Record<string, unknown>,
    token = api.curatorToken,
  ): Promise<Payload<T>> {
    const response = await api.gql<Record<string, Payload<T>>>(query, variables, token);
    if (response.errors) throw new Error(JSON.stringify(response.errors));
    return response.data![key]!;
  }

  it('refuses anonymous directory writes', async () => {
    const r = await api.gql(CREATE_ORGANISATION, { input: { kind: 'LIBRARY', name: 'X' } });
    expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('creates an organisation, naming each bad field', async () => {
    const bad = await call(CREATE_ORGANISATION, 'createOrganisation', {
      input: {
        kind: 'LIBRARY',
        name: ' ',
        homepage: 'javascript:alert(1)',
        parentId: kiriId.slice(1),
      },
    });
    expect(bad.errors.map((e) => [e.field, e.code])).toEqual([['parentId', 'UNKNOWN_REFERENCE']]);
    const invalid = await call(CREATE_ORGANISATION, 'createOrganisation', {
      input: { kind: 'LIBRARY', name: ' ', homepage: 'javascript:alert(1)', latitude: 91 },
    });
    expect(invalid.errors.map((e) => [e.field, e.code])).toEqual([
      ['name', 'REQUIRED'],
      ['latitude', 'TOO_LARGE'],
      ['homepage', 'INVALID_URL'],
    ]);
    const created = await call<{ id: string; version: number; createdBy: { name: string } }>(
      CREATE_ORGANISATION,
      'createOrganisation',
      { input: { kind: 'LIBRARY', name: 'Rajalan kirjasto', city: 'Rajala' } },
    );
    expect(created.errors).toEqual([]);
    expect(created.organisation).toMatchObject({
      version: 1,
      createdBy: { name: 'Testi curator' },
    });
    libraryId = created.organisation!.id;
    const duplicate = await call(CREATE_ORGANISATION, 'createOrganisation', {
      input: { kind: 'LIBRARY', name: 'rajalan  KIRJASTO' },
    });
    expect(duplicate.errors[0]).toMatchObject({ field: 'name', code: 'DUPLICATE' });
  });

  it('edits an organisation from the version seen, refusing a stale one', async () => {
    const edited = await call<{ version: number; revisions: { action: string }[] }>(
      UPDATE_ORGANISATION,
      'updateOrganisation',
      { input: { id: libraryId, version: 1, nameSv: 'Rajala bibliotek' } },
    );
    expect(edited.errors).toEqual([]);
    expect(edited.organisation!.version).toBe(2);
    expect(edited.organisation!.revisions.map((r) => r.action)).toEqual(['CREATE', 'UPDATE']);
    const stale = await call(UPDATE_ORGANISATION, 'updateOrganisation', {
      input: { id: libraryId, version: 1, nameSv: 'Toinen' },
    });
    expect(stale.errors[0]).toMatchObject({ field: 'version', code: 'CONFLICT' });
    const wrongType = await call(UPDATE_ORGANISATION, 'updateOrganisation', {
      input: { id: kiriId.replace(/./, 'x'), version: 2 },
    });
    expect(wrongType.errors[0]).toMatchObject({ field: 'id', code: 'UNKNOWN_REFERENCE' });
  });

  it('moves the library from Kiri to Joki-kirjastot and ends the membership', async () => {
    const kiri = await call<{ id: string }>(ADD_MEMBERSHIP, 'addOrganisationMembership', {
      input: { memberId: libraryId, networkId: kiriId, validFrom: '2016-01-01' },
    });
    expect(kiri.errors).toEqual([]);
    const overlap = await call(ADD_MEMBERSHIP, 'addOrganisationMembership', {
      input: { memberId: libraryId, networkId: jokiId, validFrom: '2020-01-01' },
    });
    expect(overlap.errors[0]).toMatchObject({ field: 'validFrom', code: 'CONFLICT' });
    const moved = await call<{ id: string }>(ADD_MEMBERSHIP, 'addOrganisationMembership', {
      input: {
        memberId: libraryId,
        networkId: jokiId,
        validFrom: '2020-01-01',
        closeCurrent: true,
      },
    });
    expect(moved.errors).toEqual([]);
    const read = await api.gql<{
      node: {
        memberships: {
          validFrom: string;
          validTo: string | null;
          network: { shortName: string };
        }[];
        network: { shortName: string } | null;
      };
    }>(
      `query($id: ID!) { node(id: $id) { ... on Organisation { network(on: "2019-06-01") { shortName } memberships { validFrom validTo network { shortName } } } } }`,
      { id: libraryId },
    );
    expect(read.data!.node.network?.shortName).toBe('Kiri');
    expect(read.data!.node.memberships).toEqual([
      { validFrom: '2016-01-01', validTo: '2019-12-31', network: { shortName: 'Kiri' } },
      { validFrom: '2020-01-01', validTo: null, network: { shortName: 'Joki' } },
    ]);
    const early = await call(END_MEMBERSHIP, 'endOrganisationMembership', {
      input: { id: moved.membership!.id, validTo: '2019-01-01' },
    });
    expect(early.errors[0]).toMatchObject({ field: 'validTo', code: 'INVALID_DATE' });
    const ended = await call<{ validTo: string }>(END_MEMBERSHIP, 'endOrganisationMembership', {
      input: { id: moved.membership!.id, validTo: '2025-12-31' },
    });
    expect(ended.membership).toMatchObject({ validTo: '2025-12-31' });
    const notAMembership = await call(END_MEMBERSHIP, 'endOrganisationMembership', {
      input: { id: libraryId, validTo: '2025-12-31' },
    });
    expect(notAMembership.errors[0]).toMatchObject({ field: 'id', code: 'UNKNOWN_REFERENCE' });
  });

  it('lists organisations by town and offers the towns', async () => {
    const r = await api.gql<{
      organisations: { totalCount: number; nodes: { name: string }[] };
      organisationTowns: string[];
    }>(
      `{ organisations(filter: { city: "rajala" }) { totalCount nodes { name } } organisationTowns }`,
    );
    expect(r.data!.organisations.nodes.map((o) => o.name)).toEqual(['Rajalan kirjasto']);
    expect(r.data!.organisationTowns).toContain('Rajala');
  });

  it('creates and edits a person, whose email only signed-in users see', async () => {
    const bad = await call(CREATE_PERSON, 'createPerson', {
      input: { name: '', email: 'ei-osoite' },
    });
    expect(bad.errors.map((e) => [e.field, e.code])).toEqual([
      ['name', 'REQUIRED'],
      ['email', 'INVALID'],
    ]);
    const created = await call<{ id: string; email: string; organisation: { name: string } }>(
      CREATE_PERSON,
      'createPerson',
      { input: { name: 'Raili Rajala', email: 'raili@example.org', organisationId: libraryId } },
    );
    expect(created.errors).toEqual([]);
    expect(created.person).toMatchObject({
      email: 'raili@example.org',
      organisation: { name: 'Rajalan kirjasto' },
    });
    personId = created.person!.id;
    const anonymousRead = await api.gql<{ node: { email: string | null; name: string } }>(
      `query($id: ID!) { node(id: $id) { ... on Person { name email } } }`,
      { id: personId },
    );
    expect(anonymousRead.data!.node).toEqual({ name: 'Raili Rajala', email: null });
    const edited = await call<{ version: number }>(UPDATE_PERSON, 'updatePerson', {
      input: { id: personId, version: 1, jobTitle: 'kirjastonjohtaja' },
    });
    expect(edited.person).toMatchObject({ version: 2, jobTitle: 'kirjastonjohtaja' });
    const stale = await call(UPDATE_PERSON, 'updatePerson', {
      input: { id: personId, version: 1, jobTitle: 'x' },
    });
    expect(stale.errors[0]).toMatchObject({ field: 'version', code: 'CONFLICT' });
  });

  it('adds a role in the working group and ends it', async () => {
    const groups = await api.gql<{ workingGroups: { id: string }[] }>('{ workingGroups { id } }');
    const groupId = groups.data!.workingGroups[0]!.id;
    const backwards = await call(ADD_ROLE, 'addGroupRole', {
      input: { groupId, personId, role: 'MEMBER', validFrom: '2026-02-01', validTo: '2026-01-01' },
    });
    expect(backwards.errors[0]).toMatchObject({ field: 'validTo', code: 'INVALID_DATE' });
    const added = await call<{ id: string; role: string }>(ADD_ROLE, 'addGroupRole', {
      input: {
        groupId,
        personId,
        organisationId: libraryId,
        role: 'MEMBER',
        validFrom: '2026-02-01',
      },
    });
    expect(added.errors).toEqual([]);
    expect(added.membership).toMatchObject({ role: 'MEMBER', validTo: null });
    const ended = await call(END_ROLE, 'endGroupRole', {
      input: { id: added.membership!.id, validTo: '2026-11-30' },
    });
    expect(ended.errors).toEqual([]);
    const roles = await api.gql<{
      node: { groupRoles: { role: string; validFrom: string; validTo: string | null }[] };
    }>(
      `query($id: ID!) { node(id: $id) { ... on Person { groupRoles { role validFrom validTo } } } }`,
      {
        id: personId,
      },
    );
    expect(roles.data!.node.groupRoles).toEqual([
      { role: 'MEMBER', validFrom: '2026-02-01', validTo: '2026-11-30' },
    ]);
  });

  it('lets only an administrator anonymise a person', async () => {
    const refused = await api.gql(ANONYMISE, { id: personId }, api.curatorToken);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const done = await call<{ name: string; anonymised: boolean; email: string | null }>(
      ANONYMISE,
      'anonymisePerson',
      { id: personId },
      api.adminToken,
    );
    expect(done.errors).toEqual([]);
    expect(done.person).toMatchObject({ anonymised: true, email: null });
    expect(done.person!.name).toMatch(/^Poistettu henkilö \d+$/);
    const history = await api.gql<{
      node: { revisions: { action: string; changes: { from: string; to: string }[] }[] };
    }>(
      `query($id: ID!) { node(id: $id) { ... on Person { revisions { action changes { from to } } } } }`,
      {
        id: personId,
      },
      api.adminToken,
    );
    expect(JSON.stringify(history.data!.node.revisions)).not.toContain('Raili');
  });
});
