/**
 * A deterministic generator of realistic Finnish knowledge-base records (meetings, trainings,
 * work visits, resources, best practices, ideas, programmes, organisations) for benchmarks and
 * load tests. The same seed gives the same corpus.
 *
 * Real text has a long tail: a few words are everywhere ("kirjasto"), most are rare (a village,
 * a person, a compound coined once). The generator draws its words from a vocabulary of the
 * domain with Zipf-like frequencies (the k-th word of a list about 1/k as often as the first):
 * ~80 topics in four cases, ~1,600 compounds (modifier + head, inflected), the municipalities of
 * Pohjois-Pohjanmaa and Kainuu with their villages, ~2,500 person names, ~300 everyday words.
 * A query therefore matches anything from one record to most of them, as in a real corpus.
 */
import { type Language } from '../../shared/validation.js';
import { type SearchDocument, type SearchType } from './search-index.js';

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

/** A noun in four forms: nominative, genitive, partitive, a locative case. */
type Forms = readonly [string, string, string, string];

/** Municipalities of the region: name, inessive/adessive, genitive. */
const TOWNS = [
  ['Oulu', 'Oulussa', 'Oulun'],
  ['Kajaani', 'Kajaanissa', 'Kajaanin'],
  ['Ylivieska', 'Ylivieskassa', 'Ylivieskan'],
  ['Raahe', 'Raahessa', 'Raahen'],
  ['Kuusamo', 'Kuusamossa', 'Kuusamon'],
  ['Nivala', 'Nivalassa', 'Nivalan'],
  ['Sotkamo', 'Sotkamossa', 'Sotkamon'],
  ['Kempele', 'Kempeleessä', 'Kempeleen'],
  ['Liminka', 'Limingassa', 'Limingan'],
  ['Haapavesi', 'Haapavedellä', 'Haapaveden'],
  ['Kalajoki', 'Kalajoella', 'Kalajoen'],
  ['Pudasjärvi', 'Pudasjärvellä', 'Pudasjärven'],
  ['Muhos', 'Muhoksella', 'Muhoksen'],
  ['Sievi', 'Sievissä', 'Sievin'],
  ['Hailuoto', 'Hailuodossa', 'Hailuodon'],
  ['Kuhmo', 'Kuhmossa', 'Kuhmon'],
  ['Suomussalmi', 'Suomussalmella', 'Suomussalmen'],
  ['Paltamo', 'Paltamossa', 'Paltamon'],
  ['Puolanka', 'Puolangalla', 'Puolangan'],
  ['Hyrynsalmi', 'Hyrynsalmella', 'Hyrynsalmen'],
  ['Ristijärvi', 'Ristijärvellä', 'Ristijärven'],
  ['Vaala', 'Vaalassa', 'Vaalan'],
  ['Utajärvi', 'Utajärvellä', 'Utajärven'],
  ['Tyrnävä', 'Tyrnävällä', 'Tyrnävän'],
  ['Lumijoki', 'Lumijoella', 'Lumijoen'],
  ['Siikajoki', 'Siikajoella', 'Siikajoen'],
  ['Pyhäjoki', 'Pyhäjoella', 'Pyhäjoen'],
  ['Merijärvi', 'Merijärvellä', 'Merijärven'],
  ['Oulainen', 'Oulaisissa', 'Oulaisten'],
  ['Alavieska', 'Alavieskassa', 'Alavieskan'],
  ['Kärsämäki', 'Kärsämäellä', 'Kärsämäen'],
  ['Haapajärvi', 'Haapajärvellä', 'Haapajärven'],
  ['Pyhäjärvi', 'Pyhäjärvellä', 'Pyhäjärven'],
  ['Reisjärvi', 'Reisjärvellä', 'Reisjärven'],
  ['Pyhäntä', 'Pyhännällä', 'Pyhännän'],
  ['Siikalatva', 'Siikalatvalla', 'Siikalatvan'],
  ['Taivalkoski', 'Taivalkoskella', 'Taivalkosken'],
  ['Ii', 'Iissä', 'Iin'],
  ['Vihanti', 'Vihannissa', 'Vihannin'],
  ['Kiiminki', 'Kiimingissä', 'Kiimingin'],
  ['Haukipudas', 'Haukiputaalla', 'Haukiputaan'],
  ['Oulunsalo', 'Oulunsalossa', 'Oulunsalon'],
  ['Yli-Ii', 'Yli-Iissä', 'Yli-Iin'],
  ['Vuolijoki', 'Vuolijoella', 'Vuolijoen'],
  ['Rantsila', 'Rantsilassa', 'Rantsilan'],
  ['Kestilä', 'Kestilässä', 'Kestilän'],
  ['Pulkkila', 'Pulkkilassa', 'Pulkkilan'],
  ['Piippola', 'Piippolassa', 'Piippolan'],
  ['Ruukki', 'Ruukissa', 'Ruukin'],
  ['Kestilänkylä', 'Kestilänkylässä', 'Kestilänkylän'],
] as const;

