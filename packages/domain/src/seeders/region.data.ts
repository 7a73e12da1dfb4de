/**
 * The region's libraries, bookmobiles, networks and partners (DOMAIN.md, "The region").
 * Only facts the project can stand behind are recorded; Kirkanta ids and ISILs are left empty
 * until they are looked up, rather than guessed.
 */
import { type OrganisationKind } from '../modules/organisation/organisation.schema.js';

export interface OrganisationSeed {
  name: string;
  kind: OrganisationKind;
  city?: string;
  shortName?: string;
  nameSv?: string;
  nameEn?: string;
  aliases?: string[];
  street?: string;
  zipcode?: string;
  homepage?: string;
  parent?: string;
}

/** Cities (kaupunki) name their library kaupunginkirjasto, municipalities kunnankirjasto. */
const CITIES = new Set([
  'Oulu',
  'Raahe',
  'Kuusamo',
  'Pudasjärvi',
  'Kajaani',
  'Haapajärvi',
  'Haapavesi',
  'Kalajoki',
  'Nivala',
  'Oulainen',
  'Pyhäjärvi',
  'Ylivieska',
]);

/** Genitive forms, since library names are "<town's> library". */
const GENITIVE: Record<string, string> = {
  Hailuoto: 'Hailuodon',
  Ii: 'Iin',
  Kempele: 'Kempeleen',
  Kuusamo: 'Kuusamon',
  Liminka: 'Limingan',
  Lumijoki: 'Lumijoen',
  Muhos: 'Muhoksen',
  Oulu: 'Oulun',
  Pudasjärvi: 'Pudasjärven',
  Pyhäjoki: 'Pyhäjoen',
  Raahe: 'Raahen',
  Siikajoki: 'Siikajoen',
  Taivalkoski: 'Taivalkosken',
  Tyrnävä: 'Tyrnävän',
  Utajärvi: 'Utajärven',
  Vaala: 'Vaalan',
  Kajaani: 'Kajaanin',
  Alavieska: 'Alavieskan',
  Haapajärvi: 'Haapajärven',
  Haapavesi: 'Haapaveden',
  Kalajoki: 'Kalajoen',
  Kärsämäki: 'Kärsämäen',
  Merijärvi: 'Merijärven',
  Nivala: 'Nivalan',
  Oulainen: 'Oulaisten',
  Pyhäjärvi: 'Pyhäjärven',
  Pyhäntä: 'Pyhännän',
  Reisjärvi: 'Reisjärven',
  Sievi: 'Sievin',
  Siikalatva: 'Siikalatvan',
  Ylivieska: 'Ylivieskan',
  Sotkamo: 'Sotkamon',
};

/** The name of a town's public library, e.g. "Kempeleen kunnankirjasto". */
export function libraryName(town: string): string {
  const genitive = GENITIVE[town];
  if (!genitive) throw new Error(`No genitive form for ${town}`);
  return `${genitive} ${CITIES.has(town) ? 'kaupunginkirjasto' : 'kunnankirjasto'}`;
}

export const OUTI_TOWNS = [
  'Hailuoto',
  'Ii',
  'Kempele',
  'Kuusamo',
  'Liminka',
  'Lumijoki',
  'Muhos',
  'Oulu',
  'Pudasjärvi',
  'Pyhäjoki',
  'Raahe',
  'Siikajoki',
  'Taivalkoski',
  'Tyrnävä',
  'Utajärvi',
  'Vaala',
];

export const JOKI_TOWNS = [
  'Alavieska',
  'Haapajärvi',
  'Haapavesi',
  'Kalajoki',
  'Kärsämäki',
  'Merijärvi',
  'Nivala',
  'Oulainen',
  'Pyhäjärvi',
  'Pyhäntä',
  'Reisjärvi',
  'Sievi',
  'Siikalatva',
  'Ylivieska',
];

