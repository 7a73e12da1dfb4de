// Participant lists: "Name (Organisation, role)", "Name, Place (pj.)", one per line or all in
// one comma-separated paragraph — where commas also appear inside the parentheses.
import type { Participant, ParticipantRole } from './types.js';
import { isKnownTown } from './places.js';
import { collapseSpaces, looksLikePersonName, stripEmphasis, unescapeMarkdown } from './text.js';

const ROLE_WORDS: readonly (readonly [RegExp, ParticipantRole])[] = [
  [/^(?:vpj|varapj|varapuheenjohtaja)\.?$/iu, 'vice_chair'],
  [/^(?:pj|puheenjohtaja|puh\.?\s?joht)\.?$/iu, 'chair'],
  [/^(?:siht|sihteeri|muistion kirjoittaja)\.?$/iu, 'secretary'],
];

/** Role words to roles: "pj.+siht." → [chair, secretary]; null when the text is not only roles. */
export function parseRoles(text: string): ParticipantRole[] | null {
  const parts = text
    .split(/\s*(?:\+|\/|&|,|\bja\b)\s*/u)
    .map((part) => part.trim())
    .filter((part) => part !== '');
  if (parts.length === 0) return null;
  const roles: ParticipantRole[] = [];
  for (const part of parts) {
    const role = ROLE_WORDS.find(([pattern]) => pattern.test(part))?.[1];
    if (!role) return null;
    if (!roles.includes(role)) roles.push(role);
  }
  return roles;
}

/** Splits on separators outside parentheses, so "(Kiri, Kärsämäki)" stays one piece. */
export function splitTopLevel(text: string, separators: readonly string[]): string[] {
  const pieces: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if (char === '(' || char === '[') depth += 1;
    if ((char === ')' || char === ']') && depth > 0) depth -= 1;
    if (depth === 0 && separators.includes(char)) {
      pieces.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  pieces.push(current);
  return pieces.map((piece) => piece.trim()).filter((piece) => piece !== '');
}

function withoutParentheses(text: string): string {
  return collapseSpaces(text.replace(/\([^()]*\)/gu, ' '));
}

const ORGANISATION_HINT_RE =
  /kirjasto|kaupunki|kunta|\bAVI\b|\bOUTI\b|\bKainet\b|\bKiri\b|\bTiekkö(?![\p{L}])|Joki-kirjastot|\bPiKe\b|yliopisto|ammattikorkeakoulu|työryhmä/u;

function isPersonPiece(piece: string): boolean {
  const core = withoutParentheses(piece);
  return looksLikePersonName(core) && !ORGANISATION_HINT_RE.test(core) && !isKnownTown(core);
}

/**
 * Splits one line or paragraph of a participant list into one string per person. A piece that
 * is not a name ("Oulu (pj.)" after "Minna Männikkö") belongs to the person before it, which
 * is how "Name, Place (pj.), Name, Place" keeps its places.
 */
export function splitParticipantList(text: string): string[] {
  const pieces = splitTopLevel(text, [',', ';']).flatMap((piece) => {
    // "A ja B" only when both sides are names; "Kirjasto- ja kulttuuripalvelut" stays whole.
    const parts = piece.split(/\s+(?:ja|sekä)\s+(?![^()]*\))/u);
    return parts.length > 1 && parts.every((part) => isPersonPiece(part.split(' (')[0] ?? part))
      ? parts
      : [piece];
  });
  const people: string[] = [];
  for (const piece of pieces) {
    const previous = people.at(-1);
    if (previous !== undefined && !isPersonPiece(piece)) {
      people[people.length - 1] = `${previous}, ${piece}`;
    } else {
      people.push(piece);
    }
  }
  return people;
}

/** A parsed participant plus whether the text was clear enough to trust. */
export interface ParticipantParse {
  participant: Participant;
  clear: boolean;
}

/**
 * One person's entry to name, organisation, place and roles. In "(Kiri, Kärsämäki)" the first
 * non-role part is the organisation and the next the place; a lone known town ("Oulu") is a
 * place, anything else an organisation.
 */
export function parseParticipant(entry: string): ParticipantParse {
  const text = collapseSpaces(unescapeMarkdown(stripEmphasis(entry)))
    .replace(/^[-•*·–o]\s+/u, '')
    .replace(/[,;]+$/u, '');
  const groups = [...text.matchAll(/\(([^()]*)\)/gu)].map((match) => match[1] ?? '');
  const [name = '', ...outside] = splitTopLevel(withoutParentheses(text), [',', ';']);
  const roles: ParticipantRole[] = [];
  let organisation: string | null = null;
  let place: string | null = null;
  const addRoles = (found: ParticipantRole[]): void => {
    for (const role of found) if (!roles.includes(role)) roles.push(role);
  };
  // Roles written after the name without a comma: "Minna Männikkö pj."
  let cleanName = name;
  const trailingRole = /\s+(pj\.?|vpj\.?|siht\.?|puheenjohtaja|varapuheenjohtaja|sihteeri)$/iu.exec(
    cleanName,
  );
  if (trailingRole?.[1]) {
    addRoles(parseRoles(trailingRole[1]) ?? []);
    cleanName = cleanName.slice(0, trailingRole.index);
  }
  const parts = [...outside, ...groups.flatMap((group) => splitTopLevel(group, [',', ';']))];
  for (const part of parts) {
    const found = parseRoles(part);
    if (found) {
      addRoles(found);
    } else if (/^(?:etänä|etäyhteydellä|etäosallistuja|teams|skype|zoom)$/iu.test(part)) {
      // How the person attended, not where they are from.
    } else if (isKnownTown(part) && place === null) {
      place = part;
    } else if (organisation === null) {
      organisation = part;
    } else if (place === null) {
      place = part;
    } else {
      organisation = `${organisation}, ${part}`;
    }
  }
  const participant: Participant = {
    name: collapseSpaces(cleanName),
    organisation,
    place,
    roles,
  };
  return { participant, clear: looksLikePersonName(participant.name) };
}
