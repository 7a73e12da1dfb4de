import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApi, startTestApi } from './server.js';

const SEED_MEMO = readFileSync(
  new URL('../../../packages/domain/seed-data/muistio-2019-03-11.md', import.meta.url),
  'utf8',
);
const IMPORT = `mutation($input: ImportMeetingMemoInput!) {
  importMeetingMemo(input: $input) {
    draft { startsAt endsAt format remotePlatform participants { name organisation place roles } agenda { number title decisions actions { text owner } } links { url } nextMeeting { startsAt endsAt place { room town } } roleChanges { name role } warnings { code } }
    meeting { id title participants { person { name } } }
    alreadyImported created { meetings people organisations resources } notes
    errors { field code message }
  }
}`;

interface Payload {
  importMeetingMemo: {
    draft: {
      startsAt: string;
      participants: unknown[];
      agenda: unknown[];
      links: unknown[];
      nextMeeting: { startsAt: string; place: { room: string } };
      roleChanges: unknown[];
    } | null;
    meeting: { id: string; title: string; participants: unknown[] } | null;
    alreadyImported: boolean;
    created: { meetings: number } | null;
    notes: string[];
    errors: { field: string; code: string }[];
  };
}

describe('importMeetingMemo', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('is for curators', async () => {
    const r = await api.gql(IMPORT, { input: { text: SEED_MEMO, dryRun: true } });
    expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('returns the seed memo exactly as drafted, and knows it is imported already', async () => {
    const r = await api.gql<Payload>(
      IMPORT,
      { input: { text: SEED_MEMO, fileName: 'muistio-2019-03-11.md' } },
      api.curatorToken,
    );
    expect(r.errors).toBeUndefined();
    const p = r.data!.importMeetingMemo;
    expect(p.errors).toEqual([]);
    expect(p.draft).toMatchObject({
      startsAt: '2019-03-11T13:00:00+02:00',
      nextMeeting: { startsAt: '2019-05-17T10:00:00+03:00', place: { room: 'Nöömanni' } },
    });
    expect([p.draft!.participants.length, p.draft!.agenda.length, p.draft!.links.length]).toEqual([
      6, 5, 4,
    ]);
    expect(p.alreadyImported).toBe(true);
    expect(p.meeting?.title).toBe('Työryhmän kokous 11.3.2019');
  });

  it('imports a new memo, and a dry run of it writes nothing', async () => {
    const memo =
      '**Alueellinen asiakaskokemuksen kehittämisen työryhmä**\n\n**Aika:** 2.10.2019, 10.15 – 15.30\n\n**Paikka:** Kajaanin kaupunginkirjasto\n\n**Läsnä:** Minna Männikkö (Oulun kaupunginkirjasto, pj.), Heidi Tuikka (Kainet, Kajaani)\n\n**Käsiteltävät asiat:**\n\n1. Kyläilyt\n\n- Päätettiin jatkaa kyläilyjä.\n';
    const dry = await api.gql<Payload>(
      IMPORT,
      { input: { text: memo, dryRun: true } },
      api.curatorToken,
    );
    expect(dry.data!.importMeetingMemo).toMatchObject({
      meeting: null,
      alreadyImported: false,
      created: { meetings: 1 },
    });
    const real = await api.gql<Payload>(IMPORT, { input: { text: memo } }, api.curatorToken);
    expect(real.data!.importMeetingMemo.meeting).toMatchObject({
      title: 'Työryhmän kokous 2.10.2019',
    });
    expect(real.data!.importMeetingMemo.meeting!.participants).toHaveLength(2);
    const again = await api.gql<Payload>(IMPORT, { input: { text: memo } }, api.curatorToken);
    expect(again.data!.importMeetingMemo.alreadyImported).toBe(true);
  });

  it('previews the resolved records, and warnings as codes with values', async () => {
    const memo =
      'Alueellinen asiakaskokemuksen kehittämisen työryhmä\n\nAika: pe 6.11. klo 10-12\n\nKäsiteltävät asiat:\n\n1. Kokouksen avaus\n\nLäsnä: Heidi Tuikka (Kainet, Kajaani), Ulla Uusi (Kalajoen kaupunginkirjasto)\n\n2. Koulutus\n\nSyksyllä järjestetään koulutus Oulussa.\n';
    const r = await api.gql<{
      importMeetingMemo: {
        draft: {
          warnings: { code: string; params: { name: string; value: string }[]; message: string }[];
        };
        plan: {
          participants: {
            person: { name: string; isNew: boolean };
            organisation: { name: string; isNew: boolean } | null;
            roles: string[];
          }[];
          trainings: { title: string; kind: string; season: string; existing: boolean }[];
        };
        importNotes: { code: string; params: { name: string; value: string }[] }[];
      };
    }>(
      `mutation($input: ImportMeetingMemoInput!) { importMeetingMemo(input: $input) {
        draft { warnings { code params { name value } message } }
        plan { participants { person { name isNew } organisation { name isNew } roles } trainings { title kind season existing } }
        importNotes { code params { name value } }
      } }`,
      { input: { text: memo, fileName: 'muistio-2020-11-06.md', dryRun: true } },
      api.curatorToken,
    );
    expect(r.errors).toBeUndefined();
    const p = r.data!.importMeetingMemo;
    expect(p.plan.participants).toEqual([
      {
        person: { name: 'Heidi Tuikka', isNew: false },
        organisation: { name: 'Kajaanin kaupunginkirjasto', isNew: false },
        roles: ['MEMBER'],
      },
      {
        person: { name: 'Ulla Uusi', isNew: true },
        organisation: { name: 'Kalajoen kaupunginkirjasto', isNew: false },
        roles: ['MEMBER'],
      },
    ]);
    expect(p.plan.trainings).toEqual([
      { title: 'Koulutus (syksy 2020)', kind: 'OTHER', season: 'AUTUMN', existing: false },
    ]);
    expect(p.draft.warnings).toContainEqual({
      code: 'year_inferred',
      params: [{ name: 'year', value: '2020' }],
      message: 'The meeting date has no year; assumed 2020.',
    });
    expect(p.importNotes).toContainEqual({
      code: 'person_created',
      params: [{ name: 'name', value: 'Ulla Uusi' }],
    });
  });

  it('names what is wrong with the input', async () => {
    const undated = await api.gql<Payload>(
      IMPORT,
      { input: { text: 'Pelkkää tekstiä ilman päivämäärää.' } },
      api.curatorToken,
    );
    expect(undated.data!.importMeetingMemo.errors).toEqual([
      expect.objectContaining({ field: 'startsAt', code: 'REQUIRED' }),
    ]);
    const huge = await api.gql<Payload>(
      IMPORT,
      { input: { text: 'x'.repeat(95_000) } },
      api.curatorToken,
    );
    expect(huge.data!.importMeetingMemo.errors).toEqual([
      expect.objectContaining({ field: 'text', code: 'TOO_LONG' }),
    ]);
  });
});
