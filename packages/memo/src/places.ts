// Places in memos are written in Finnish cases ("Oulussa", "Kärsämäellä", "pääkirjaston 4.
// kerroksessa"). Towns of the region are listed with their forms, because gradation
// (Liminka → Limingassa, Haapavesi → Haapavedellä) defeats simple suffix stripping.
import type { MeetingFormat, Venue } from './types.js';
import { collapseSpaces } from './text.js';

/** Base form, locative (where: -ssa/-lla) and genitive of the region's towns and a few others. */
const TOWN_FORMS: readonly (readonly [string, string, string])[] = [
  ['Oulu', 'Oulussa', 'Oulun'],
  ['Kajaani', 'Kajaanissa', 'Kajaanin'],
  ['Raahe', 'Raahessa', 'Raahen'],
  ['Kärsämäki', 'Kärsämäellä', 'Kärsämäen'],
  ['Sievi', 'Sievissä', 'Sievin'],
  ['Ylivieska', 'Ylivieskassa', 'Ylivieskan'],
  ['Nivala', 'Nivalassa', 'Nivalan'],
  ['Hailuoto', 'Hailuodossa', 'Hailuodon'],
  ['Ii', 'Iissä', 'Iin'],
  ['Kempele', 'Kempeleellä', 'Kempeleen'],
  ['Kuusamo', 'Kuusamossa', 'Kuusamon'],
  ['Liminka', 'Limingassa', 'Limingan'],
  ['Lumijoki', 'Lumijoella', 'Lumijoen'],
  ['Muhos', 'Muhoksella', 'Muhoksen'],
  ['Pudasjärvi', 'Pudasjärvellä', 'Pudasjärven'],
  ['Pyhäjoki', 'Pyhäjoella', 'Pyhäjoen'],
  ['Siikajoki', 'Siikajoella', 'Siikajoen'],
  ['Taivalkoski', 'Taivalkoskella', 'Taivalkosken'],
  ['Tyrnävä', 'Tyrnävällä', 'Tyrnävän'],
  ['Utajärvi', 'Utajärvellä', 'Utajärven'],
  ['Vaala', 'Vaalassa', 'Vaalan'],
  ['Alavieska', 'Alavieskassa', 'Alavieskan'],
  ['Haapajärvi', 'Haapajärvellä', 'Haapajärven'],
  ['Haapavesi', 'Haapavedellä', 'Haapaveden'],
  ['Kalajoki', 'Kalajoella', 'Kalajoen'],
  ['Merijärvi', 'Merijärvellä', 'Merijärven'],
  ['Oulainen', 'Oulaisissa', 'Oulaisten'],
  ['Pyhäjärvi', 'Pyhäjärvellä', 'Pyhäjärven'],
  ['Pyhäntä', 'Pyhännällä', 'Pyhännän'],
  ['Reisjärvi', 'Reisjärvellä', 'Reisjärven'],
  ['Siikalatva', 'Siikalatvalla', 'Siikalatvan'],
  ['Sotkamo', 'Sotkamossa', 'Sotkamon'],
  ['Kuhmo', 'Kuhmossa', 'Kuhmon'],
  ['Suomussalmi', 'Suomussalmella', 'Suomussalmen'],
  ['Hyrynsalmi', 'Hyrynsalmella', 'Hyrynsalmen'],
  ['Puolanka', 'Puolangalla', 'Puolangan'],
  ['Paltamo', 'Paltamossa', 'Paltamon'],
  ['Ristijärvi', 'Ristijärvellä', 'Ristijärven'],
  ['Haukipudas', 'Haukiputaalla', 'Haukiputaan'],
  ['Kiiminki', 'Kiimingissä', 'Kiimingin'],
  ['Oulunsalo', 'Oulunsalossa', 'Oulunsalon'],
  ['Helsinki', 'Helsingissä', 'Helsingin'],
  ['Porvoo', 'Porvoossa', 'Porvoon'],
  ['Tampere', 'Tampereella', 'Tampereen'],
  ['Rovaniemi', 'Rovaniemellä', 'Rovaniemen'],
];

interface TownForm {
  town: string;
  form: 'base' | 'locative' | 'genitive';
}

const TOWN_BY_FORM = new Map<string, TownForm>();
for (const [base, locative, genitive] of TOWN_FORMS) {
  TOWN_BY_FORM.set(base.toLowerCase(), { town: base, form: 'base' });
  TOWN_BY_FORM.set(locative.toLowerCase(), { town: base, form: 'locative' });
  TOWN_BY_FORM.set(genitive.toLowerCase(), { town: base, form: 'genitive' });
}
TOWN_BY_FORM.set('oulaisen', { town: 'Oulainen', form: 'genitive' });

function bareWord(word: string): string {
  return word.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '').toLowerCase();
}

/** The town a word names in any listed form ("Oulussa" → Oulu), or null. */
export function townOf(word: string): string | null {
  return TOWN_BY_FORM.get(bareWord(word))?.town ?? null;
}

/** True when the text is exactly a known town in its base form ("Raahe", "Kärsämäki"). */
export function isKnownTown(text: string): boolean {
  return TOWN_BY_FORM.get(bareWord(text))?.form === 'base' && /^\p{L}+$/u.test(text.trim());
}

/** Towns named where something happens ("Oulussa, Kajaanissa ja joko Ylivieskassa tai Nivalassa"). */
export function townsInLocative(text: string): string[] {
  const towns: string[] = [];
  for (const word of text.split(/\s+/u)) {
    const hit = TOWN_BY_FORM.get(bareWord(word));
    if (hit?.form === 'locative' && !towns.includes(hit.town)) towns.push(hit.town);
  }
  return towns;
}