/** Villages and districts: the long tail of places (name, inessive). */
const PLACE_STEMS = [
  'Hietasaari',
  'Toppila',
  'Myllytulli',
  'Tuira',
  'Pateniemi',
  'Kaakkuri',
  'Linnanmaa',
  'Kaukovainio',
  'Hiukkavaara',
  'Ritaharju',
  'Kontinkangas',
  'Koskela',
  'Jokirinne',
  'Lehtovaara',
  'Vuottolahti',
  'Kontiomäki',
  'Vuokatti',
  'Ukkohalla',
  'Ruka',
  'Käylä',
  'Juntusranta',
  'Ämmänsaari',
  'Lentiira',
  'Vartius',
  'Saloinen',
  'Pattijoki',
  'Himanka',
  'Rahja',
  'Karjasilta',
  'Välivainio',
];
const PLACE_SUFFIXES = ['', 'nkylä', 'nranta', 'nniemi', 'nharju', 'nlahti'];
/** The inessive of a place name ending in one of the suffixes (instead of the suffix). */
const INESSIVE_SUFFIXES: Record<string, string> = {
  nkylä: 'nkylässä',
  nranta: 'nrannassa',
  nniemi: 'nniemessä',
  nharju: 'nharjussa',
  nlahti: 'nlahdessa',
};

