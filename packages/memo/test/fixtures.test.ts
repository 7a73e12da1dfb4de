// Every memo in test/fixtures is parsed and compared field by field with its
// `<name>.expected.json`. A per-field accuracy table is printed so a change that improves one
// field and breaks another shows up at a glance.
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseMemoFile, type MeetingDraft } from '../src/index.js';
import { buildDocx } from './build-docx.js';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const DOCX_SOURCE = '.docx.source.txt';

interface Fixture {
  /** File name the parser sees, e.g. muistio-2020-10-05.docx. */
  fileName: string;
  path: string;
  expectedPath: string;
}

function listFixtures(): Fixture[] {
  return readdirSync(FIXTURES)
    .filter((name) => !name.endsWith('.expected.json') && statSync(join(FIXTURES, name)).isFile())
    .sort()
    .map((name) => {
      const fileName = name.endsWith(DOCX_SOURCE) ? name.replace(DOCX_SOURCE, '.docx') : name;
      const base = fileName.replace(/\.[^.]+$/u, '');
      return {
        fileName,
        path: join(FIXTURES, name),
        expectedPath: join(FIXTURES, `${base}.expected.json`),
      };
    });
}

async function readFixture(fixture: Fixture): Promise<Buffer> {
  const bytes = readFileSync(fixture.path);
  return fixture.path.endsWith(DOCX_SOURCE) ? buildDocx(bytes.toString('utf8')) : bytes;
}

/** The fields the fixtures pin down, each as a comparable value. */
const FIELDS: Record<string, (draft: Partial<MeetingDraft>) => unknown> = {
  title: (d) => d.title,
  startsAt: (d) => d.startsAt,
  endsAt: (d) => d.endsAt,
  format: (d) => d.format,
  place: (d) => d.place,
  participants: (d) => d.participants,
  absent: (d) => d.absent,
  agendaTitles: (d) => d.agenda?.map((item) => ({ number: item.number, title: item.title })),
  notes: (d) => d.agenda?.map((item) => item.notes),
  decisions: (d) => d.agenda?.map((item) => item.decisions),
  actions: (d) => d.agenda?.map((item) => item.actions),
  links: (d) => d.links,
  nextMeeting: (d) => d.nextMeeting,
  roleChanges: (d) => d.roleChanges,
};

/** The part of a draft that an expected file holds. */
function comparable(draft: MeetingDraft): Partial<MeetingDraft> {
  return {
    title: draft.title,
    startsAt: draft.startsAt,
    endsAt: draft.endsAt,
    format: draft.format,
    place: draft.place,
    participants: draft.participants,
    absent: draft.absent,
    agenda: draft.agenda.map(({ number, title, notes, decisions, actions }) => ({
      number,
      title,
      notes,
      decisions,
      actions,
      links: [],
    })),
    links: draft.links,
    nextMeeting: draft.nextMeeting,
    roleChanges: draft.roleChanges,
  };
}

const fixtures = listFixtures();
const hits = new Map<string, number>(Object.keys(FIELDS).map((field) => [field, 0]));

describe('memo fixtures', () => {
  afterAll(() => {
    const cells = [...hits].map(([field, count]) => `${field} ${count}/${fixtures.length}`);
    console.log(`memo field accuracy: ${cells.join(', ')}`);
  });

  it('has at least 12 fixtures, two of them .docx', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(12);
    expect(fixtures.filter((f) => f.fileName.endsWith('.docx')).length).toBeGreaterThanOrEqual(2);
  });

  for (const fixture of fixtures) {
    it(`parses ${fixture.fileName}`, async () => {
      const draft = await parseMemoFile(await readFixture(fixture), fixture.fileName);
      if (process.env.MEMO_WRITE_ACTUAL) {
        const dir = process.env.MEMO_WRITE_ACTUAL;
        mkdirSync(dir, { recursive: true });
        writeFileSync(join(dir, `${fixture.fileName}.json`), `${JSON.stringify(draft, null, 2)}\n`);
      }
      const expected = JSON.parse(
        readFileSync(fixture.expectedPath, 'utf8'),
      ) as Partial<MeetingDraft>;
      const actual = comparable(draft);
      const failures: string[] = [];
      for (const [field, pick] of Object.entries(FIELDS)) {
        const same = JSON.stringify(pick(actual)) === JSON.stringify(pick(expected));
        if (same) hits.set(field, (hits.get(field) ?? 0) + 1);
        else failures.push(field);
      }
      expect.soft(failures, `fields that differ in ${fixture.fileName}`).toEqual([]);
      for (const [field, pick] of Object.entries(FIELDS)) {
        expect.soft(pick(actual), `${fixture.fileName}: ${field}`).toEqual(pick(expected));
      }
    });
  }
});
