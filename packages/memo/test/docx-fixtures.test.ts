// Memos written by real .docx writers (pandoc, LibreOffice; see fixtures/docx/README.md) give
// the same draft as their text: Word's paragraphs, numbering, lists and bold become the same
// text structure the text parser reads.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type MeetingDraft, parseMemoFile, parseMemoText } from '../src/index.js';

const DIR = join(import.meta.dirname, 'fixtures', 'docx');

/** The text a .docx was made from: NAME.md / NAME.txt here, or the seed memo one folder up. */
function textSource(docx: string): { path: string; fileName: string } {
  const name = docx.slice(0, docx.indexOf('.'));
  for (const path of [
    join(DIR, `${name}.md`),
    join(DIR, `${name}.txt`),
    join(DIR, '..', `${name}.md`),
  ]) {
    if (existsSync(path)) return { path, fileName: path.slice(path.lastIndexOf('/') + 1) };
  }
  throw new Error(`No text source for ${docx}`);
}

const withoutSource = ({ source: _source, ...draft }: MeetingDraft) => draft;

async function drafts(docx: string): Promise<{ fromDocx: MeetingDraft; fromText: MeetingDraft }> {
  const source = textSource(docx);
  // The same file name (year included) for both, so only the format differs.
  const fileName = source.fileName.replace(/\.[a-z]+$/u, '');
  const fromDocx = await parseMemoFile(readFileSync(join(DIR, docx)), `${fileName}.docx`);
  const fromText = parseMemoText(readFileSync(source.path, 'utf8'), {
    fileName: `${fileName}.docx`,
  });
  return { fromDocx, fromText };
}

const DOCX = readdirSync(DIR)
  .filter((name) => name.endsWith('.docx'))
  .sort();

describe('.docx memos from real writers', () => {
  it('has the seed memo, plain-paragraph memos, Word numbering and the variants', () => {
    expect(DOCX).toEqual([
      'muistio-2019-03-11.pandoc.docx',
      'variant-agenda-participants-lines.libreoffice.docx',
      'variant-agenda-participants-lines.pandoc.docx',
      'variant-agenda-participants.pandoc.docx',
      'variant-headings-two-days.pandoc.docx',
      'variant-time-and-place.libreoffice.docx',
      'variant-time-and-place.pandoc.docx',
      'variant-word-numbering.libreoffice.docx',
    ]);
  });

  it.each(DOCX)('%s gives the same draft as its text', async (docx) => {
    const { fromDocx, fromText } = await drafts(docx);
    expect(fromDocx.source.kind).toBe('docx');
    expect(withoutSource(fromDocx)).toEqual(withoutSource(fromText));
    // Not an empty match: every fixture is a whole memo.
    expect(fromDocx.startsAt).not.toBeNull();
    expect(fromDocx.agenda.length).toBeGreaterThanOrEqual(2);
    expect(fromDocx.nextMeeting?.startsAt).toBeTruthy();
    expect(fromDocx.participants.length).toBeGreaterThanOrEqual(3);
  });
});

describe('variants real memos have', () => {
  const read = async (docx: string) => (await drafts(docx)).fromDocx;

  it('reads a comma-separated participant list inside "1. Kokouksen avaus"', async () => {
    const draft = await read('variant-agenda-participants.pandoc.docx');
    expect(draft.participants.map((p) => [p.name, p.organisation, p.place, p.roles])).toEqual([
      ['Minna Männikkö', 'Oulun kaupunginkirjasto', null, ['chair']],
      ['Isa Kotilaine', 'Oulun kaupunginkirjasto', null, ['secretary']],
      ['Heidi Tuikka', 'Kainet', 'Kajaani', []],
      ['Arja Nevala', 'OUTI', 'Raahe', []],
    ]);
    expect(draft.absent.map((p) => p.name)).toEqual(['Pirjo Tuomimäki']);
    // The list is not left in the item's notes.
    expect(draft.agenda[0]?.notes).toEqual(['Puheenjohtaja avasi kokouksen.']);
    expect(draft.warnings.map((w) => w.code)).not.toContain('no_participants');
  });

  it('reads one participant per line inside an agenda item, up to the next note', async () => {
    const draft = await read('variant-agenda-participants-lines.libreoffice.docx');
    expect(draft.participants.map((p) => `${p.name} / ${p.organisation}`)).toEqual([
      'Minna Männikkö / Oulun kaupunginkirjasto',
      'Isa Kotilaine / Oulun kaupunginkirjasto',
      'Heidi Tuikka / Kainet',
      'Sirkka Seppälä / Kiri',
    ]);
    expect(draft.agenda[0]?.notes).toEqual([
      'Puheenjohtaja avasi kokouksen ja totesi läsnäolijat.',
    ]);
  });

  it('reads bold "Kokousaika:" / "Kokouspaikka:" headings with the values on the next lines, over two days', async () => {
    const draft = await read('variant-headings-two-days.pandoc.docx');
    expect(draft.sessions).toEqual([
      { startsAt: '2019-10-08T12:00:00+03:00', endsAt: '2019-10-08T16:00:00+03:00' },
      { startsAt: '2019-10-09T09:00:00+03:00', endsAt: '2019-10-09T14:00:00+03:00' },
    ]);
    expect([draft.startsAt, draft.endsAt]).toEqual([
      '2019-10-08T12:00:00+03:00',
      '2019-10-09T14:00:00+03:00',
    ]);
    expect(draft.place).toBe('Kajaanin kaupunginkirjasto, kokoushuone Kaisla');
    expect(draft.title).toBe('Alueellinen asiakaskokemuksen kehittämisen työryhmä');
    expect(draft.warnings).toEqual([]);
  });

  it('reads "Kokousaika ja -paikka:" with the time and the place on the next lines', async () => {
    const draft = await read('variant-time-and-place.pandoc.docx');
    expect(draft.startsAt).toBe('2020-03-05T09:30:00+02:00');
    expect(draft.place).toBe('Raahen kaupunginkirjasto, kokoushuone');
    const remote = await read('variant-word-numbering.libreoffice.docx');
    expect([remote.format, remote.remotePlatform, remote.place]).toEqual(['remote', 'Teams', null]);
  });

  it("reads a dated training day and a season's training as planned trainings", async () => {
    const draft = await read('variant-agenda-participants.pandoc.docx');
    expect(
      draft.plannedTrainings.map(({ kind, date, season, year, places, topic }) => ({
        kind,
        date,
        season,
        year,
        places,
        topic,
      })),
    ).toEqual([
      {
        kind: 'training_day',
        date: '2019-11-12',
        season: 'autumn',
        year: 2019,
        places: ['Oulu'],
        topic: 'asiakaspalvelu vaikeissa tilanteissa',
      },
      {
        kind: 'training',
        date: null,
        season: 'autumn',
        year: 2019,
        places: ['Kajaani'],
        topic: null,
      },
    ]);
    expect(draft.warnings.filter((w) => w.code === 'training_uncertain')).toHaveLength(2);
    expect(draft.warnings[0]?.params).toEqual({ text: draft.plannedTrainings[0]?.text });
  });
});