/** Topics: the knowledge base's own subjects, most frequent first. */
const TOPICS: readonly Forms[] = [
  ['asiakaspalvelu', 'asiakaspalvelun', 'asiakaspalvelua', 'asiakaspalvelussa'],
  ['koulutus', 'koulutuksen', 'koulutusta', 'koulutuksessa'],
  ['mentorointi', 'mentoroinnin', 'mentorointia', 'mentoroinnissa'],
  ['kyläily', 'kyläilyn', 'kyläilyä', 'kyläilystä'],
  ['työvierailu', 'työvierailun', 'työvierailua', 'työvierailulla'],
  ['vuorovaikutus', 'vuorovaikutuksen', 'vuorovaikutusta', 'vuorovaikutuksessa'],
  ['viestintä', 'viestinnän', 'viestintää', 'viestinnässä'],
  ['vertaisoppiminen', 'vertaisoppimisen', 'vertaisoppimista', 'vertaisoppimisessa'],
  ['kirjastoauto', 'kirjastoauton', 'kirjastoautoa', 'kirjastoautossa'],
  ['saavutettavuus', 'saavutettavuuden', 'saavutettavuutta', 'saavutettavuudessa'],
  [
    'asiakaspalvelukoulutus',
    'asiakaspalvelukoulutuksen',
    'asiakaspalvelukoulutusta',
    'asiakaspalvelukoulutuksessa',
  ],
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
  ['lukutaito', 'lukutaidon', 'lukutaitoa', 'lukutaidossa'],
  ['medialukutaito', 'medialukutaidon', 'medialukutaitoa', 'medialukutaidossa'],
  ['kirjavinkkaus', 'kirjavinkkauksen', 'kirjavinkkausta', 'kirjavinkkauksessa'],
  ['pelikasvatus', 'pelikasvatuksen', 'pelikasvatusta', 'pelikasvatuksessa'],
  ['musiikkipalvelu', 'musiikkipalvelun', 'musiikkipalvelua', 'musiikkipalvelussa'],
  ['kotipalvelu', 'kotipalvelun', 'kotipalvelua', 'kotipalvelussa'],
  ['kaukolaina', 'kaukolainan', 'kaukolainaa', 'kaukolainassa'],
  ['kirjastojärjestelmä', 'kirjastojärjestelmän', 'kirjastojärjestelmää', 'kirjastojärjestelmässä'],
  ['verkkokirjasto', 'verkkokirjaston', 'verkkokirjastoa', 'verkkokirjastossa'],
  ['e-aineisto', 'e-aineiston', 'e-aineistoa', 'e-aineistossa'],
  ['äänikirja', 'äänikirjan', 'äänikirjaa', 'äänikirjassa'],
  ['selkokieli', 'selkokielen', 'selkokieltä', 'selkokielessä'],
  ['monikielisyys', 'monikielisyyden', 'monikielisyyttä', 'monikielisyydessä'],
  ['maahanmuuttaja', 'maahanmuuttajan', 'maahanmuuttajaa', 'maahanmuuttajalla'],
  ['ikäihminen', 'ikäihmisen', 'ikäihmistä', 'ikäihmisellä'],
  ['vapaaehtoistyö', 'vapaaehtoistyön', 'vapaaehtoistyötä', 'vapaaehtoistyössä'],
  ['lainausautomaatti', 'lainausautomaatin', 'lainausautomaattia', 'lainausautomaatissa'],
  ['varausjono', 'varausjonon', 'varausjonoa', 'varausjonossa'],
  ['hankintaprosessi', 'hankintaprosessin', 'hankintaprosessia', 'hankintaprosessissa'],
  ['poistotyö', 'poistotyön', 'poistotyötä', 'poistotyössä'],
  ['luettelointi', 'luetteloinnin', 'luettelointia', 'luetteloinnissa'],
  ['tietopalvelu', 'tietopalvelun', 'tietopalvelua', 'tietopalvelussa'],
  ['tiedonhaku', 'tiedonhaun', 'tiedonhakua', 'tiedonhaussa'],
  ['kirjastotila', 'kirjastotilan', 'kirjastotilaa', 'kirjastotilassa'],
  ['pop-up-kirjasto', 'pop-up-kirjaston', 'pop-up-kirjastoa', 'pop-up-kirjastossa'],
  ['koululaisryhmä', 'koululaisryhmän', 'koululaisryhmää', 'koululaisryhmässä'],
  ['varhaiskasvatus', 'varhaiskasvatuksen', 'varhaiskasvatusta', 'varhaiskasvatuksessa'],
  ['neuvola', 'neuvolan', 'neuvolaa', 'neuvolassa'],
  ['kirjailijavierailu', 'kirjailijavierailun', 'kirjailijavierailua', 'kirjailijavierailulla'],
  ['runoilta', 'runoillan', 'runoiltaa', 'runoillassa'],
  ['näyttelytila', 'näyttelytilan', 'näyttelytilaa', 'näyttelytilassa'],
  ['makerspace', 'makerspacen', 'makerspacea', 'makerspacessa'],
  ['3d-tulostus', '3d-tulostuksen', '3d-tulostusta', '3d-tulostuksessa'],
  ['tietoturva', 'tietoturvan', 'tietoturvaa', 'tietoturvassa'],
  ['tietosuoja', 'tietosuojan', 'tietosuojaa', 'tietosuojassa'],
  ['talousarvio', 'talousarvion', 'talousarviota', 'talousarviossa'],
  ['aukioloaika', 'aukioloajan', 'aukioloaikaa', 'aukioloajassa'],
  ['henkilöstöresurssi', 'henkilöstöresurssin', 'henkilöstöresurssia', 'henkilöstöresurssissa'],
  ['työhyvinvointi', 'työhyvinvoinnin', 'työhyvinvointia', 'työhyvinvoinnissa'],
  ['esihenkilötyö', 'esihenkilötyön', 'esihenkilötyötä', 'esihenkilötyössä'],
  ['markkinointi', 'markkinoinnin', 'markkinointia', 'markkinoinnissa'],
  ['somepäivitys', 'somepäivityksen', 'somepäivitystä', 'somepäivityksessä'],
  ['uutiskirje', 'uutiskirjeen', 'uutiskirjettä', 'uutiskirjeessä'],
  ['kotiseutuaineisto', 'kotiseutuaineiston', 'kotiseutuaineistoa', 'kotiseutuaineistossa'],
  [
    'saamenkielinen aineisto',
    'saamenkielisen aineiston',
    'saamenkielistä aineistoa',
    'saamenkielisessä aineistossa',
  ],
  ['lehtilukusali', 'lehtilukusalin', 'lehtilukusalia', 'lehtilukusalissa'],
  ['kirjastokortti', 'kirjastokortin', 'kirjastokorttia', 'kirjastokortissa'],
  ['myöhästymismaksu', 'myöhästymismaksun', 'myöhästymismaksua', 'myöhästymismaksussa'],
  [
    'asiakastyytyväisyys',
    'asiakastyytyväisyyden',
    'asiakastyytyväisyyttä',
    'asiakastyytyväisyydessä',
  ],
  ['yhteishankinta', 'yhteishankinnan', 'yhteishankintaa', 'yhteishankinnassa'],
  ['kuljetuspalvelu', 'kuljetuspalvelun', 'kuljetuspalvelua', 'kuljetuspalvelussa'],
  ['lukuintoilija', 'lukuintoilijan', 'lukuintoilijaa', 'lukuintoilijalla'],
  ['sanataidekoulu', 'sanataidekoulun', 'sanataidekoulua', 'sanataidekoulussa'],
];

