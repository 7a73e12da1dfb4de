/**
 * Relevance queries over {@link corpus}: each must find every `expect` id in its top 5 and
 * none of the `absent` ids at all. Shared with the SQLite FTS5 and PostgreSQL index tests.
 */

/** One relevance judgement. */
export interface RelevanceQuery {
  /** Exactly what a person types. */
  readonly query: string;
  /** Ids that must all be in the top 5. */
  readonly expect: readonly string[];
  /** Ids that must not match at all (exclusion tests). */
  readonly absent?: readonly string[];
  /** What the query exercises. */
  readonly note: string;
}

export const queries: readonly RelevanceQuery[] = [
  {
    query: 'mentorointi',
    expect: ['mentoring-programme-2019', 'mentoring-laakso'],
    note: 'gradation nt/nn: mentoroinnista',
  },
  {
    query: 'mentoroinnin kokemuksia',
    expect: ['mentoring-laakso'],
    note: 'weak grade in the query',
  },
  {
    query: 'kyläily',
    expect: ['visit-raahe-2019', 'visit-summary-oulu'],
    note: 'inflection: kyläilyistä, kyläilyt',
  },
  {
    query: 'kyläilyistä',
    expect: ['visit-summary-oulu', 'visit-ylivieska'],
    note: 'elative plural in the query',
  },
  { query: 'kylailyt', expect: ['visit-ylivieska'], note: 'missing diacritics' },
  {
    query: 'työvierailujen',
    expect: ['visit-pää-sisältöön', 'resource-paa-sisaltoon-link'],
    note: 'genitive plural',
  },
  {
    query: 'tyovierailu kajaani',
    expect: ['visit-kajaani-2019'],
    note: 'missing diacritics, Kajaanin',
  },
  {
    query: 'asiakaspalvelukoulutus',
    expect: ['training-asiakaspalvelu-2019', 'meeting-2019-10-02'],
    note: 'compound, partitive asiakaspalvelukoulutusta',
  },
  {
    query: 'asiakaspalvelun koulutus',
    expect: ['training-asiakaspalvelu-2019'],
    note: 'words of a compound typed apart',
  },
  {
    query: 'paa sisaltoon',
    expect: ['visit-pää-sisältöön', 'resource-paa-sisaltoon-link'],
    note: 'missing diacritics',
  },
  {
    query: '"Pää sisältöön"',
    expect: ['visit-pää-sisältöön', 'resource-paa-sisaltoon-link', 'training-day-avi-2019'],
    note: 'phrase',
  },
  {
    query: 'kirjastoauto',
    expect: ['visit-kirjastoauto-kauno', 'visit-onneli', 'practice-kirjastoauto-some'],
    note: 'inflection: kirjastoautossa, kirjastoautojen',
  },
  { query: 'kirjastoautojen aikataulut', expect: ['visit-onneli'], note: 'genitive plural' },
  {
    query: 'vertaisoppiminen',
    expect: ['training-day-avi-2019', 'practice-porvoo-ideapaiva', 'resource-ideapaiva-porvoo'],
    note: '-minen/-misen',
  },
  {
    query: 'ideapäivä',
    expect: ['resource-ideapaiva-porvoo', 'practice-porvoo-ideapaiva'],
    note: 'compound',
  },
  {
    query: 'ideapaiva porvoo',
    expect: ['resource-ideapaiva-porvoo', 'practice-porvoo-ideapaiva'],
    note: 'missing diacritics, Porvoon',
  },
  {
    query: 'kielikoulutus',
    expect: ['training-kielikoulutus-2019', 'training-ruotsi-asiakaspalvelu'],
    note: 'compound, plural',
  },
  {
    query: 'ruotsin kieli',
    expect: ['training-ruotsi-asiakaspalvelu', 'training-kielikoulutus-2019'],
    note: 'genitive',
  },
  { query: 'AVI', expect: ['org-avi', 'training-day-avi-2019'], note: 'abbreviation with AVI:n' },
  {
    query: 'aluehallintovirasto',
    expect: ['org-avi', 'training-day-avi-2019'],
    note: 'aluehallintoviraston',
  },
  {
    query: 'saavutettavuusseloste',
    expect: ['resource-saavutettavuusseloste', 'training-saavutettavuus'],
    note: 'compound, -een',
  },
  {
    query: 'saavutettavuus',
    expect: ['training-saavutettavuus', 'resource-saavutettavuusseloste'],
    note: '-uus/-uude-',
  },
  {
    query: 'PiKe asiakaspalvelututkimus',
    expect: ['resource-pike-blog'],
    note: 'compound with genitive',
  },
  { query: 'pike tutkimus', expect: ['resource-pike-blog'], note: 'compound part tutkimus' },
  {
    query: 'Asko-tiimi',
    expect: ['training-kielikoulutus-2019', 'training-day-programme-2019'],
    note: 'hyphenated word',
  },
  {
    query: 'asko tiimi',
    expect: ['training-kielikoulutus-2019', 'training-day-programme-2019'],
    note: 'hyphenated word typed apart',
  },
  {
    query: 'kehittämistyö',
    expect: ['training-day-programme-2019'],
    note: 'kehittämis-työstä joined',
  },
  {
    query: 'kajaanissa',
    expect: ['meeting-2021-11-15', 'visit-kajaani-2019'],
    note: 'place name inflection',
  },
  { query: 'hyvät tavat', expect: ['idea-tavat'], note: 'gradation p/v' },
  {
    query: 'hankkeesta',
    expect: ['visit-pää-sisältöön', 'resource-paa-sisaltoon-link'],
    note: 'gradation nk/nkk',
  },
  {
    query: 'kyläilypankki OR mentoriverkosto',
    expect: ['idea-kyläilypankki', 'idea-mentorointi-verkosto'],
    note: 'OR',
  },
  {
    query: 'kirjastoauto -kauno',
    expect: ['visit-onneli', 'practice-kirjastoauto-some'],
    absent: ['visit-kirjastoauto-kauno'],
    note: 'exclusion',
  },
  {
    query: 'mentorointi -"pienet kirjastot"',
    expect: ['mentoring-programme-2019'],
    absent: ['mentoring-ryhma'],
    note: 'phrase exclusion',
  },
  { query: 'biblioteksbuss', expect: ['sv-biblioteksbuss'], note: 'Swedish, definite form' },
  { query: 'kundservice utbildning', expect: ['sv-kundservice'], note: 'Swedish' },
  { query: 'mentorskap', expect: ['sv-mentorskap'], note: 'Swedish, mentorskapsprogram' },
  { query: 'tillgänglighet', expect: ['sv-tillganglighet'], note: 'Swedish compound' },
  { query: 'bookmobile', expect: ['en-bookmobile'], note: 'English plural' },
  { query: 'peer learning', expect: ['en-peer-learning'], note: 'English' },
  { query: 'customer service survey', expect: ['en-customer-survey'], note: 'English' },
  {
    query: 'omatoimikirjasto',
    expect: ['practice-omatoimi', 'visit-raahe-2019'],
    note: 'compound, genitive',
  },
  {
    query: 'asiakaspalaute',
    expect: ['practice-palaute', 'meeting-2021-11-15', 'visit-ylivieska'],
    note: 'compound, asiakaspalautteen',
  },
  {
    query: 'palautteen käsittely',
    expect: ['practice-palaute', 'visit-ylivieska'],
    note: 'gradation tt/t, compound part',
  },
  {
    query: 'digituki',
    expect: ['training-digituki'],
    note: 'digitukea: gradation k/∅ on the whole word',
  },
  { query: 'lukemisen edistäminen', expect: ['training-lukudiplomi'], note: '-minen/-misen' },
  {
    query: 'etäkokous',
    expect: ['meeting-2019-10-02', 'meeting-2020-04-20'],
    note: 'compound, etäkokouksessa',
  },
  {
    query: 'virtuaalikyläily',
    expect: ['visit-virtuaali', 'meeting-2020-04-20'],
    note: 'compound, plural adessive',
  },
  {
    query: 'koulutuspäivä',
    expect: ['training-day-avi-2019', 'training-day-programme-2019'],
    note: 'compound',
  },
  { query: 'noomanni', expect: ['meeting-2019-05-17'], note: 'Nöömannissa without diacritics' },
  {
    query: 'kirjastopalvelun laatu',
    expect: ['visit-pää-sisältöön'],
    note: 'laadun: gradation t/d',
  },
  {
    query: '"asiakaspalvelun kehittämisestä"',
    expect: ['resource-pike-book'],
    note: 'inflected phrase',
  },
  {
    query: 'Joki-kirjastot',
    expect: ['org-joki', 'visit-ylivieska'],
    note: 'hyphenated, Joki-kirjastoissa',
  },
  { query: 'palvelulupaus', expect: ['resource-pike-book', 'idea-pike-ideat'], note: 'compound' },
  { query: 'ryhmämentorointi', expect: ['mentoring-ryhma'], note: 'compound, ryhmämentoroinnissa' },
  {
    query: 'mentoroi',
    expect: ['mentoring-programme-2019', 'mentoring-laakso'],
    note: 'unfinished word, prefix',
  },
  { query: 'saavutet', expect: ['training-saavutettavuus'], note: 'unfinished word, prefix' },
  { query: 'tag:kyläily raahe', expect: ['visit-raahe-2019'], note: 'tag filter' },
];
