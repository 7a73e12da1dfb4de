/**
 * A deterministic generator of realistic Finnish knowledge-base records (meetings, trainings,
 * work visits, resources, best practices, ideas, programmes, organisations) from a vocabulary of
 * the domain, for benchmarks and load tests. The same seed gives the same corpus.
 */
import { type Language } from '../src/shared/validation.js';
import { type SearchDocument, type SearchType } from '../src/modules/search/search-index.js';

/** Mulberry32: a small, fast, seeded PRNG (uniform in [0, 1)). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TOWNS = [
  ['Oulu', 'Oulussa', 'Oulun'],
  ['Kajaani', 'Kajaanissa', 'Kajaanin'],
  ['Ylivieska', 'Ylivieskassa', 'Ylivieskan'],
  ['Nivala', 'Nivalassa', 'Nivalan'],
  ['Raahe', 'Raahessa', 'Raahen'],
  ['Kuusamo', 'Kuusamossa', 'Kuusamon'],
  ['Sotkamo', 'Sotkamossa', 'Sotkamon'],
  ['Kempele', 'Kempeleessä', 'Kempeleen'],
  ['Liminka', 'Limingassa', 'Limingan'],
  ['Haapavesi', 'Haapavedellä', 'Haapaveden'],
  ['Kalajoki', 'Kalajoella', 'Kalajoen'],
  ['Pudasjärvi', 'Pudasjärvellä', 'Pudasjärven'],
  ['Muhos', 'Muhoksella', 'Muhoksen'],
  ['Sievi', 'Sievissä', 'Sievin'],
  ['Hailuoto', 'Hailuodossa', 'Hailuodon'],
] as const;

/** Topics: a noun in several cases (nominative, genitive, partitive, inessive/elative…). */
const TOPICS = [
  ['asiakaspalvelu', 'asiakaspalvelun', 'asiakaspalvelua', 'asiakaspalvelussa'],
  [
    'asiakaspalvelukoulutus',
    'asiakaspalvelukoulutuksen',
    'asiakaspalvelukoulutusta',
    'asiakaspalvelukoulutuksessa',
  ],
  ['vuorovaikutus', 'vuorovaikutuksen', 'vuorovaikutusta', 'vuorovaikutuksessa'],
  ['viestintä', 'viestinnän', 'viestintää', 'viestinnässä'],
  ['mentorointi', 'mentoroinnin', 'mentorointia', 'mentoroinnissa'],
  ['kyläily', 'kyläilyn', 'kyläilyä', 'kyläilystä'],
  ['työvierailu', 'työvierailun', 'työvierailua', 'työvierailulla'],
  ['vertaisoppiminen', 'vertaisoppimisen', 'vertaisoppimista', 'vertaisoppimisessa'],
  ['kirjastoauto', 'kirjastoauton', 'kirjastoautoa', 'kirjastoautossa'],
  ['saavutettavuus', 'saavutettavuuden', 'saavutettavuutta', 'saavutettavuudessa'],
  ['lukudiplomi', 'lukudiplomin', 'lukudiplomia', 'lukudiplomissa'],
  ['kielikoulutus', 'kielikoulutuksen', 'kielikoulutusta', 'kielikoulutuksessa'],
  ['asiakaskokemus', 'asiakaskokemuksen', 'asiakaskokemusta', 'asiakaskokemuksessa'],
  ['omatoimikirjasto', 'omatoimikirjaston', 'omatoimikirjastoa', 'omatoimikirjastossa'],
  ['palautekysely', 'palautekyselyn', 'palautekyselyä', 'palautekyselyssä'],
  ['laadunarviointi', 'laadunarvioinnin', 'laadunarviointia', 'laadunarvioinnissa'],
  ['lukupiiri', 'lukupiirin', 'lukupiiriä', 'lukupiirissä'],
  ['kirjastonhoitaja', 'kirjastonhoitajan', 'kirjastonhoitajaa', 'kirjastonhoitajalla'],
  ['digituki', 'digituen', 'digitukea', 'digituessa'],
  ['satutunti', 'satutunnin', 'satutuntia', 'satutunnilla'],
  ['kokoelmatyö', 'kokoelmatyön', 'kokoelmatyötä', 'kokoelmatyössä'],
  ['tapahtumatuotanto', 'tapahtumatuotannon', 'tapahtumatuotantoa', 'tapahtumatuotannossa'],
  ['aineistoesittely', 'aineistoesittelyn', 'aineistoesittelyä', 'aineistoesittelyssä'],
  ['perehdytys', 'perehdytyksen', 'perehdytystä', 'perehdytyksessä'],
] as const;