/** First parts of compounds (stems), most frequent first. */
const MODIFIERS = [
  'kirjasto',
  'asiakas',
  'lasten',
  'nuorten',
  'kokoelma',
  'palvelu',
  'tapahtuma',
  'luku',
  'digi',
  'kieli',
  'media',
  'laatu',
  'yhteis',
  'alue',
  'verkko',
  'satu',
  'musiikki',
  'peli',
  'taide',
  'kulttuuri',
  'koulu',
  'opetus',
  'tieto',
  'aineisto',
  'kotiseutu',
  'vapaaehtois',
  'lainaus',
  'varaus',
  'hankinta',
  'uutuus',
  'perhe',
  'seniori',
  'työ',
  'kesä',
  'talvi',
  'ilta',
  'kirjailija',
  'sarjakuva',
  'elokuva',
  'tiede',
  'ympäristö',
  'liikunta',
  'terveys',
  'kierrätys',
  'käsityö',
  'valokuva',
  'runo',
  'näytelmä',
  'ohjelmointi',
  'robotti',
  'pelikonsoli',
  'lautapeli',
  'taidenäyttely',
  'sukututkimus',
  'paikallishistoria',
  'saame',
  'ruotsi',
  'selko',
  'pakolais',
  'oppisopimus',
];

/** Heads of compounds: nominative, genitive, partitive, locative. */
const HEADS: readonly Forms[] = [
  ['palvelu', 'palvelun', 'palvelua', 'palvelussa'],
  ['koulutus', 'koulutuksen', 'koulutusta', 'koulutuksessa'],
  ['työ', 'työn', 'työtä', 'työssä'],
  ['suunnitelma', 'suunnitelman', 'suunnitelmaa', 'suunnitelmassa'],
  ['hanke', 'hankkeen', 'hanketta', 'hankkeessa'],
  ['päivä', 'päivän', 'päivää', 'päivässä'],
  ['ilta', 'illan', 'iltaa', 'illassa'],
  ['kerho', 'kerhon', 'kerhoa', 'kerhossa'],
  ['piiri', 'piirin', 'piiriä', 'piirissä'],
  ['kysely', 'kyselyn', 'kyselyä', 'kyselyssä'],
  ['ohje', 'ohjeen', 'ohjetta', 'ohjeessa'],
  ['kokeilu', 'kokeilun', 'kokeilua', 'kokeilussa'],
  ['malli', 'mallin', 'mallia', 'mallissa'],
  ['työpaja', 'työpajan', 'työpajaa', 'työpajassa'],
  ['opas', 'oppaan', 'opasta', 'oppaassa'],
  ['tila', 'tilan', 'tilaa', 'tilassa'],
  ['kampanja', 'kampanjan', 'kampanjaa', 'kampanjassa'],
  ['verkosto', 'verkoston', 'verkostoa', 'verkostossa'],
  ['strategia', 'strategian', 'strategiaa', 'strategiassa'],
  ['raportti', 'raportin', 'raporttia', 'raportissa'],
  ['arviointi', 'arvioinnin', 'arviointia', 'arvioinnissa'],
  ['tilasto', 'tilaston', 'tilastoa', 'tilastossa'],
  ['viikko', 'viikon', 'viikkoa', 'viikolla'],
  ['näyttely', 'näyttelyn', 'näyttelyä', 'näyttelyssä'],
  ['ryhmä', 'ryhmän', 'ryhmää', 'ryhmässä'],
  ['kartoitus', 'kartoituksen', 'kartoitusta', 'kartoituksessa'],
  ['käytäntö', 'käytännön', 'käytäntöä', 'käytännössä'],
  ['vierailu', 'vierailun', 'vierailua', 'vierailulla'],
  ['esittely', 'esittelyn', 'esittelyä', 'esittelyssä'],
  ['prosessi', 'prosessin', 'prosessia', 'prosessissa'],
];

