import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, actorWithRole, openTestDatabase } from '../../../test/database.js';
import { type Actor } from '../../shared/actor.js';

describe('MentoringService', () => {
  let t: TestDatabase;
  let curator: Actor;
  const org = async (name: string) => (await t.services().organisations.findByName(name))!.id;
  beforeAll(async () => {
    t = await openTestDatabase({ seed: true });
    curator = await actorWithRole(t.db, 'curator');
  });
  afterAll(() => t.close());

  it('computes coverage from the recorded visits: days, distinct libraries and bookmobiles', async () => {
    const s = t.services().mentoring;
    const created = await s.createProgramme(curator, {
      name: 'Kyläilyt 2020',
      kind: 'work_visits',
    });
    if (!created.ok) throw new Error(JSON.stringify(created.errors));
    const programmeId = created.value.id;
    const visits = [
      { hostId: await org('Raahen kaupunginkirjasto'), startDate: '2020-02-03', days: 1 },
      {
        hostId: await org('Raahen kaupunginkirjasto'),
        startDate: '2020-03-03',
        endDate: '2020-03-04',
        days: 2,
      },
      { hostId: await org('Kajaanin kaupunginkirjasto'), startDate: '2020-04-01', days: 0.5 },
      { hostId: await org('Kirjastoauto Kauno'), startDate: '2020-05-05', days: 1 },
    ];
    for (const visit of visits) {
      const r = await s.createVisit(curator, { ...visit, programmeId });
      if (!r.ok) throw new Error(JSON.stringify(r.errors));
    }
    expect(await t.services().mentoring.coverage(programmeId)).toEqual({
      visits: 4,
      days: 4.5,
      libraries: 2,
      bookmobiles: 1,
    });
  });

  it('keeps the reported figures of Pää sisältöön beside its (empty) recorded coverage', async () => {
    const programmes = await t.services().mentoring.listProgrammes();
    const paa = programmes.find((p) => p.name.startsWith('Pää sisältöön'))!;
    expect([paa.reportedDays, paa.reportedLibraries, paa.reportedBookmobiles]).toEqual([37, 16, 6]);
    expect(await t.services().mentoring.coverage(paa.id)).toEqual({
      visits: 0,
      days: 0,
      libraries: 0,
      bookmobiles: 0,
    });
  });

  it('only visits libraries and bookmobiles, on sensible dates', async () => {
    const s = t.services().mentoring;
    const avi = await s.createVisit(curator, {
      hostId: await org('AVI'),
      startDate: '2020-01-01',
      days: 1,
    });
    expect(!avi.ok && avi.errors[0]).toMatchObject({ field: 'hostId', code: 'INVALID' });
    const bad = await s.createVisit(curator, {
      hostId: await org('Raahen kaupunginkirjasto'),
      startDate: '2020-02-30',
      days: 0,
    });
    expect(!bad.ok && Object.fromEntries(bad.errors.map((e) => [e.field, e.code]))).toEqual({
      startDate: 'INVALID_DATE',
      days: 'TOO_SMALL',
    });
  });

  it('pairs a mentor with a mentee, not with themselves', async () => {
    const s = t.services();
    const programme = (await s.mentoring.listProgrammes())[0]!;
    const jarno = (await s.people.findByName('Jarno Laakso'))[0]!;
    const laura = (await s.people.findByName('Laura Similä'))[0]!;
    const self = await s.mentoring.addPair(curator, {
      programmeId: programme.id,
      mentorId: jarno.id,
      menteeId: jarno.id,
      startDate: '2020-01-01',
    });
    expect(!self.ok && self.errors[0]).toMatchObject({ field: 'menteeId' });
    const pair = await s.mentoring.addPair(curator, {
      programmeId: programme.id,
      mentorId: jarno.id,
      menteeId: laura.id,
      startDate: '2020-01-01',
    });
    expect(pair.ok).toBe(true);
  });
});
