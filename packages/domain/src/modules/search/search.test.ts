import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, actorWithRole, openTestDatabase } from '../../../test/database.js';
import { type Actor, systemActor } from '../../shared/actor.js';
import { createServices } from '../../services.js';
import { AgendaItem, Decision } from '../meeting/meeting.entity.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { HIGHLIGHT_END, HIGHLIGHT_START, type SearchType } from './search-index.js';
import { type SearchConnection, decodeSearchCursor, encodeSearchCursor } from './search.service.js';
import { highlightToHtml } from './highlight.js';

function unwrap<T>(result: { ok: true; value: T } | { ok: false; errors: unknown[] }): T {
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
}

const ids = (r: SearchConnection) => r.edges.map((e) => `${e.type}:${e.id}`);

describe('search over the seeded knowledge base', () => {
  let t: TestDatabase;
  let curator: Actor;
  const admin = systemActor('test');
  const search = (query: string, options = {}) => t.services().search.search(query, options);
  const org = async (name: string) =>
    (await t.db.em.fork().findOneOrFail(Organisation, { name })).id;

  beforeAll(async () => {
    t = await openTestDatabase({ seed: true });
    curator = await actorWithRole(t.db, 'curator');
  });
  afterAll(() => t.close());

  it('holds the seed content right after seeding, without a rebuild', async () => {
    const types = (await search('', { filter: { types: ['meeting'] } })).totalCount;
    expect(types).toBe(0); // an empty query lists nothing
    const meeting = await search('type:meeting');
    expect(meeting.edges.map((e) => e.title)).toContain('Työryhmän kokous 11.3.2019');
    expect((await search('"pää sisältöön"')).totalCount).toBeGreaterThanOrEqual(2);
    expect((await search('Nöömanni')).edges[0]?.type).toBe('meeting');
    expect(await t.services().search.count()).toBeGreaterThan(50);
  });

  it('finds a record the moment it is created, the new text after an update, and nothing after archiving', async () => {
    const s = t.services();
    const created = unwrap(
      await s.resources.create(curator, {
        url: 'https://example.org/lapset',
        title: 'Satutuntien järjestäminen kirjastoautossa',
        description: 'Vinkkejä lukuhetkiin pienille lapsille.',
        tags: ['lukeminen'],
      }),
    );
    let found = await search('satutunti');
    expect(ids(found)).toEqual([`resource:${created.id}`]);
    expect(found.edges[0]?.titleHighlighted).toBe(
      `${HIGHLIGHT_START}Satutuntien${HIGHLIGHT_END} järjestäminen kirjastoautossa`,
    );

    const updated = unwrap(
      await t.services().resources.update(curator, {
        id: created.id,
        version: created.version,
        title: 'Lorupajat kirjastoautossa',
      }),
    );
    expect((await search('satutunti')).totalCount).toBe(0);
    found = await search('lorupaja');
    expect(ids(found)).toEqual([`resource:${created.id}`]);

    unwrap(
      await t.services().resources.archive(curator, { id: created.id, version: updated.version }),
    );
    expect((await search('lorupaja')).totalCount).toBe(0);
    expect((await search('lukuhetki')).totalCount).toBe(0);
  });

  it('leaves the index as it was when a write fails and rolls back', async () => {
    const before = await t.services().search.count();
    // A meeting whose last participant is unknown: runWrite rolls everything back.
    const groupId = (await t.services().groups.list())[0]!.id;
    const failed = await t.services().meetings.create(curator, {
      groupId,
      title: 'Kummituskokous Hailuodossa',
      startsAt: '2020-01-10T10:00',
      format: 'in_person',
      agenda: [{ number: 1, title: 'Kummitusasiat', decisions: ['Päätettiin kummitella.'] }],
      participants: [{ personId: 999_999, roles: [] }],
    });
    expect(failed.ok).toBe(false);
    expect((await search('kummituskokous')).totalCount).toBe(0);

    // A write that succeeds inside a transaction that is rolled back afterwards.
    await expect(
      t.db.em.fork().transactional(async (tx) => {
        unwrap(
          await createServices(tx).bestPractices.create(curator, {
            title: 'Haamukäytäntö',
            body: 'Tätä ei koskaan tallennettu.',
          }),
        );
        // Visible inside the transaction …
        expect((await createServices(tx).search.search('haamukäytäntö')).totalCount).toBe(1);
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    // … and gone with it.
    expect((await search('haamukäytäntö')).totalCount).toBe(0);
    expect((await search('haamukaytanto')).suggestions).toEqual([]);

    // A stale edit is refused and changes nothing.
    const idea = unwrap(
      await t.services().developmentIdeas.create(curator, { title: 'Lainausautomaattien opas' }),
    );
    const stale = await t.services().developmentIdeas.update(curator, {
      id: idea.id,
      version: idea.version + 5,
      title: 'Palautusautomaattien opas',
    });
    expect(stale.ok).toBe(false);
    expect((await search('lainausautomaattien')).totalCount).toBe(1);
    expect((await search('palautusautomaattien')).totalCount).toBe(0);
    expect(await t.services().search.count()).toBe(before + 1);
  });

  it('makes every kind of record searchable', async () => {
    const s = t.services();
    const groupId = (await s.groups.list())[0]!.id;
    const raahe = await org('Raahen kaupunginkirjasto');
    const made: Record<SearchType, number> = {
      resource: unwrap(
        await s.resources.create(curator, {
          url: 'https://example.org/zz-resurssi',
          title: 'Alfaresurssi',
        }),
      ).id,
      'best-practice': unwrap(
        await s.bestPractices.create(curator, { title: 'Betakäytäntö', body: 'Ohje.' }),
      ).id,
      'development-idea': unwrap(await s.developmentIdeas.create(curator, { title: 'Gammaidea' }))
        .id,
      meeting: unwrap(
        await s.meetings.create(curator, {
          groupId,
          title: 'Deltakokous',
          startsAt: '2021-04-20T10:00',
          format: 'remote',
          remoteTool: 'Teams',
        }),
      ).id,
      training: unwrap(
        await s.trainings.create(curator, {
          title: 'Epsilonkoulutus',
          kind: 'other',
          year: 2021,
          remoteParticipation: false,
          programme: [{ title: 'Zetaohjelmanumero' }],
        }),
      ).id,
      'work-visit': unwrap(
        await s.mentoring.createVisit(curator, {
          hostId: raahe,
          startDate: '2021-02-03',
          days: 1,
          lessons: 'Etakyläilyssä opittiin omatoimikirjaston käytöstä.',
        }),
      ).id,
      'mentoring-programme': unwrap(
        await s.mentoring.createProgramme(curator, { name: 'Thetamentorointi', kind: 'mentoring' }),
      ).id,
      organisation: unwrap(
        await s.organisations.create(curator, { kind: 'library', name: 'Iotan kirjasto' }),
      ).id,
    };
    const probes: Record<SearchType, string> = {
      resource: 'alfaresurssi',
      'best-practice': 'betakäytäntö',
      'development-idea': 'gammaidea',
      meeting: 'deltakokous',
      training: 'zetaohjelmanumero',
      'work-visit': 'etakyläily',
      'mentoring-programme': 'thetamentorointi',
      organisation: 'iotan',
    };
    for (const [type, query] of Object.entries(probes) as [SearchType, string][]) {
      const result = await search(query);
      expect(ids(result), query).toContain(`${type}:${made[type]}`);
      expect((await search(`${query} type:${type}`)).totalCount, `${query} type:${type}`).toBe(1);
    }
    const visit = await search('etakyläily');
    expect(visit.edges[0]?.title).toBe('Työvierailu: Raahen kaupunginkirjasto');
    expect(visit.facets.find((f) => f.field === 'organisation')?.values).toEqual([
      { value: String(raahe), label: 'Raahen kaupunginkirjasto', count: 1 },
    ]);
  });

  it('finds a meeting by its agenda and decisions, and re-indexes it when a decision is added', async () => {
    // "Jatkossa kokousten sihteerinä toimii …" is a decision of item 5.
    const byDecision = await search('sihteerinä puheenjohtajana');
    expect(byDecision.edges.map((e) => e.title)).toEqual(['Työryhmän kokous 11.3.2019']);
    expect(byDecision.edges[0]?.snippet).toContain(`${HIGHLIGHT_START}sihteerinä${HIGHLIGHT_END}`);
    // An action item and an agenda item title.
    expect((await search('kouluttajia kartoitetaan type:meeting')).edges[0]?.title).toBe(
      'Työryhmän kokous 11.3.2019',
    );

    // A child written directly through the ORM re-indexes its meeting (the subscriber).
    await t.db.em.fork().transactional(async (tx) => {
      const item = await tx.findOneOrFail(AgendaItem, {
        meeting: { title: 'Työryhmän kokous 11.3.2019' },
        number: 5,
      });
      tx.create(Decision, {
        agendaItem: item,
        position: 99,
        text: 'Perustetaan lukupiirikummitoiminta.',
      });
    });
    const byNew = await search('lukupiirikummitoiminta');
    expect(byNew.edges.map((e) => e.title)).toEqual(['Työryhmän kokous 11.3.2019']);
  });

  it('filters by type, tag, organisation, year and language, and by the tag: and type: operators', async () => {
    const all = await search('kirjasto');
    expect(all.totalCount).toBeGreaterThan(5);
    const onlyOrgs = await search('kirjasto', { filter: { types: ['organisation'] } });
    expect(onlyOrgs.edges.every((e) => e.type === 'organisation')).toBe(true);
    expect(onlyOrgs.totalCount).toBe(
      all.facets.find((f) => f.field === 'type')?.values.find((v) => v.value === 'organisation')
        ?.count,
    );
    expect((await search('kirjasto type:organisation')).totalCount).toBe(onlyOrgs.totalCount);
    // type: and the filter together: both apply.
    expect(
      (await search('kirjasto type:organisation', { filter: { types: ['meeting'] } })).totalCount,
    ).toBe(0);
    expect((await search('kirjasto type:nonsense')).totalCount).toBe(0);

    const tagged = await search('asiakaspalvelu', { filter: { tags: ['asiakaspalvelu'] } });
    expect(tagged.totalCount).toBeGreaterThan(0);
    expect(tagged.facets.find((f) => f.field === 'tag')?.values[0]).toMatchObject({
      value: 'asiakaspalvelu',
      count: tagged.totalCount,
    });
    expect((await search('tag:asiakaspalvelu')).totalCount).toBeGreaterThanOrEqual(
      tagged.totalCount,
    );

    const years = await search('kokous', { filter: { years: [2019] } });
    expect(years.totalCount).toBeGreaterThan(0);
    expect(years.facets.find((f) => f.field === 'year')?.values.map((v) => v.value)).toEqual([
      '2019',
    ]);
    expect((await search('kokous', { filter: { languages: ['sv'] } })).totalCount).toBe(0);

    const oulu = await org('Oulun kaupunginkirjasto');
    const byOrg = await search('koulutus', { filter: { organisationIds: [oulu] } });
    expect(byOrg.totalCount).toBeGreaterThan(0);
    expect(byOrg.facets.find((f) => f.field === 'organisation')?.values).toEqual([
      { value: String(oulu), label: 'Oulun kaupunginkirjasto', count: byOrg.totalCount },
    ]);
  });

  it('counts facets over every match, before paging', async () => {
    const page = await search('kirjasto', { first: 2 });
    expect(page.edges).toHaveLength(2);
    for (const facet of page.facets.filter((f) => f.field === 'type' || f.field === 'language')) {
      expect(
        facet.values.reduce((sum, v) => sum + v.count, 0),
        facet.field,
      ).toBe(page.totalCount);
    }
  });

  it('pages with cursors through every match exactly once', async () => {
    const all = await search('kirjasto', { first: 100 });
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 50; i += 1) {
      const page: SearchConnection = await search('kirjasto', { first: 7, after });
      seen.push(...ids(page));
      expect(page.totalCount).toBe(all.totalCount);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(ids(all));
    expect(new Set(seen).size).toBe(all.totalCount);
    // Defaults and limits.
    expect((await search('kirjasto', { first: 1_000 })).edges.length).toBeLessThanOrEqual(100);
    expect((await search('kirjasto')).edges.length).toBe(Math.min(20, all.totalCount));
    expect((await search('kirjasto', { first: 0 })).edges).toEqual([]);
    expect(decodeSearchCursor(encodeSearchCursor(41))).toBe(42);
    expect(decodeSearchCursor('not a cursor')).toBe(0);
    expect((await search('kirjasto', { after: '!!!' })).edges[0]?.id).toBe(all.edges[0]?.id);
  });

  it('ranks title matches above body matches, and recency breaks ties', async () => {
    const s = t.services();
    const inBody = unwrap(
      await s.bestPractices.create(curator, {
        title: 'Yleinen ohje',
        body: 'Tässä mainitaan omegasana kerran.',
      }),
    );
    const inTitle = unwrap(
      await s.bestPractices.create(curator, { title: 'Omegasana', body: 'Muuta tekstiä.' }),
    );
    expect(ids(await search('omegasana'))).toEqual([
      `best-practice:${inTitle.id}`,
      `best-practice:${inBody.id}`,
    ]);
    const older = unwrap(await s.developmentIdeas.create(curator, { title: 'Sigmaidea' }));
    const newer = unwrap(await s.developmentIdeas.create(curator, { title: 'Sigmaidea' }));
    await t.db.em
      .getConnection()
      .execute(
        'update search_document set updated_at = updated_at - 60000 where type = ? and entity_id = ?',
        ['development-idea', older.id],
      );
    expect(ids(await search('sigmaidea'))).toEqual([
      `development-idea:${newer.id}`,
      `development-idea:${older.id}`,
    ]);
  });

  it('never fails on hostile input', async () => {
    const hostile = [
      '"',
      '"unbalanced',
      'kirjasto"',
      'NEAR(a b',
      'NEAR(kirjasto koulutus, 2)',
      '(((',
      ')',
      'a AND',
      'auto OR',
      'OR',
      'NOT',
      '-',
      '-kirjasto',
      '*',
      '**',
      'kirj* -*',
      ':',
      'title:kirjasto',
      '{title body}: x',
      '^kirjasto',
      "'; DROP TABLE search_fts; --",
      'x" OR 1=1 --',
      '🙂 💥 📚',
      '\u0000\u0002\u0003\u202e',
      'tag:") OR ("',
      'type:"',
      'x'.repeat(10_000),
      'kirjasto '.repeat(2_000),
      Array.from({ length: 200 }, (_, i) => `w${i} OR`).join(' '),
    ];
    for (const input of hostile) {
      const result = await search(input);
      expect(result.totalCount, input.slice(0, 40)).toBeGreaterThanOrEqual(0);
      expect(Array.isArray(result.edges)).toBe(true);
    }
    expect((await search('kirjasto"')).totalCount).toBeGreaterThan(0);
    expect(await t.services().search.count()).toBeGreaterThan(50);
  });

  it('suggests words of the index when nothing matches', async () => {
    const result = await search('mentorinti');
    expect(result.totalCount).toBe(0);
    expect(result.suggestions[0]).toBe('mentorointi');
    expect((await search(result.suggestions[0]!)).totalCount).toBeGreaterThan(0);
    const two = await search('kylälily asiakaspalvlu');
    expect(two.suggestions[0]).toBe('kyläily asiakaspalvelu');
    expect((await search('kirjasto')).suggestions).toEqual([]);
    expect((await search('qqqqqqqqqq')).suggestions).toEqual([]);
  });

  it('renders highlights as safe HTML on request', () => {
    expect(highlightToHtml(`<b>${HIGHLIGHT_START}kirjasto${HIGHLIGHT_END}</b> & "x"`)).toBe(
      '&lt;b&gt;<mark>kirjasto</mark>&lt;/b&gt; &amp; &quot;x&quot;',
    );
  });

  it('rebuilds the whole index with the same results', async () => {
    const before = await search('koulutus', { first: 100 });
    const report = await t.services().search.reindexAll(admin);
    expect(report.indexed).toBe(await t.services().search.count());
    const after = await search('koulutus', { first: 100 });
    expect(new Set(ids(after))).toEqual(new Set(ids(before)));
    await expect(t.services().search.reindexAll(curator)).rejects.toThrow();
  });
});