/** Everyday words of meeting minutes, most frequent first. */
const WORDS = [
  'kirjasto kirjaston kirjastoa kirjastossa kirjastot kirjastojen kirjastoissa',
  'asiakas asiakkaan asiakasta asiakkaat asiakkaiden asiakkaille',
  'työryhmä työryhmän työryhmää työryhmässä',
  'henkilökunta henkilökunnan henkilökuntaa henkilökunnalle',
  'kunta kunnan kuntaa kunnassa kunnat kuntien',
  'alue alueen aluetta alueella alueellinen alueellisesti',
  'vuosi vuoden vuotta vuonna vuosittain',
  'kevät kevään keväällä syksy syksyn syksyllä kesä kesän kesällä talvi talven talvella',
  'suunnitelma suunnitelman suunnitelmaa suunnitelmassa',
  'tavoite tavoitteen tavoitetta tavoitteena tavoitteet',
  'kokemus kokemuksen kokemusta kokemukset kokemuksia',
  'yhteistyö yhteistyön yhteistyötä yhteistyössä',
  'palaute palautteen palautetta palautteet',
  'määräraha määrärahan määrärahaa määrärahat',
  'avustus avustuksen avustusta avustukset',
  'hanke hankkeen hanketta hankkeessa hankkeet',
  'osallistuja osallistujan osallistujaa osallistujat osallistujia',
  'kouluttaja kouluttajan kouluttajaa kouluttajana',
  'lapsi lapsen lasta lapset lasten lapsille',
  'nuori nuoren nuorta nuoret nuorten nuorille',
  'aikuinen aikuisen aikuista aikuiset aikuisille',
  'koulu koulun koulua koulussa koulut',
  'päiväkoti päiväkodin päiväkotia päiväkodissa',
  'kirja kirjan kirjaa kirjat kirjoja',
  'lehti lehden lehteä lehdet lehtiä',
  'aineisto aineiston aineistoa aineistot',
  'kokoelma kokoelman kokoelmaa kokoelmat',
  'tapahtuma tapahtuman tapahtumaa tapahtumat tapahtumia',
  'esitys esityksen esitystä esitykset',
  'ohjelma ohjelman ohjelmaa ohjelmassa',
  'sopimus sopimuksen sopimusta sopimukset',
  'päätös päätöksen päätöstä päätökset',
  'keskustelu keskustelun keskustelua keskustelussa',
  'ehdotus ehdotuksen ehdotusta ehdotukset',
  'selvitys selvityksen selvitystä selvitykset',
  'kustannus kustannuksen kustannuksia kustannukset',
  'aikataulu aikataulun aikataulua aikataulussa',
  'vastuuhenkilö vastuuhenkilön vastuuhenkilöä',
  'sähköposti sähköpostin sähköpostilla',
  'verkkosivu verkkosivun verkkosivuilla verkkosivut',
  'muistio muistion muistiota muistiossa',
  'liite liitteen liitettä liitteenä',
  'esityslista esityslistan esityslistaa',
  'puheenjohtaja puheenjohtajan puheenjohtajana',
  'sihteeri sihteerin sihteerinä',
  'kokous kokouksen kokousta kokouksessa kokoukset',
  'etäyhteys etäyhteyden etäyhteydellä',
  'kysymys kysymyksen kysymystä kysymykset',
  'vastaus vastauksen vastausta vastaukset',
  'tulos tuloksen tulosta tulokset tuloksia',
  'muutos muutoksen muutosta muutokset',
  'kehittäminen kehittämisen kehittämistä kehittämisessä',
  'seuranta seurannan seurantaa seurannassa',
  'toteutus toteutuksen toteutusta toteutuksessa',
  'yhteistyökumppani yhteistyökumppanin yhteistyökumppaneita',
  'valtionavustus valtionavustuksen valtionavustusta',
  'opetus- ja kulttuuriministeriö opetus- ja kulttuuriministeriön',
  'aluehallintovirasto aluehallintoviraston',
  'maakuntakirjasto maakuntakirjaston',
  'kehittämistehtävä kehittämistehtävän',
  'käsiteltiin sovittiin päätettiin todettiin esiteltiin kerrottiin',
  'suunnitellaan järjestetään kartoitetaan selvitetään arvioidaan kehitetään',
  'keskusteltiin kerättiin jaettiin valmisteltiin hyväksyttiin',
  'osallistui osallistuivat vieraili vierailivat kertoi kertoivat',
  'tarvitaan halutaan voidaan pitää kannattaa',
  'uusi uuden uutta uudet yhteinen yhteisen yhteistä',
  'pieni pienen pientä pienet pienten suuri suuren suurta',
  'hyvä hyvän hyvää hyvät paras parhaat',
  'tärkeä tärkeän tärkeää tärkeät',
  'seudullinen seudullisen seudullista',
  'valtakunnallinen valtakunnallisen valtakunnallista',
  'paikallinen paikallisen paikallista',
  'digitaalinen digitaalisen digitaalista',
  'maksuton maksuttoman maksutonta',
  'myönteinen myönteistä kriittinen kriittistä',
  'helposti nopeasti yhdessä erikseen myöhemmin aiemmin',
  'tammikuu helmikuu maaliskuu huhtikuu toukokuu kesäkuu',
  'heinäkuu elokuu syyskuu lokakuu marraskuu joulukuu',
  'maanantai tiistai keskiviikko torstai perjantai',
  'Teams Zoom Kirjastot.fi Finna OUTI Kainet Joki-kirjastot Koha',
];

