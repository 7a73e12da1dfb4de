import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type TestDatabase,
  actorWithRole,
  countRows,
  openTestDatabase,
} from '../../../test/database.js';
import { type Actor } from '../../shared/actor.js';
import { toHelsinkiIso } from '../../shared/time.js';
import { readSeedMemo } from '../../seeders/seed.js';
import { Meeting } from '../meeting/meeting.entity.js';
import { Training } from '../training/training.entity.js';
import { type ImportPlan, MemoImportService } from './memo-import.service.js';

const MEMO_17_5 = `**Alueellinen asiakaskokemuksen kehittämisen työryhmä**

**Aika: pe 17.5.2019 klo 10.00 - 15.00**

**Paikka:** Oulun pääkirjasto, 4. kerros, koulutustila Nöömanni

**Läsnä:** Minna Männikkö (Oulun kaupunginkirjasto, pj.), Isa Kotilaine (oulun  kaupunginkirjasto, siht.), Arja Nevala (OUTI, Raahe), Ulla Uusi (Kalajoen kaupunginkirjasto)

**Poissa:** Heidi Tuikka (Kainet, Kajaani)

**Käsiteltävät asiat:**

**1. Koulutuspäivä**

- Sovittiin, että koulutuspäivä pidetään syksyllä Oulussa.
- Kartoitetaan puhujia.
- Ohjelman malli: <https://www.example.org/ohjelma>

**2. Seuraava kokous**

- Seuraava kokous pidetään ti 15.10. klo 13-15 Kajaanissa.
`;

const TABLES = [
  'meeting',
  'meeting_participant',
  'agenda_item',
  'person',
  'organisation',
  'resource',
  'revision',
];

describe('MemoImportService', () => {
  let t: TestDatabase;
  let curator: Actor;
  const counts = async (): Promise<Record<string, number>> => {
    const rows: Record<string, number> = {};
    for (const table of TABLES) rows[table] = await countRows(t.db, table);
    return rows;
  };
  beforeAll(async () => {
    t = await openTestDatabase({ seed: true });
    curator = await actorWithRole(t.db, 'curator');
  });
  afterAll(() => t.close());

  it('recognises the seed memo as already imported and changes nothing', async () => {
    const before = await counts();
    const result = await new MemoImportService(t.db.em.fork()).importText(curator, readSeedMemo(), {
      fileName: 'muistio-2019-03-11.md',
    });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.value.alreadyImported).toBe(true);
    expect(result.value.meeting?.title).toBe('Työryhmän kokous 11.3.2019');
    expect(await counts()).toEqual(before);
  });

  it('previews a dry run without writing anything', async () => {
    const before = await counts();
    const result = await new MemoImportService(t.db.em.fork()).importText(curator, MEMO_17_5, {
      dryRun: true,
    });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.value.meeting).toBeNull();
    expect(result.value.created).toEqual({
      meetings: 1,
      people: 1,
      organisations: 0,
      resources: 1,
      trainings: 1,
    });
    expect(result.value.notes).toContainEqual({
      code: 'person_created',
      params: { name: 'Ulla Uusi' },
      message: 'New person: Ulla Uusi',
    });
    // The preview names the records the save will link: "Kainet, Kajaani" is Kajaani's library.
    const plan = result.value.plan!;
    expect(plan.participants.map((p) => [p.person.name, p.organisation?.name])).toContainEqual([
      'Heidi Tuikka',
      'Kajaanin kaupunginkirjasto',
    ]);
    expect(plan.participants.find((p) => p.person.name === 'Ulla Uusi')?.person.id).toBeNull();
    expect(plan.trainings.map((t) => [t.title, t.kind, t.season, t.year])).toEqual([
      ['Koulutuspäivä (syksy 2019)', 'training_day', 'autumn', 2019],
    ]);
    expect(await counts()).toEqual(before);
  });

  it('fills in the planned 17.5.2019 meeting, matching people and organisations however written', async () => {
    const result = await new MemoImportService(t.db.em.fork()).importText(curator, MEMO_17_5);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const meeting = result.value.meeting!;
    expect(result.value.alreadyImported).toBe(false);
    expect(meeting.status).toBe('held');
    const meetings = await t.db.em.fork().count(Meeting, { title: 'Työryhmän kokous 17.5.2019' });
    expect(meetings).toBe(1);
    const participants = meeting.participants
      .getItems()
      .map((p) => [p.person.name, p.organisation?.name, p.roles, p.attendance]);
    expect(participants).toEqual(
      expect.arrayContaining([
        ['Minna Männikkö', 'Oulun kaupunginkirjasto', ['chair'], 'present'],
        ['Isa Kotilaine', 'Oulun kaupunginkirjasto', ['secretary'], 'present'],
        ['Arja Nevala', 'Raahen kaupunginkirjasto', ['member'], 'present'],
        ['Ulla Uusi', 'Kalajoen kaupunginkirjasto', ['member'], 'present'],
        ['Heidi Tuikka', 'Kajaanin kaupunginkirjasto', ['member'], 'absent'],
      ]),
    );
    expect(meeting.agendaItems.getItems().map((a) => a.title)).toEqual([
      'Koulutuspäivä',
      'Seuraava kokous',
    ]);
    expect(meeting.agendaItems.getItems()[0]!.decisions.getItems()[0]?.text).toMatch(/^Sovittiin/);
    expect(meeting.nextMeeting && toHelsinkiIso(meeting.nextMeeting.startsAt)).toBe(
      '2019-10-15T13:00:00+03:00',
    );
    const [links] = await t.services().resources.list({ sourceMeetingId: meeting.id });
    expect(links.map((l) => l.url)).toEqual(['https://www.example.org/ohjelma']);
  });

  it('changes nothing when the same memo is imported again', async () => {
    const before = await counts();
    const again = await new MemoImportService(t.db.em.fork()).importText(curator, MEMO_17_5);
    expect(again.ok && again.value.alreadyImported).toBe(true);
    expect(await counts()).toEqual(before);
  });

  it('refuses a memo without a date, naming the field', async () => {
    const result = await new MemoImportService(t.db.em.fork()).importText(
      curator,
      'Muistio ilman päivämäärää',
    );
    expect(!result.ok && result.errors[0]).toMatchObject({ field: 'startsAt', code: 'REQUIRED' });
  });
});