/**
 * A word in a where-case to its base form: a listed town by table, anything else by
 * dropping -ssa/-ssä/-lla/-llä (Nöömannissa → Nöömanni, huoneessa → huone).
 */
export function locativeToBase(word: string): string {
  const town = townOf(word);
  if (town) return town;
  const stripped = word.replace(/(?:ssa|ssä|lla|llä)$/u, '');
  if (stripped === word) return word;
  return stripped.replace(/([aeiouyäö])\1$/u, '$1');
}

const BUILDING_RE =
  /(?<![\p{L}])((?:\p{L}+-)?(?:pää|kaupungin|kunnan|lähi|alue|)?(?:kirjasto|kirjastotalo|kulttuuritalo|kaupungintalo|virastotalo|kunnantalo|kampus))(?:n|ssa|ssä|lla|llä|lle|sta|on|na|a)?(?![\p{L}])/iu;
const FLOOR_RE = /\b(\d{1,2})\.\s*kerro(?:s|ksessa|kseen|ksella|ksen)\b/iu;
const ROOM_KEYWORD_RE =
  /\b(?:koulutustila(?:ssa)?|kokoustila(?:ssa)?|kokoushuone(?:essa)?|neuvotteluhuone(?:essa)?|tila(?:ssa)?|huone(?:essa)?|sali(?:ssa)?|luokka|luokassa)\s+(\p{Lu}[\p{L}-]*)/u;
const ROOM_COMPOUND_RE =
  /(?<![\p{L}])(\p{Lu}\p{L}*-(?:kokous|neuvottelu|koulutus)?(?:huone|sali|tila)\p{L}*)/u;

/**
 * Splits a venue description into town, building, floor and room. Each part is optional;
 * `text` keeps the original so nothing is lost when a part is misread.
 */
export function parseVenue(text: string): Venue | null {
  const clean = collapseSpaces(text).replace(/[.,;:]+$/u, '');
  if (clean === '') return null;
  let town: string | null = null;
  for (const word of clean.split(/[\s,]+/u)) {
    town = townOf(word);
    if (town) break;
  }
  const buildingMatch = BUILDING_RE.exec(clean);
  const floorMatch = FLOOR_RE.exec(clean);
  const roomMatch = ROOM_KEYWORD_RE.exec(clean) ?? ROOM_COMPOUND_RE.exec(clean);
  return {
    text: clean,
    town,
    building: buildingMatch?.[1] ? buildingMatch[1].toLowerCase() : null,
    floor: floorMatch?.[1] ? `${floorMatch[1]}. kerros` : null,
    room: roomMatch?.[1] ? roomBase(roomMatch[1]) : null,
  };
}

// Room nouns in a where-case: "Kuulas-salissa" → "Kuulas-sali", "kokoushuoneessa" → "kokoushuone".
function roomBase(word: string): string {
  const compound = /^(.*-(?:kokous|neuvottelu|koulutus)?)(huone|sali|tila)\p{L}*$/u.exec(word);
  if (compound?.[1] && compound[2]) return `${compound[1]}${compound[2]}`;
  return locativeToBase(word);
}

const REMOTE_RE =
  /(skype|teams|zoom|google meet|etäkokous|etäyhtey|etäosallistu|etänä|verkkokokous|videoyhtey)/iu;

/** The remote platform a text names (Skype, Teams, Zoom), or "etä" for a generic remote mention. */
export function remotePlatformOf(text: string): string | null {
  if (!REMOTE_RE.test(text)) return null;
  // A named platform wins over a generic word: "Etäkokous (Teams)" → Teams.
  if (/skype/iu.test(text)) return 'Skype';
  if (/teams/iu.test(text)) return 'Teams';
  if (/zoom/iu.test(text)) return 'Zoom';
  if (/google meet/iu.test(text)) return 'Google Meet';
  return 'etä';
}

const PLACE_SEPARATOR_RE = /(\s*(?:,|\/|\+|\(|\)|\s(?:ja|sekä|tai)\s|\s[-–]\s)\s*)/u;

/**
 * Separates the physical place from a remote part ("Kajaanin kaupunginkirjasto, kokoushuone
 * Kaisla ja Teams" → place without "ja Teams", remote true). A text without a remote mention
 * is returned untouched, so " ja " inside names like "Kirjasto- ja kulttuuritalo" survives.
 */
export function splitRemotePart(text: string): { place: string | null; remote: boolean } {
  const clean = collapseSpaces(text);
  if (!REMOTE_RE.test(clean)) return { place: clean === '' ? null : clean, remote: false };
  const pieces = clean.split(PLACE_SEPARATOR_RE);
  const kept: string[] = [];
  for (let i = 0; i < pieces.length; i += 2) {
    const piece = pieces[i] ?? '';
    if (piece.trim() === '' || REMOTE_RE.test(piece)) continue;
    if (kept.length > 0) kept.push(pieces[i - 1] ?? ', ');
    kept.push(piece);
  }
  const place = collapseSpaces(kept.join('')).replace(/^[,(/+\s]+|[,(/+\s]+$/gu, '');
  const balanced =
    place.split('(').length === place.split(')').length ? place : place.replace(/[()]/gu, '');
  return { place: balanced === '' ? null : balanced, remote: true };
}

/** remote / hybrid / in_person from whether there is a physical place and a remote mention. */
export function meetingFormatOf(hasPlace: boolean, remote: boolean): MeetingFormat {
  if (remote) return hasPlace ? 'hybrid' : 'remote';
  return 'in_person';
}