const FIRST_NAMES =
  'Anna Maria Liisa Sari Minna Tiina Päivi Tuula Riitta Hanna Johanna Laura Kaisa Elina Heidi Satu Anne Marja Pirjo Eeva Katja Outi Merja Sanna Jaana Mari Niina Heli Terhi Anu Jukka Timo Matti Mikko Kari Antti Pekka Juha Markku Harri Ville Janne Petri Tuomas Jari Seppo Ari Sami Eero Aleksi'.split(
    ' ',
  );
const LAST_NAMES =
  'Korhonen Virtanen Mäkinen Nieminen Mäkelä Hämäläinen Laine Heikkinen Koskinen Järvinen Lehtonen Lehtinen Saarinen Salminen Heinonen Niemi Heikkilä Kinnunen Salonen Turunen Salo Laitinen Tuominen Rantanen Karjalainen Jokinen Mattila Savolainen Lahtinen Ahonen Huttunen Pelkonen Kemppainen Pikkarainen Kurikka Tolonen Kauppinen Keränen Piirainen Juntunen Komulainen Leinonen Tervo Väyrynen Kyllönen Ervasti Honkanen Moilanen Sipola Hyvönen'.split(
    ' ',
  );

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
  'viestintä',
  'markkinointi',
  'monikielisyys',
  'ikäihmiset',
  'kotipalvelu',
  'omatoimikirjasto',
  'selkokieli',
  'pelikasvatus',
  'musiikki',
  'tilat',
  'laatu',
  'tietosuoja',
  'työhyvinvointi',
  'yhteistyö',
  'hankkeet',
  'rahoitus',
];
const SWEDISH = [
  'Kundservice i biblioteket och samarbete mellan bibliotek.',
  'Språkutbildning i svenska för bibliotekspersonal.',
  'Erfarenheter av mentorskap och arbetsbesök i regionen.',
  'Läsfrämjande för barn och unga i kommunerna.',
  'Digitalt stöd för äldre på biblioteket.',
  'Bokbussens nya rutter och hållplatser.',
];
const ENGLISH = [
  'Customer service training for library staff in Northern Ostrobothnia.',
  'Peer learning and mentoring in public libraries.',
  'Accessibility statement and feedback channel of the library services.',
  'Reading promotion for children and young people.',
  'Digital support for senior citizens at the library.',
  'New routes and stops of the mobile library.',
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

/** A sampler of list items with Zipf-like frequencies: item k about 1/(k+1)^exponent. */
function zipf<T>(items: readonly T[], random: () => number, exponent = 1): () => T {
  const cumulative: number[] = [];
  let sum = 0;
  for (let k = 0; k < items.length; k += 1) {
    sum += 1 / (k + 1) ** exponent;
    cumulative.push(sum);
  }
  return () => {
    const x = random() * sum;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] as number) < x) lo = mid + 1;
      else hi = mid;
    }
    return items[lo] as T;
  };
}