const VARIANTS = new URL('../../../../memo/test/fixtures/docx/', import.meta.url);

/** The memo texts whose preview must be what is saved: the seed memo and the variants. */
const MEMOS: [string, string][] = [
  ['muistio-2019-03-11.md', readSeedMemo()],
  ...[
    'variant-agenda-participants.md',
    'variant-agenda-participants-lines.txt',
    'variant-headings-two-days.md',
    'variant-time-and-place.txt',
    'variant-word-numbering.md',
  ].map((name): [string, string] => [name, readFileSync(new URL(name, VARIANTS), 'utf8')]),
];

/** A plan without ids (new records get theirs on save), as comparable data. */
function planView(plan: ImportPlan) {
  return {
    title: plan.meeting.title,
    startsAt: plan.meeting.startsAt,
    endsAt: plan.meeting.endsAt,
    format: plan.meeting.format,
    remoteTool: plan.meeting.remoteTool,
    venue: plan.meeting.venue,
    participants: plan.participants.map((p) => ({
      person: p.person.name,
      organisation: p.organisation?.name ?? null,
      roles: p.roles,
      attendance: p.attendance,
    })),
    agenda: plan.agenda.map((a) => ({
      number: a.number,
      title: a.title,
      notes: a.notes,
      decisions: a.decisions,
      actions: a.actions.map((x) => ({ description: x.description, owner: x.owner?.name ?? null })),
    })),
    next: plan.nextMeeting && {
      title: plan.nextMeeting.title,
      startsAt: plan.nextMeeting.startsAt,
    },
    trainings: plan.trainings.map((t) => ({
      title: t.title,
      kind: t.kind,
      season: t.season,
      year: t.year,
      status: 'planned',
      towns: t.sessions.map((s) => s.town),
    })),
  };
}

