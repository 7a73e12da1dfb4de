/**
 * The directory as curated records: organisations and people edited from the version the
 * editor saw (with a revision per edit), network memberships moved and ended, roles in the
 * working group added and ended, on both databases.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type TestDatabase,
  actorWithRole,
  countRows,
  openTestDatabase,
} from '../../../test/database.js';
import { ANONYMOUS, type Actor } from '../../shared/actor.js';
import { ForbiddenError } from '../../shared/errors.js';

describe('the directory, curated', () => {
  let t: TestDatabase;
  let curator: Actor;
  beforeAll(async () => {
    t = await openTestDatabase({ seed: true });
    curator = await actorWithRole(t.db, 'curator');
  });
  afterAll(() => t.close());

  async function kiriLibrary(name: string) {
    const s = t.services().organisations;
    const kiri = (await s.findByName('Kiri-kirjastot'))!;
    const created = await s.create(curator, { kind: 'library', name, city: 'Testilä' });
    if (!created.ok) throw new Error(JSON.stringify(created.errors));
    const joined = await t.services().organisations.addMembership(curator, {
      memberId: created.value.id,
      networkId: kiri.id,
      validFrom: '2015-01-01',
    });
    if (!joined.ok) throw new Error(JSON.stringify(joined.errors));
    return created.value;
  }

  it('creates an organisation at version 1 with a first revision, and edits it into version 2', async () => {
    const library = await kiriLibrary('Testilän kunnankirjasto');
    expect(library.version).toBe(1);
    const edited = await t.services().organisations.update(curator, {
      id: library.id,
      version: 1,
      nameSv: 'Testilä bibliotek',
      isil: 'FI-Testi',
      latitude: 64.1,
      longitude: 25.5,
    });
    expect(edited.ok && edited.value.version).toBe(2);
    const again = await t.services().organisations.get(library.id);
    expect(again).toMatchObject({ name: 'Testilän kunnankirjasto', nameSv: 'Testilä bibliotek' });
    const history = await t.services().revisions.history('Organisation', library.id);
    expect(history.map((r) => r.action)).toEqual(['create', 'update']);
    expect(history[1]!.changes).toMatchObject({
      nameSv: { from: null, to: 'Testilä bibliotek' },
      isil: { from: null, to: 'FI-Testi' },
    });
  });

  it('refuses a stale organisation edit, a taken name and ISIL, and an anonymous writer', async () => {
    const s = t.services().organisations;
    const library = (await s.findByName('Testilän kunnankirjasto'))!;
    const stale = await s.update(curator, { id: library.id, version: 1, city: 'Muualla' });
    expect(!stale.ok && stale.errors[0]).toMatchObject({ field: 'version', code: 'CONFLICT' });
    const taken = await s.update(curator, {
      id: library.id,
      version: library.version,
      name: 'Oulun pääkirjasto',
      isil: 'FI-Testi',
    });
    expect(!taken.ok && taken.errors[0]).toMatchObject({ field: 'name', code: 'DUPLICATE' });
    const oulu = (await s.findByName('Oulun kaupunginkirjasto'))!;
    const isil = await t
      .services()
      .organisations.update(curator, { id: oulu.id, version: oulu.version, isil: 'FI-Testi' });
    expect(!isil.ok && isil.errors[0]).toMatchObject({ field: 'isil', code: 'DUPLICATE' });
    const invalid = await s.update(curator, {
      id: library.id,
      version: library.version,
      name: '',
      homepage: 'ftp://x',
    });
    expect(!invalid.ok && invalid.errors.map((e) => [e.field, e.code])).toEqual([
      ['name', 'REQUIRED'],
      ['homepage', 'INVALID_URL'],
    ]);
    await expect(
      s.update(ANONYMOUS, { id: library.id, version: library.version, city: 'X' }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect((await t.services().organisations.get(library.id)).city).toBe('Testilä');
  });

  it('moves a library from Kiri to Joki-kirjastot from 2020-01-01, closing the old membership', async () => {
    const library = await kiriLibrary('Siirtolan kirjasto');
    const s = t.services().organisations;
    const joki = (await s.findByName('Joki-kirjastot'))!;
    const input = { memberId: library.id, networkId: joki.id, validFrom: '2020-01-01' };
    const refused = await s.addMembership(curator, input);
    expect(!refused.ok && refused.errors[0]).toMatchObject({
      field: 'validFrom',
      code: 'CONFLICT',
    });
    const moved = await t.services().organisations.addMembership(curator, {
      ...input,
      closeCurrent: true,
    });
    expect(moved.ok).toBe(true);
    const after = t.services().organisations;
    expect((await after.networkOn(library.id, '2019-12-31'))?.shortName).toBe('Kiri');
    expect((await after.networkOn(library.id, '2020-01-01'))?.shortName).toBe('Joki');
    const periods = (await after.memberships(library.id)).map((m) => [
      m.network.shortName,
      m.validFrom,
      m.validTo,
    ]);
    expect(periods).toEqual([
      ['Kiri', '2015-01-01', '2019-12-31'],
      ['Joki', '2020-01-01', null],
    ]);
    const noStart = await after.addMembership(curator, {
      memberId: library.id,
      networkId: joki.id,
      closeCurrent: true,
    });
    expect(!noStart.ok && noStart.errors[0]).toMatchObject({
      field: 'validFrom',
      code: 'REQUIRED',
    });
  });

  it('ends a membership, refusing an end before its start or one that overlaps the next', async () => {
    const s = t.services().organisations;
    const library = (await s.findByName('Siirtolan kirjasto'))!;
    const [kiri, joki] = await s.memberships(library.id);
    const early = await s.endMembership(curator, { id: joki!.id, validTo: '2019-06-01' });
    expect(!early.ok && early.errors[0]).toMatchObject({ field: 'validTo', code: 'INVALID_DATE' });
    const overlap = await t
      .services()
      .organisations.endMembership(curator, { id: kiri!.id, validTo: '2021-01-01' });
    expect(!overlap.ok && overlap.errors[0]).toMatchObject({ field: 'validTo', code: 'CONFLICT' });
    const notADate = await t
      .services()
      .organisations.endMembership(curator, { id: joki!.id, validTo: 'huomenna' });
    expect(!notADate.ok && notADate.errors[0]).toMatchObject({
      field: 'validTo',
      code: 'INVALID_DATE',
    });
    const ended = await t
      .services()
      .organisations.endMembership(curator, { id: joki!.id, validTo: '2024-12-31' });
    expect(ended.ok).toBe(true);
    expect(await t.services().organisations.networkOn(library.id, '2025-01-01')).toBeNull();
    await expect(
      t.services().organisations.endMembership(ANONYMOUS, { id: joki!.id, validTo: '2025-01-01' }),
    ).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('lists organisations by town, in any case', async () => {
    const s = t.services().organisations;
    const [inTown, total] = await s.list({ city: 'TESTILÄ' });
    expect(total).toBe(2);
    expect(inTown.map((o) => o.name)).toEqual(['Siirtolan kirjasto', 'Testilän kunnankirjasto']);
    expect(await s.towns()).toContain('Oulu');
    const [none] = await t.services().organisations.list({ city: 'Atlantis' });
    expect(none).toEqual([]);
  });

  it('creates and edits a person with revisions, refusing stale and invalid edits', async () => {
    const s = t.services();
    const library = (await s.organisations.findByName('Testilän kunnankirjasto'))!;
    const created = await s.people.create(curator, {
      name: 'Tiina Testaaja',
      email: 'tiina@example.org',
      organisationId: library.id,
    });
    if (!created.ok) throw new Error(JSON.stringify(created.errors));
    expect(created.value.version).toBe(1);
    const id = created.value.id;
    const edited = await t
      .services()
      .people.update(curator, { id, version: 1, jobTitle: 'kirjastonhoitaja' });
    expect(edited.ok && edited.value.version).toBe(2);
    const stale = await t.services().people.update(curator, { id, version: 1, team: 'Asko' });
    expect(!stale.ok && stale.errors[0]).toMatchObject({ field: 'version', code: 'CONFLICT' });
    const invalid = await t.services().people.update(curator, {
      id,
      version: 2,
      name: ' ',
      email: 'ei-osoite',
      organisationId: 999_999,
    });
    expect(!invalid.ok && invalid.errors.map((e) => [e.field, e.code])).toEqual([
      ['name', 'REQUIRED'],
      ['email', 'INVALID'],
    ]);
    const unknown = await t
      .services()
      .people.update(curator, { id, version: 2, organisationId: 999_999 });
    expect(!unknown.ok && unknown.errors[0]).toMatchObject({
      field: 'organisationId',
      code: 'UNKNOWN_REFERENCE',
    });
    await expect(
      t.services().people.update(ANONYMOUS, { id, version: 2, team: 'X' }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    const history = await t.services().revisions.history('Person', id);
    expect(history.map((r) => r.action)).toEqual(['create', 'update']);
  });

  it('refuses to edit an anonymised person and makes an edit form opened before stale', async () => {
    const admin = await actorWithRole(t.db, 'admin');
    const s = t.services();
    const created = await s.people.create(curator, { name: 'Pekka Poistettava' });
    if (!created.ok) throw new Error(JSON.stringify(created.errors));
    const anonymised = await t.services().people.anonymise(admin, created.value.id);
    expect(anonymised.ok && anonymised.value.version).toBe(2);
    const stale = await t
      .services()
      .people.update(curator, { id: created.value.id, version: 1, name: 'Pekka' });
    expect(!stale.ok && stale.errors[0]).toMatchObject({ code: 'CONFLICT' });
    const refused = await t
      .services()
      .people.update(curator, { id: created.value.id, version: 2, name: 'Pekka' });
    expect(!refused.ok && refused.errors[0]).toMatchObject({ field: 'name', code: 'INVALID' });
    await expect(t.services().people.anonymise(curator, created.value.id)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
  });

  it('adds a role in the working group and ends it, refusing an end before its start', async () => {
    const s = t.services();
    const [group] = await s.groups.list();
    const tiina = (await s.people.findByName('Tiina Testaaja'))[0]!;
    const before = await countRows(t.db, 'group_membership');
    const bad = await s.groups.assignRole(curator, {
      groupId: group!.id,
      personId: tiina.id,
      role: 'treasurer',
      validFrom: '2026-01-01',
    });
    expect(!bad.ok && bad.errors[0]).toMatchObject({ field: 'role', code: 'INVALID' });
    const added = await t.services().groups.assignRole(curator, {
      groupId: group!.id,
      personId: tiina.id,
      role: 'member',
      validFrom: '2026-01-01',
    });
    if (!added.ok) throw new Error(JSON.stringify(added.errors));
    expect(await countRows(t.db, 'group_membership')).toBe(before + 1);
    const early = await t
      .services()
      .groups.endRole(curator, { id: added.value.id, validTo: '2025-12-31' });
    expect(!early.ok && early.errors[0]).toMatchObject({ field: 'validTo', code: 'INVALID_DATE' });
    const missing = await t
      .services()
      .groups.endRole(curator, { id: 999_999, validTo: '2026-05-01' });
    expect(!missing.ok && missing.errors[0]).toMatchObject({
      field: 'id',
      code: 'UNKNOWN_REFERENCE',
    });
    const ended = await t
      .services()
      .groups.endRole(curator, { id: added.value.id, validTo: '2026-06-30' });
    expect(ended.ok).toBe(true);
    const roles = await t.services().groups.rolesOf(tiina.id);
    expect(roles.map((r) => [r.role, r.validFrom, r.validTo, r.group.id])).toEqual([
      ['member', '2026-01-01', '2026-06-30', group!.id],
    ]);
    await expect(
      t.services().groups.endRole(ANONYMOUS, { id: added.value.id, validTo: '2026-07-01' }),
    ).rejects.toBeInstanceOf(ForbiddenError);
  });
});