/** The domain's compounds: modifier + head, in the head's four forms. */
function compounds(): Forms[] {
  const result: Forms[] = [];
  // Interleaved, so that the most frequent modifiers and heads come first.
  for (let sum = 0; sum < MODIFIERS.length + HEADS.length; sum += 1) {
    for (let m = 0; m <= sum && m < MODIFIERS.length; m += 1) {
      const head = HEADS[sum - m];
      const modifier = MODIFIERS[m] as string;
      if (!head || modifier === head[0]) continue;
      result.push(head.map((form) => `${modifier}${form}`) as unknown as Forms);
    }
  }
  return result;
}

/** Villages and districts: stem + suffix, with an inessive form. */
function places(): [string, string][] {
  const result: [string, string][] = [];
  for (const suffix of PLACE_SUFFIXES) {
    for (const stem of PLACE_STEMS) {
      const name = `${stem}${suffix}`;
      const back = /[aou]/.test(stem);
      const inessive =
        INESSIVE_SUFFIXES[suffix] ??
        `${/[aeiouyäö]$/.test(stem) ? '' : 'i'}${back ? 'ssa' : 'ssä'}`;
      result.push([name, suffix ? `${stem}${inessive}` : `${name}${inessive}`]);
    }
  }
  return result;
}

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
  const topic = zipf(TOPICS, random, 0.9);
  const compound = zipf(compounds(), random, 1);
  const town = zipf(TOWNS, random, 1);
  const place = zipf(places(), random, 0.8);
  const word = zipf(
    WORDS.flatMap((line) => line.split(' ')),
    random,
    1,
  );
  const tag = zipf(TAGS, random, 1);
  const person = () => `${pick(FIRST_NAMES)} ${pick(LAST_NAMES)}`;
  const words = (min: number, max: number) =>
    Array.from({ length: between(min, max) }, word).join(' ');
  const organisationCount = options.organisations ?? 60;
  const organisations = Array.from({ length: organisationCount }, (_, i) => {
    const t = TOWNS[i % TOWNS.length]!;
    const suffix =
      i < TOWNS.length ? 'kaupunginkirjasto' : `lähikirjasto ${Math.floor(i / TOWNS.length)}`;
    return { id: i + 1, name: `${t[2]} ${suffix}`, town: t };
  });
  const organisation = zipf(organisations, random, 0.8);

  // A record is about something: its sentences draw their topics from its own 1–3 topics.
  let subjects: Forms[] = [];
  const sentence = (): string => {
    const a = pick(subjects);
    const b = compound();
    const t = town();
    const templates = [
      () => `${cap(word())} ${a[2]} ${t[1]} ${words(1, 4)}.`,
      () => `${cap(b[0])} ja ${a[1]} ${word()} ${words(2, 5)}.`,
      () => `${cap(a[1])} ${word()} ${place()[1]} ${words(1, 3)} ${b[2]}.`,
      () => `${cap(word())} ${b[1]} ${words(2, 4)} ${t[2]} kirjaston kanssa.`,
      () => `${cap(words(3, 6))} ${compound()[3]}.`,
      () => `Yhteyshenkilö ${person()}, ${t[2]} kirjasto.`,
      () => `${cap(word())} ${a[3]} ${compound()[1]} ${words(1, 3)}.`,
    ];
    return pick(templates)();
  };
  const paragraph = (min: number, max: number) =>
    Array.from({ length: between(min, max) }, sentence).join(' ');
  const documents: SearchDocument[] = [];
  for (let i = 0; i < count; i += 1) {
    const type = pick(TYPES);
    subjects = Array.from({ length: between(1, 3) }, topic);
    const a = subjects[0] as Forms;
    const t = town();
    const org = organisation();
    const year = between(2010, 2025);
    const roll = random();
    const language: Language = roll < 0.9 ? 'fi' : roll < 0.96 ? 'sv' : 'en';
    let title: string;
    let body: string;
    let tags: string[] = [];
    switch (type) {
      case 'meeting':
        title = `Työryhmän kokous ${between(1, 28)}.${between(1, 12)}.${year} ${t[1]}`;
        body = Array.from(
          { length: between(3, 7) },
          (_, n) =>
            `${n + 1}. ${cap(pick([() => pick(subjects), compound])()[0])}\n${paragraph(1, 3)}`,
        ).join('\n');
        break;
      case 'training':
        title = `${cap(a[0])}: ${compound()[0]} ${t[1]}`;
        body = `${paragraph(3, 6)} Kouluttajana ${person()}.`;
        break;
      case 'work-visit':
        title = `Työvierailu: ${org.name}`;
        body = `${paragraph(2, 4)} Opittiin ${pick(subjects)[2]} ja ${compound()[2]}.`;
        break;
      case 'mentoring-programme':
        title = `${cap(word())} ${a[0]}ohjelma ${year}`;
        body = paragraph(2, 5);
        break;
      case 'organisation':
        // A branch or service point of the organisation: names are unique, as in the registry.
        title = `${place()[0]} ${pick(['lähikirjasto', 'koulukirjasto', 'kirjastoauton pysäkki', 'palvelupiste'])} ${i + 1}`;
        body = `${org.name} ${org.town[0]} ${pick(['OUTI', 'Kainet', 'Joki-kirjastot'])}`;
        break;
      default:
        title = `${cap(compound()[0])}: ${a[0]} ${t[1]}`;
        body = paragraph(2, 8);
        tags = [...new Set([tag(), tag(), ...(random() < 0.3 ? [tag()] : [])])];
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
      organisationId: org.id,
      organisationName: org.name,
      year,
      createdAt: created,
      updatedAt: created,
    });
  }
  return documents;
}

