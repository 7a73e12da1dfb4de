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
import { MemoImportService } from './memo-import.service.js';

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
    });
    expect(result.value.notes.map((n) => n.message)).toContain('New person: Ulla Uusi');
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