const VERBS = [
  'käsiteltiin',
  'sovittiin',
  'päätettiin kehittää',
  'kartoitetaan',
  'suunnitellaan',
  'arvioitiin',
  'esiteltiin',
  'keskusteltiin aiheesta',
  'kerätään kokemuksia aiheesta',
  'järjestetään',
];
const ADJECTIVES = [
  'alueellinen',
  'yhteinen',
  'uusi',
  'syksyn',
  'kevään',
  'pienten kirjastojen',
  'seudullinen',
];
const FILLER = [
  'Osallistujat kertoivat omista kokemuksistaan.',
  'Työryhmän jäseniä informoidaan sähköpostilla.',
  'Tavoitteena on parantaa palvelun laatua koko alueella.',
  'Etäosallistuminen on mahdollista Teamsin kautta.',
  'Kouluttajaa etsitään vielä.',
  'Palaute oli pääosin myönteistä.',
  'Seuraavassa kokouksessa asiaan palataan.',
  'Mallia otetaan Porvoon vertaisoppimisen ideapäivästä.',
  'Hanke rahoitetaan Pohjois-Suomen AVI:n avustuksella.',
  'Kirjastoautot Kauno ja Onneli osallistuvat kokeiluun.',
];
const TAGS = [
  'asiakaspalvelu',
  'koulutus',
  'mentorointi',
  'kyläily',
  'työvierailut',
  'saavutettavuus',
  'lukeminen',
  'lapset',
  'nuoret',
  'digituki',
  'kirjastoautot',
  'vertaisoppiminen',
  'tapahtumat',
  'kokoelmat',
];
const SWEDISH = [
  'Kundservice i biblioteket och samarbete mellan bibliotek.',
  'Språkutbildning i svenska för bibliotekspersonal.',
  'Erfarenheter av mentorskap och arbetsbesök i regionen.',
];
const ENGLISH = [
  'Customer service training for library staff in Northern Ostrobothnia.',
  'Peer learning and mentoring in public libraries.',
  'Accessibility statement and feedback channel of the library services.',
];

const TYPES: SearchType[] = [
  'meeting',
  'meeting',
  'training',
  'work-visit',
  'work-visit',
  'resource',
  'resource',
  'best-practice',
  'development-idea',
  'mentoring-programme',
  'organisation',
];

export interface CorpusOptions {
  seed?: number;
  /** Number of distinct organisations referred to. */
  organisations?: number;
}