/**
 * Queries a person might type over the generated corpus: inflected and compound words,
 * missing diacritics, two-word queries, phrases, prefixes, exclusions, `tag:`, `type:`, `OR`
 * and misspellings. Words are drawn with flatter Zipf frequencies than the text (people search
 * the common subjects more often, but not only those).
 */
export function generateQueries(count: number, seed = 17): string[] {
  const random = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const topic = zipf(TOPICS, random, 0.6);
  const compound = zipf(compounds(), random, 0.6);
  const town = zipf(TOWNS, random, 0.6);
  const place = zipf(places(), random, 0.5);
  const fold = (s: string) => s.replace(/ä/g, 'a').replace(/ö/g, 'o');
  const kinds: (() => string)[] = [
    () => pick(topic()),
    () => pick(compound()),
    () => `${pick(topic())} ${town()[0].toLowerCase()}`,
    () => `${compound()[1]} ${pick(topic())}`,
    () => fold(pick(topic())),
    () => fold(pick(compound())),
    () => `"${compound()[0]} ja"`,
    () => `"${topic()[1]} ${pick(['kehittäminen', 'suunnitelma', 'kokemuksia'])}"`,
    () => `${topic()[0].slice(0, 6)}*`,
    () => `${topic()[1]} -${town()[0].toLowerCase()}`,
    () => `tag:${pick(TAGS)} ${topic()[0]}`,
    () => `type:meeting ${topic()[3]}`,
    () => `type:training ${compound()[0]}`,
    () => `${topic()[0]} OR ${compound()[0]}`,
    () => topic()[0].slice(0, 5),
    () => place()[1],
    () => `${pick(FIRST_NAMES)} ${pick(LAST_NAMES)}`,
    () => topic()[0].split('').reverse().join(''),
    () => misspell(pick(compound()), random),
  ];
  return Array.from({ length: count }, () => pick(kinds)());
}

/** One letter dropped or two swapped. */
function misspell(word: string, random: () => number): string {
  const at = 1 + Math.floor(random() * Math.max(1, word.length - 2));
  return random() < 0.5
    ? word.slice(0, at) + word.slice(at + 1)
    : word.slice(0, at) + (word[at + 1] ?? '') + (word[at] ?? '') + word.slice(at + 2);
}

function cap(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