export const NETWORKS: OrganisationSeed[] = [
  {
    name: 'OUTI-kirjastot',
    shortName: 'OUTI',
    kind: 'library_network',
    city: 'Oulu',
    aliases: ['OUTI'],
    homepage: 'https://www.outikirjastot.fi/',
  },
  {
    name: 'Kainet-kirjastot',
    shortName: 'Kainet',
    kind: 'library_network',
    city: 'Kajaani',
    aliases: ['Kainet'],
  },
  { name: 'Kiri-kirjastot', shortName: 'Kiri', kind: 'library_network', aliases: ['Kiri'] },
  { name: 'Tiekkö-kirjastot', shortName: 'Tiekkö', kind: 'library_network', aliases: ['Tiekkö'] },
  { name: 'Joki-kirjastot', shortName: 'Joki', kind: 'library_network', aliases: ['Joki'] },
  {
    name: 'PiKe-kirjastot',
    shortName: 'PiKe',
    kind: 'library_network',
    city: 'Tampere',
    aliases: ['PiKe', 'Pirkanmaan kirjastot'],
  },
];

export const PARTNERS: OrganisationSeed[] = [
  {
    name: 'Pohjois-Suomen aluehallintovirasto',
    shortName: 'Pohjois-Suomen AVI',
    nameSv: 'Regionförvaltningsverket i Norra Finland',
    nameEn: 'Regional State Administrative Agency for Northern Finland',
    kind: 'authority',
    city: 'Oulu',
    aliases: ['Pohjois-Suomen AVI', 'AVI'],
  },
  {
    name: 'Porvoon kaupunginkirjasto',
    nameSv: 'Borgå stadsbibliotek',
    kind: 'library',
    city: 'Porvoo',
  },
  {
    name: 'Kirjastot.fi',
    kind: 'other',
    city: 'Helsinki',
    homepage: 'https://www.kirjastot.fi/',
    aliases: ['kirjastot.fi'],
  },
];

/** Every library of the region: OUTI, Kainet, Joki-kirjastot and Sotkamo. */
export function regionLibraries(): OrganisationSeed[] {
  const towns = [...OUTI_TOWNS, 'Kajaani', 'Sotkamo', ...JOKI_TOWNS];
  return towns.map((town) => {
    const seed: OrganisationSeed = {
      name: libraryName(town),
      kind: 'library',
      city: town,
      aliases: [`${GENITIVE[town]} kirjasto`],
    };
    if (town === 'Oulu') {
      seed.nameSv = 'Uleåborgs stadsbibliotek';
      seed.nameEn = 'Oulu City Library';
      seed.aliases = ['Oulun kirjasto', 'Oulun pääkirjasto'];
      seed.street = 'Kaarlenväylä 3';
      seed.zipcode = '90100';
    }
    return seed;
  });
}

/** Oulu's bookmobiles, named Kauno and Onneli. */
export const BOOKMOBILES: OrganisationSeed[] = [
  {
    name: 'Kirjastoauto Kauno',
    kind: 'bookmobile',
    city: 'Oulu',
    parent: 'Oulun kaupunginkirjasto',
  },
  {
    name: 'Kirjastoauto Onneli',
    kind: 'bookmobile',
    city: 'Oulu',
    parent: 'Oulun kaupunginkirjasto',
  },
];

export interface MembershipSeed {
  town: string;
  network: string;
  validFrom: string | null;
  validTo: string | null;
}

/**
 * Network memberships. Kiri and Tiekkö merged into Joki-kirjastot; the memo of 2019 places
 * Kärsämäki in Kiri and Sievi in Tiekkö. The merger date recorded here (2020-01-01) marks the
 * change of era and should be checked against the national directory when ids are added.
 */
export function regionMemberships(): MembershipSeed[] {
  const MERGER = '2020-01-01';
  const BEFORE_MERGER = '2019-12-31';
  return [
    ...OUTI_TOWNS.map((town) => ({
      town,
      network: 'OUTI-kirjastot',
      validFrom: null,
      validTo: null,
    })),
    { town: 'Kajaani', network: 'Kainet-kirjastot', validFrom: null, validTo: null },
    { town: 'Kärsämäki', network: 'Kiri-kirjastot', validFrom: null, validTo: BEFORE_MERGER },
    { town: 'Sievi', network: 'Tiekkö-kirjastot', validFrom: null, validTo: BEFORE_MERGER },
    ...JOKI_TOWNS.map((town) => ({
      town,
      network: 'Joki-kirjastot',
      validFrom: MERGER,
      validTo: null,
    })),
  ];
}
