import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, countRows, openTestDatabase } from '../../test/database.js';
import { toHelsinkiIso } from '../shared/time.js';
import { Meeting } from '../modules/meeting/meeting.entity.js';
import { MentoringProgramme } from '../modules/mentoring/mentoring.entity.js';
import { Resource } from '../modules/resource/resource.entity.js';
import { Training } from '../modules/training/training.entity.js';
import { MEETING_DETAIL } from '../modules/meeting/meeting.service.js';
import { seed } from './seed.js';

const TABLES = [
  'organisation',
  'organisation_membership',
  'person',
  'working_group',
  'group_membership',
  'meeting',
  'meeting_participant',
  'agenda_item',
  'decision',
  'action_item',
  'training',
  'training_session',
  'programme_item',
  'mentoring_programme',
  'resource',
  'tag',
  'resource_tag',
  'best_practice',
  'development_idea',
  'revision',
];

describe('seed data from the 11.3.2019 memo', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase({ seed: true });
  });
  afterAll(() => t.close());

  it('records the 11.3.2019 Skype meeting with six participants and five agenda items', async () => {
    const em = t.db.em.fork();
    const meeting = await em.findOneOrFail(
      Meeting,
      { title: 'Työryhmän kokous 11.3.2019' },
      { populate: [...MEETING_DETAIL, 'sourceText'] },
    );
    expect(toHelsinkiIso(meeting.startsAt)).toBe('2019-03-11T13:00:00+02:00');
    expect(toHelsinkiIso(meeting.endsAt!)).toBe('2019-03-11T15:00:00+02:00');
    expect(meeting.format).toBe('remote');
    expect(meeting.remoteTool).toBe('Skype');
    const participants = meeting.participants.getItems().map((p) => ({
      name: p.person.name,
      organisation: p.organisation?.name,
      roles: p.roles,
    }));
    expect(participants).toHaveLength(6);
    expect(participants).toContainEqual({
      name: 'Minna Männikkö',
      organisation: 'Oulun kaupunginkirjasto',
      roles: ['chair', 'secretary'],
    });
    expect(participants).toContainEqual({
      name: 'Pirjo Tuomimäki',
      organisation: 'Sievin kunnankirjasto',
      roles: ['member'],
    });
    expect(meeting.agendaItems.getItems().map((a) => a.number)).toEqual([1, 2, 3, 4, 5]);
    const item2 = meeting.agendaItems.getItems()[1]!;
    expect(item2.decisions.getItems()[0]?.text).toMatch(/^Päädyttiin/);
    expect(item2.actions.getItems().map((a) => a.owner?.name ?? null)).toEqual([
      null,
      'Laura Similä',
    ]);
    expect(meeting.sourceText).toContain('Käsiteltävät asiat');
  });

  it('links the next meeting: 17.5.2019 at 10–15 in Nöömanni, Oulu main library', async () => {
    const em = t.db.em.fork();
    const meeting = await em.findOneOrFail(
      Meeting,
      { title: 'Työryhmän kokous 11.3.2019' },
      { populate: ['nextMeeting'] },
    );
    const next = meeting.nextMeeting!;
    expect(toHelsinkiIso(next.startsAt)).toBe('2019-05-17T10:00:00+03:00');
    expect(toHelsinkiIso(next.endsAt!)).toBe('2019-05-17T15:00:00+03:00');
    expect(next.venue).toMatchObject({
      room: 'Koulutustila Nöömanni',
      floor: '4. kerros',
      town: 'Oulu',
    });
    expect(next.status).toBe('planned');
  });

  it('has the four links as resources from the meeting, and the trainings and programme', async () => {
    const em = t.db.em.fork();
    const resources = await em.find(Resource, {}, { populate: ['sourceMeeting', 'tags'] });
    expect(resources.map((r) => r.url).sort()).toEqual([
      'https://bit.ly/2TEbgH2',
      'https://pikeextra.wordpress.com/2018/06/28/pike-asiakaspalvelututkimuksen-tuloksia/',
      'https://www.kirjastot.fi/ammattikalenteri/koulutus-ja-seminaarit/kylla-me-taidamme-vertaisoppimisen-ideapaiva?language_content_entity=fi',
      'https://www.tampere.fi/kirjasto/pike/pike-kirja/#p=86',
    ]);
    expect(resources.every((r) => r.sourceMeeting?.title === 'Työryhmän kokous 11.3.2019')).toBe(
      true,
    );

    const trainings = await em.find(
      Training,
      {},
      { populate: ['sessions', 'programme.presenter', 'partner'] },
    );
    const spring = trainings.find((x) => x.kind === 'customer_service')!;
    expect(spring).toMatchObject({
      season: 'spring',
      year: 2019,
      remoteParticipation: true,
      status: 'planned',
    });
    const towns = spring.sessions.getItems().map((s) => [s.venue.town, s.alternativeGroup]);
    expect(towns).toEqual([
      ['Oulu', null],
      ['Kajaani', null],
      ['Ylivieska', 1],
      ['Nivala', 1],
    ]);
    const day = trainings.find((x) => x.kind === 'training_day')!;
    expect(day.partner?.shortName).toBe('Pohjois-Suomen AVI');
    expect(day.programme.getItems().map((p) => p.presenter?.name ?? null)).toEqual([
      'Isa Kotilaine',
      'Pirjo Tuomimäki',
      null,
      'Jarno Laakso',
      null,
    ]);
    expect(trainings.find((x) => x.kind === 'language')).toMatchObject({
      season: 'autumn',
      year: 2019,
    });

    const programme = await em.findOneOrFail(MentoringProgramme, {
      name: { $like: 'Pää sisältöön%' },
    });
    expect([
      programme.reportedDays,
      programme.reportedLibraries,
      programme.reportedBookmobiles,
    ]).toEqual([37, 16, 6]);
  });

  it('changes nothing when seeded again', async () => {
    const counts = async (): Promise<Record<string, number>> => {
      const rows: Record<string, number> = {};
      for (const table of TABLES) rows[table] = await countRows(t.db, table);
      return rows;
    };
    const before = await counts();
    const report = await seed(t.db.em.fork());
    expect(report).toEqual({});
    expect(await counts()).toEqual(before);
    expect(before.organisation).toBeGreaterThanOrEqual(40);
  });

  it('knows who chaired and took the minutes when', async () => {
    const s = t.services();
    const group = (await s.groups.list())[0]!;
    const roles = async (date: string) =>
      (await s.groups.rolesOn(group.id, date))
        .filter((r) => r.role !== 'member')
        .map((r) => `${r.role}:${r.person.name}`)
        .sort();
    expect(await roles('2019-03-11')).toEqual(['chair:Minna Männikkö', 'secretary:Minna Männikkö']);
    expect(await roles('2019-05-17')).toEqual(['chair:Minna Männikkö', 'secretary:Isa Kotilaine']);
    expect(await roles('2019-01-01')).toEqual([]);
  });
});
