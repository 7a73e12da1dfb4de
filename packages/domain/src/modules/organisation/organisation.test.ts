import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type TestDatabase,
  actorWithRole,
  countRows,
  openTestDatabase,
} from '../../../test/database.js';
import { type Actor } from '../../shared/actor.js';

describe('OrganisationService', () => {
  let t: TestDatabase;
  let curator: Actor;
  beforeAll(async () => {
    t = await openTestDatabase({ seed: true });
    curator = await actorWithRole(t.db, 'curator');
  });
  afterAll(() => t.close());

  it('knows which network a library belonged to on a date', async () => {
    const s = t.services().organisations;
    const sievi = (await s.findByName('Sievin kunnankirjasto'))!;
    expect((await s.networkOn(sievi.id, '2019-03-11'))?.shortName).toBe('Tiekkö');
    expect((await s.networkOn(sievi.id, '2019-12-31'))?.shortName).toBe('Tiekkö');
    expect((await s.networkOn(sievi.id, '2020-01-01'))?.shortName).toBe('Joki');
    expect((await s.networkOn(sievi.id, '2025-06-01'))?.shortName).toBe('Joki');
    const sotkamo = (await s.findByName('Sotkamon kunnankirjasto'))!;
    expect(await s.networkOn(sotkamo.id, '2019-03-11')).toBeNull();
  });

  it('lists a network’s members on a date', async () => {
    const s = t.services().organisations;
    const outi = (await s.findByName('OUTI'))!;
    const members = await s.membersOn(outi.id, '2019-03-11');
    expect(members).toHaveLength(16);
    expect(members.map((m) => m.city)).toContain('Raahe');
    const joki = (await s.findByName('Joki-kirjastot'))!;
    expect(await s.membersOn(joki.id, '2019-03-11')).toHaveLength(0);
    expect(await s.membersOn(joki.id, '2024-01-01')).toHaveLength(14);
  });

  it('finds an organisation however its name is written', async () => {
    const s = t.services().organisations;
    const ids = await Promise.all(
      ['Oulun kaupunginkirjasto', '  oulun   KAUPUNGINKIRJASTO ', 'Oulun pääkirjasto'].map(
        async (name) => (await s.findByName(name))?.id,
      ),
    );
    expect(new Set(ids).size).toBe(1);
    expect(ids[0]).toBeTypeOf('number');
  });

  it('lists by a part of the name in any case, Finnish letters included, on both databases', async () => {
    const [found, total] = await t.services().organisations.list({ nameContains: 'KÄRSÄMÄEN' });
    expect(total).toBeGreaterThan(0);
    expect(found.every((o) => o.name.includes('Kärsämäen'))).toBe(true);
    // LIKE's wildcards are taken literally: unescaped, '%' and '_' would match every name.
    for (const wildcard of ['%', '_']) {
      const [, count] = await t.services().organisations.list({ nameContains: wildcard });
      expect(count, wildcard).toBe(0);
    }
  });

  it('refuses a second organisation under a known name or alias', async () => {
    const result = await t
      .services()
      .organisations.create(curator, { kind: 'library', name: 'Oulun Pääkirjasto' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatchObject({ field: 'name', code: 'DUPLICATE' });
  });

  it('names every invalid field: missing name, a 100 kB name, a bad homepage, an unknown parent', async () => {
    const before = await countRows(t.db, 'organisation');
    const missing = await t.services().organisations.create(curator, { kind: 'library' });
    expect(!missing.ok && missing.errors).toEqual([
      expect.objectContaining({ field: 'name', code: 'REQUIRED' }),
    ]);
    const bad = await t.services().organisations.create(curator, {
      kind: 'castle',
      name: 'x'.repeat(100_000),
      homepage: 'javascript:alert(1)',
      latitude: 200,
    });
    expect(!bad.ok && Object.fromEntries(bad.errors.map((e) => [e.field, e.code]))).toEqual({
      kind: 'INVALID',
      name: 'TOO_LONG',
      homepage: 'INVALID_URL',
      latitude: 'TOO_LARGE',
    });
    const orphan = await t.services().organisations.create(curator, {
      kind: 'bookmobile',
      name: 'Kirjastoauto Testi',
      parentId: 999_999,
    });
    expect(!orphan.ok && orphan.errors).toEqual([
      expect.objectContaining({ field: 'parentId', code: 'UNKNOWN_REFERENCE' }),
    ]);
    expect(await countRows(t.db, 'organisation')).toBe(before);
  });

  it('refuses overlapping network memberships and memberships in a non-network', async () => {
    const s = t.services().organisations;
    const sievi = (await s.findByName('Sievin kunnankirjasto'))!;
    const outi = (await s.findByName('OUTI'))!;
    const oulu = (await s.findByName('Oulun kaupunginkirjasto'))!;
    const overlap = await s.addMembership(curator, {
      memberId: sievi.id,
      networkId: outi.id,
      validFrom: '2019-06-01',
    });
    expect(!overlap.ok && overlap.errors[0]).toMatchObject({
      field: 'validFrom',
      code: 'CONFLICT',
    });
    const notNetwork = await s.addMembership(curator, { memberId: sievi.id, networkId: oulu.id });
    expect(!notNetwork.ok && notNetwork.errors[0]).toMatchObject({
      field: 'networkId',
      code: 'INVALID',
    });
    const backwards = await s.addMembership(curator, {
      memberId: sievi.id,
      networkId: outi.id,
      validFrom: '2030-01-01',
      validTo: '2029-01-01',
    });
    expect(!backwards.ok && backwards.errors[0]).toMatchObject({
      field: 'validTo',
      code: 'INVALID_DATE',
    });
    const notADate = await s.addMembership(curator, {
      memberId: sievi.id,
      networkId: outi.id,
      validFrom: '31.12.2030',
    });
    expect(!notADate.ok && notADate.errors[0]).toMatchObject({
      field: 'validFrom',
      code: 'INVALID_DATE',
    });
  });
});
