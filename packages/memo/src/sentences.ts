// Sentence-level reading of agenda notes: decisions, action items, role changes. Finnish memo
// style is formulaic ("päädyttiin…", "Kartoitetaan…", "X selvittää…"), which is what makes a
// rule-based reading workable.
import type { ActionItem, Participant, ParticipantRole, RoleChange } from './types.js';
import { townOf } from './places.js';

// Abbreviations after which a period does not end a sentence.
const ABBREVIATIONS = new Set([
  'esim',
  'mm',
  'ks',
  'vrt',
  'n',
  'ns',
  'yms',
  'tms',
  'jne',
  'pj',
  'vpj',
  'siht',
  'klo',
  'os',
  'puh',
  'ym',
  'em',
  'ao',
  'kpl',
  'nro',
  's',
  'tri',
  'ts',
  'eng',
  'swe',
]);

/**
 * Splits text into sentences at . ! ? followed by a capital letter, except after abbreviations
 * (esim., klo, pj.) and numbers ("17.5. Oulussa", "4. kerroksessa"), which are not sentence ends.
 */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  const boundary = /[.!?]+["”’)]?\s+(?=["“(]?[\p{Lu}\d])/gu;
  for (const match of text.matchAll(boundary)) {
    const before = text.slice(start, match.index);
    const lastWord = /(\S+)$/u.exec(before)?.[1] ?? '';
    const bare = lastWord.replace(/^[("“]+/u, '').toLowerCase();
    if (
      match[0].startsWith('.') &&
      (ABBREVIATIONS.has(bare) || /^\d{1,2}(?:\.\d{1,2})?$/u.test(bare))
    ) {
      continue;
    }
    const end = match.index + match[0].trimEnd().length;
    sentences.push(text.slice(start, end).trim());
    start = match.index + match[0].length;
  }
  const rest = text.slice(start).trim();
  if (rest !== '') sentences.push(rest);
  return sentences.filter((sentence) => sentence !== '');
}

const DECISION_RE =
  /\b(?:päätettiin|päädyttiin|sovittiin|hyväksyttiin|valittiin|päätimme|päädyimme|sovimme)\b/iu;

/** True when a sentence records a decision; "todettiin" (it was noted) is deliberately not one. */
export function isDecision(sentence: string): boolean {
  return DECISION_RE.test(sentence);
}

// Finnish passive present at the start of a sentence: kartoitetaan, informoidaan, suunnitellaan,
// mennään, pestään. Adverbs and modal verbs with the same endings are excluded.
const PASSIVE_START_RE = /^\p{L}{2,}(?:taan|tään|daan|dään|llaan|llään|naan|nään|raan|rään)\b/iu;
const NOT_AN_ACTION = new Set([
  'parhaillaan',
  'voidaan',
  'saadaan',
  'tarvitaan',
  'todetaan',
  'keskustellaan',
  'lopultaan',
  'ylipäätään',
  'kaikkiaan',
]);

const OWNER_VERBS =
  'suunnittelee|selvittää|kartoittaa|lähettää|tekee|hoitaa|kokoaa|valmistelee|ottaa yhteyttä|tiedottaa|kysyy|varaa|laatii|päivittää|järjestää|välittää|huolehtii|tarkistaa|koordinoi|kirjoittaa|esittelee|informoi|tiedustelee|kutsuu|vastaa|vie|jakaa|tallentaa|toimittaa';
const NAME =
  "\\p{Lu}[\\p{Ll}'’]+(?:-\\p{Lu}[\\p{Ll}'’]+)?\\s+\\p{Lu}[\\p{Ll}'’]+(?:-\\p{Lu}[\\p{Ll}'’]+)?";
const NAMED_OWNER_RE = new RegExp(
  `(?<![\\p{L}-])(${NAME})(?:\\s+[^.,;:!?]{0,60}?)?\\s+(?:${OWNER_VERBS})(?![\\p{L}])`,
  'u',
);
const FIRST_NAME_OWNER_RE = new RegExp(
  `(?<![\\p{L}-])(\\p{Lu}[\\p{Ll}]+)\\s+(?:${OWNER_VERBS})(?![\\p{L}])`,
  'u',
);
const ROLE_OWNER_RE = new RegExp(
  `^(puheenjohtaja|pj\\.?|sihteeri|siht\\.?|varapuheenjohtaja|vpj\\.?)\\s+(?:${OWNER_VERBS})(?![\\p{L}])`,
  'iu',
);

function roleOwner(word: string, people: readonly Participant[]): string | null {
  const lower = word.toLowerCase();
  const role: ParticipantRole = lower.startsWith('v')
    ? 'vice_chair'
    : lower.startsWith('s')
      ? 'secretary'
      : 'chair';
  return people.find((person) => person.roles.includes(role))?.name ?? null;
}

function isPlausibleOwner(name: string): boolean {
  const first = name.split(/\s+/u)[0] ?? '';
  // "Oulun Asko-tiimi suunnittelee": a town in the genitive is not a first name.
  return townOf(first) === null && !/kirjasto|tiimi|ryhmä/iu.test(name);
}

/**
 * An action item when the sentence assigns work: a passive verb first ("Kartoitetaan
 * kouluttajia…", owner unknown) or a named person doing something ("Laura Similä … suunnittelee").
 * `people` lets "Isa selvittää" and "Sihteeri lähettää" resolve to full names.
 */
export function readAction(sentence: string, people: readonly Participant[]): ActionItem | null {
  const named = NAMED_OWNER_RE.exec(sentence);
  if (named?.[1] && isPlausibleOwner(named[1])) return { text: sentence, owner: named[1] };
  const byRole = ROLE_OWNER_RE.exec(sentence);
  if (byRole?.[1]) return { text: sentence, owner: roleOwner(byRole[1], people) };
  const firstName = FIRST_NAME_OWNER_RE.exec(sentence);
  if (firstName?.[1]) {
    const matches = people.filter((person) => person.name.split(/\s+/u)[0] === firstName[1]);
    if (matches.length === 1 && matches[0]) return { text: sentence, owner: matches[0].name };
  }
  const firstWord =
    sentence
      .split(/\s+/u)[0]
      ?.toLowerCase()
      .replace(/[^\p{L}]/gu, '') ?? '';
  if (PASSIVE_START_RE.test(sentence) && !NOT_AN_ACTION.has(firstWord)) {
    return { text: sentence, owner: null };
  }
  return null;
}

const ROLE_FORMS: readonly (readonly [string, ParticipantRole])[] = [
  ['varapuheenjohtajana', 'vice_chair'],
  ['varapuheenjohtajaksi', 'vice_chair'],
  ['puheenjohtajana', 'chair'],
  ['puheenjohtajaksi', 'chair'],
  ['sihteerinä', 'secretary'],
  ['sihteeriksi', 'secretary'],
];
// No `i` flag on the patterns below: with it, \p{Lu} would match lower case too and every
// word would look like a name. The role word's capital is allowed explicitly instead.
const ROLE_WORD = ROLE_FORMS.map(
  ([form]) => `[${form[0]}${form[0]?.toUpperCase()}]${form.slice(1)}`,
).join('|');
const ROLE_THEN_NAME_RE = new RegExp(
  `(?<![\\p{L}])(${ROLE_WORD})\\s+(?:(?:toimii|jatkaa|valittiin|on|aloittaa)\\s+)?(?:jatkossa\\s+)?(${NAME})`,
  'gu',
);
const NAME_THEN_ROLE_RE = new RegExp(
  `(${NAME})\\s+(?:toimii|jatkaa|valittiin|aloittaa)\\s+(?:[\\p{L}-]+\\s+){0,3}?(${ROLE_WORD})(?![\\p{L}])`,
  'gu',
);
// "… puheenjohtajana ja Heidi Tuikka varapuheenjohtajana": the verb is left out after "ja".
const ELLIPTIC_NAME_ROLE_RE = new RegExp(
  `(?:ja|sekä)\\s+(${NAME})\\s+(${ROLE_WORD})(?![\\p{L}])`,
  'gu',
);
// Past tense "toimi" describes this meeting's chair, not a change.
const CHANGE_MARKER_RE =
  /\b(?:jatkossa|valittiin|uutena|uudeksi|alkaen|vaihtuu|siirtyy|toimii|aloittaa)\b/iu;

function roleOfForm(form: string): ParticipantRole {
  return ROLE_FORMS.find(([candidate]) => candidate === form.toLowerCase())?.[1] ?? 'chair';
}

/** New chairs and secretaries named in a sentence ("Jatkossa … sihteerinä toimii Isa Kotilaine"). */
export function readRoleChanges(sentence: string): RoleChange[] {
  if (!CHANGE_MARKER_RE.test(sentence)) return [];
  const found: { index: number; change: RoleChange }[] = [];
  for (const match of sentence.matchAll(ROLE_THEN_NAME_RE)) {
    const [, form, name] = match;
    if (form && name && isPlausibleOwner(name)) {
      found.push({ index: match.index, change: { name, role: roleOfForm(form) } });
    }
  }
  for (const match of sentence.matchAll(NAME_THEN_ROLE_RE)) {
    const [, name, form] = match;
    if (form && name && isPlausibleOwner(name)) {
      found.push({ index: match.index, change: { name, role: roleOfForm(form) } });
    }
  }
  if (found.length > 0) {
    for (const match of sentence.matchAll(ELLIPTIC_NAME_ROLE_RE)) {
      const [, name, form] = match;
      if (form && name && isPlausibleOwner(name)) {
        found.push({ index: match.index, change: { name, role: roleOfForm(form) } });
      }
    }
  }
  found.sort((a, b) => a.index - b.index);
  const changes: RoleChange[] = [];
  for (const { change } of found) {
    if (!changes.some((c) => c.name === change.name && c.role === change.role))
      changes.push(change);
  }
  return changes;
}