/** Generates `count` documents; the same seed and count always give the same documents. */
export function generateCorpus(count: number, options: CorpusOptions = {}): SearchDocument[] {
  const random = prng(options.seed ?? 2019);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const between = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const organisationCount = options.organisations ?? 60;
  const organisations = Array.from({ length: organisationCount }, (_, i) => {
    const town = TOWNS[i % TOWNS.length]!;
    const suffix =
      i < TOWNS.length ? 'kaupunginkirjasto' : `lähikirjasto ${Math.floor(i / TOWNS.length)}`;
    return { id: i + 1, name: `${town[2]} ${suffix}` };
  });
  const sentence = (): string => {
    const topic = pick(TOPICS);
    const other = pick(TOPICS);
    const town = pick(TOWNS);
    const templates = [
      () => `${cap(pick(VERBS))} ${topic[2]} ${town[1]}.`,
      () => `${cap(pick(ADJECTIVES))} ${topic[0]} ja ${other[1]} kehittäminen.`,
      () => `${cap(topic[1])} järjestämisestä ${town[1]} ${pick(VERBS)}.`,
      () => `${cap(pick(VERBS))} ${other[2]} ja ${topic[2]} yhdessä ${town[2]} kirjaston kanssa.`,
      () => pick(FILLER),
    ];
    return pick(templates)();
  };
  const paragraph = (min: number, max: number) =>
    Array.from({ length: between(min, max) }, sentence).join(' ');
  const documents: SearchDocument[] = [];
  for (let i = 0; i < count; i += 1) {
    const type = pick(TYPES);
    const topic = pick(TOPICS);
    const town = pick(TOWNS);
    const organisation = pick(organisations);
    const year = between(2010, 2025);
    const roll = random();
    const language: Language = roll < 0.9 ? 'fi' : roll < 0.96 ? 'sv' : 'en';
    let title: string;
    let body: string;
    let tags: string[] = [];
    switch (type) {
      case 'meeting':
        title = `Työryhmän kokous ${between(1, 28)}.${between(1, 12)}.${year} ${town[1]}`;
        body = Array.from(
          { length: between(3, 7) },
          (_, n) => `${n + 1}. ${cap(pick(TOPICS)[0])}\n${paragraph(1, 3)}`,
        ).join('\n');
        break;
      case 'training':
        title = `${cap(topic[0])}: ${pick(TOPICS)[0]} ${town[1]}`;
        body = paragraph(3, 6);
        break;
      case 'work-visit':
        title = `Työvierailu: ${organisation.name}`;
        body = `${paragraph(2, 4)} Opittiin ${pick(TOPICS)[2]}.`;
        break;
      case 'mentoring-programme':
        title = `${cap(pick(ADJECTIVES))} ${topic[0]}ohjelma ${year}`;
        body = paragraph(2, 5);
        break;
      case 'organisation':
        title = organisation.name;
        body = `${town[0]} ${pick(['OUTI', 'Kainet', 'Joki-kirjastot'])}`;
        break;
      default:
        title = `${cap(pick(ADJECTIVES))} ${topic[0]} ${town[1]}`;
        body = paragraph(2, 8);
        tags = [...new Set([pick(TAGS), pick(TAGS)])];
    }
    if (language === 'sv') {
      title = `${pick(SWEDISH).split(' ').slice(0, 4).join(' ')} ${i}`;
      body = `${pick(SWEDISH)} ${pick(SWEDISH)}`;
    } else if (language === 'en') {
      title = `${pick(ENGLISH).split(' ').slice(0, 4).join(' ')} ${i}`;
      body = `${pick(ENGLISH)} ${pick(ENGLISH)}`;
    }
    const created = new Date(Date.UTC(year, between(0, 11), between(1, 28)));
    documents.push({
      type,
      id: i + 1,
      language,
      title,
      tags,
      body,
      organisationId: organisation.id,
      organisationName: organisation.name,
      year,
      createdAt: created,
      updatedAt: created,
    });
  }
  return documents;
}

/**
 * Queries a person might type over the generated corpus: inflected and compound words,
 * missing diacritics, two-word queries, phrases, prefixes, exclusions, `tag:` and `type:`.
 */
export function generateQueries(count: number, seed = 17): string[] {
  const random = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const fold = (s: string) => s.replace(/ä/g, 'a').replace(/ö/g, 'o');
  const kinds: (() => string)[] = [
    () => pick(pick(TOPICS)),
    () => `${pick(pick(TOPICS))} ${pick(TOWNS)[0].toLowerCase()}`,
    () => fold(pick(pick(TOPICS))),
    () => `"${pick(TOPICS)[0]} ja"`,
    () => `${pick(TOPICS)[0].slice(0, 6)}*`,
    () => `${pick(TOPICS)[1]} -${pick(TOWNS)[0].toLowerCase()}`,
    () => `tag:${pick(TAGS)} ${pick(TOPICS)[0]}`,
    () => `type:meeting ${pick(TOPICS)[3]}`,
    () => `${pick(TOPICS)[0]} OR ${pick(TOPICS)[0]}`,
    () => pick(TOPICS)[0].slice(0, 5),
    () => `${pick(ADJECTIVES)} ${pick(TOPICS)[2]}`,
    () => pick(TOPICS)[0].split('').reverse().join(''),
  ];
  return Array.from({ length: count }, () => pick(kinds)());
}

function cap(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