/** The same view of what was saved, read back from the database. */
async function savedView(t: TestDatabase, meetingId: number) {
  const meeting = await t.services().meetings.get(meetingId);
  const trainings = await t.db.em
    .fork()
    .find(
      Training,
      { sourceMeeting: meetingId },
      { populate: ['sessions'], orderBy: { id: 'asc' } },
    );
  const venue = meeting.venue;
  return {
    title: meeting.title,
    startsAt: toHelsinkiIso(meeting.startsAt),
    endsAt: meeting.endsAt ? toHelsinkiIso(meeting.endsAt) : null,
    format: meeting.format,
    remoteTool: meeting.remoteTool,
    venue:
      venue && (venue.room || venue.floor || venue.building || venue.town)
        ? { room: venue.room, floor: venue.floor, building: venue.building, town: venue.town }
        : null,
    participants: meeting.participants.getItems().map((p) => ({
      person: p.person.name,
      organisation: p.organisation?.name ?? null,
      roles: p.roles,
      attendance: p.attendance,
    })),
    agenda: meeting.agendaItems.getItems().map((a) => ({
      number: a.number,
      title: a.title,
      notes: a.notes,
      decisions: a.decisions.getItems().map((d) => d.text),
      actions: a.actions.getItems().map((x) => ({
        description: x.description,
        owner: x.owner?.name ?? null,
      })),
    })),
    next: meeting.nextMeeting && {
      title: meeting.nextMeeting.title,
      startsAt: toHelsinkiIso(meeting.nextMeeting.startsAt),
    },
    trainings: trainings.map((tr) => ({
      title: tr.title,
      kind: tr.kind,
      season: tr.season,
      year: tr.year,
      status: tr.status,
      towns: tr.sessions.getItems().map((s) => s.venue.town),
    })),
  };
}

describe('MemoImportService preview', () => {
  let t: TestDatabase;
  let curator: Actor;
  beforeAll(async () => {
    t = await openTestDatabase({ seed: true });
    curator = await actorWithRole(t.db, 'curator');
    // The seed memo's meeting is in the seed data: archive it so the memo imports anew.
    await t.db.em
      .fork()
      .nativeUpdate(
        Meeting,
        { startsAt: new Date('2019-03-11T11:00:00Z') },
        { archivedAt: new Date() },
      );
  });
  afterAll(() => t.close());

  it.each(MEMOS)('shows for %s exactly what the save then stores', async (fileName, text) => {
    const service = () => new MemoImportService(t.db.em.fork());
    const preview = await service().importText(curator, text, { fileName, dryRun: true });
    if (!preview.ok) throw new Error(JSON.stringify(preview.errors));
    expect(preview.value.alreadyImported).toBe(false);
    const saved = await service().importText(curator, text, { fileName });
    if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
    const expected = planView(preview.value.plan!);
    expect(await savedView(t, saved.value.meeting!.id)).toEqual(expected);
    expect(planView(saved.value.plan!)).toEqual(expected);
    expect(expected.participants.length).toBeGreaterThanOrEqual(3);
  });

  it('saves the variants as the domain models them', async () => {
    const [meetings] = await t.services().meetings.list({ from: new Date('2019-10-01') });
    const byTitle = new Map(meetings.map((m) => [m.title, m]));
    // Two days: one meeting from the first day's start to the second day's end.
    const twoDays = byTitle.get('Työryhmän kokous 8.10.2019')!;
    expect([toHelsinkiIso(twoDays.startsAt), toHelsinkiIso(twoDays.endsAt!)]).toEqual([
      '2019-10-08T12:00:00+03:00',
      '2019-10-09T14:00:00+03:00',
    ]);
    // The people listed under "1. Kokouksen avaus", with their resolved organisations.
    const opened = await t.services().meetings.get(byTitle.get('Työryhmän kokous 11.11.2019')!.id);
    expect(
      opened.participants
        .getItems()
        .map((p) => [p.person.name, p.organisation?.name, p.attendance]),
    ).toEqual([
      ['Minna Männikkö', 'Oulun kaupunginkirjasto', 'present'],
      ['Isa Kotilaine', 'Oulun kaupunginkirjasto', 'present'],
      ['Heidi Tuikka', 'Kajaanin kaupunginkirjasto', 'present'],
      ['Arja Nevala', 'Raahen kaupunginkirjasto', 'present'],
      ['Pirjo Tuomimäki', 'Sievin kunnankirjasto', 'absent'],
    ]);
    // "Koulutuspäivä pidetään 12.11.2019 Oulussa …" is a planned training of that meeting.
    const trainings = await t.db.em
      .fork()
      .find(
        Training,
        { sourceMeeting: opened.id },
        { populate: ['sessions'], orderBy: { id: 'asc' } },
      );
    expect(trainings.map((tr) => [tr.title, tr.kind, tr.status, tr.season, tr.year])).toEqual([
      [
        'Koulutuspäivä: asiakaspalvelu vaikeissa tilanteissa (12.11.2019)',
        'training_day',
        'planned',
        'autumn',
        2019,
      ],
      ['Koulutus (syksy 2019)', 'other', 'planned', 'autumn', 2019],
    ]);
    expect(trainings[0]!.sessions.getItems().map((s) => s.venue.town)).toEqual(['Oulu']);
  });
});
