import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData, useNavigation, useSubmit } from '@remix-run/react';
import { useEffect, useRef } from 'react';
import {
  type Language,
  SearchDocument,
  type SearchFacetField,
  type SearchFilter,
  type SearchType,
} from '../graphql/__generated__/graphql';
import { gql } from '../lib/api.server';
import { type MessageKey, contentLang } from '../lib/i18n';
import { recordPath, safeHighlight, searchTypeOf } from '../lib/links';
import { getSession } from '../lib/session.server';
import { titleMeta, useT } from '../lib/use-app';

/** The URL parameter of each facet. */
const PARAM: Record<SearchFacetField, string> = {
  TYPE: 'type',
  TAG: 'tag',
  ORGANISATION: 'org',
  YEAR: 'year',
  LANGUAGE: 'language',
};

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  titleMeta(matches, 'search.title', data?.query || undefined);

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const query = (url.searchParams.get('q') ?? '').slice(0, 500);
  const selected = Object.fromEntries(
    Object.entries(PARAM).map(([field, param]) => [field, url.searchParams.getAll(param)]),
  ) as Record<SearchFacetField, string[]>;
  const filter: SearchFilter = {
    types: selected.TYPE.length ? (selected.TYPE as SearchType[]) : null,
    tags: selected.TAG.length ? selected.TAG : null,
    organisationIds: selected.ORGANISATION.length ? selected.ORGANISATION : null,
    years: selected.YEAR.length ? selected.YEAR.map(Number).filter(Number.isInteger) : null,
    languages: selected.LANGUAGE.length ? (selected.LANGUAGE as Language[]) : null,
  };
  const after = url.searchParams.get('after');
  if (!query.trim()) return { query, selected, after, result: null };
  const session = await getSession(request);
  const result = await gql(
    SearchDocument,
    { query, first: 20, after, filter },
    session.get('token'),
  );
  return { query, selected, after, result: result.search };
}

function facetLabel(
  field: SearchFacetField,
  value: { value: string; label?: string | null },
  t: (key: MessageKey) => string,
): string {
  if (field === 'TYPE') return t(`type.${value.value}` as MessageKey);
  if (field === 'LANGUAGE') return t(`language.${value.value}` as MessageKey);
  return value.label ?? value.value;
}

export default function Search() {
  const { query, selected, after, result } = useLoaderData<typeof loader>();
  const { t, count } = useT();
  const submit = useSubmit();
  const navigation = useNavigation();
  const formRef = useRef<HTMLFormElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => () => clearTimeout(timer.current), []);

  // With JavaScript, results follow the typing (debounced); without, the form is a GET form.
  const submitSoon = (delay: number) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      if (formRef.current) submit(formRef.current, { replace: true, preventScrollReset: true });
    }, delay);
  };
  const searching = navigation.state === 'loading' && navigation.location.pathname === '/search';

  const pageParams = (cursor: string | null) => {
    const params = new URLSearchParams();
    params.set('q', query);
    for (const [field, values] of Object.entries(selected)) {
      for (const value of values) params.append(PARAM[field as SearchFacetField], value);
    }
    if (cursor) params.set('after', cursor);
    return `/search?${params.toString()}`;
  };

  return (
    <>
      <h1>{query ? t('search.resultsFor', { query }) : t('search.title')}</h1>
      <Form
        method="get"
        action="/search"
        ref={formRef}
        className="search-page-form"
        onChange={(event) => {
          const target = event.target as HTMLInputElement;
          submitSoon(target.type === 'search' ? 300 : 0);
        }}
      >
        <div className="search-row">
          <label htmlFor="search-q">{t('search.label')}</label>
          <div className="search-input">
            <input
              id="search-q"
              name="q"
              type="search"
              defaultValue={query}
              key={query ? 'q' : 'empty'}
            />
            <button type="submit">{t('search.button')}</button>
          </div>
          <p className="hint">{t('search.help')}</p>
        </div>
        <div className="search-layout">
          {result && result.facets.some((f) => f.values.length) ? (
            <aside className="facets" aria-labelledby="facets-title">
              {/* Folded below one control on a phone (the CSS shows it open on wide screens);
                  open from the start when a filter is on. Works without JavaScript. */}
              <details
                className="facets-fold"
                open={Object.values(selected).some((v) => v.length) || undefined}
              >
                <summary>{t('search.filtersToggle')}</summary>
                <h2 id="facets-title">{t('search.filters')}</h2>
                {result.facets
                  .filter((facet) => facet.values.length > 0)
                  .map((facet) => (
                    <fieldset key={facet.field}>
                      <legend>{t(`facet.${facet.field}`)}</legend>
                      <ul>
                        {facet.values.map((value) => {
                          const id = `facet-${facet.field}-${value.value}`;
                          return (
                            <li key={value.value}>
                              <input
                                type="checkbox"
                                id={id}
                                name={PARAM[facet.field]}
                                value={value.value}
                                defaultChecked={selected[facet.field].includes(value.value)}
                              />
                              <label htmlFor={id}>
                                {facetLabel(facet.field, value, t)}{' '}
                                <span className="count">({value.count})</span>
                              </label>
                            </li>
                          );
                        })}
                      </ul>
                    </fieldset>
                  ))}
                <p className="facet-actions">
                  <button type="submit" className="secondary">
                    {t('search.apply')}
                  </button>{' '}
                  {Object.values(selected).some((v) => v.length) ? (
                    <Link to={`/search?q=${encodeURIComponent(query)}`}>
                      {t('search.clearFilters')}
                    </Link>
                  ) : null}
                </p>
              </details>
            </aside>
          ) : null}
          <section className="results" aria-labelledby="results-title" aria-busy={searching}>
            <h2 id="results-title" className="visually-hidden">
              {t('search.results')}
            </h2>
            <p role="status" className="result-count">
              {searching
                ? t('common.loading')
                : result
                  ? result.totalCount
                    ? count(
                        result.isApproximate ? 'search.countApproximate' : 'search.count',
                        result.totalCount,
                      )
                    : t('search.none')
                  : t('search.empty')}
            </p>
            {result?.isApproximate && !searching ? (
              <p className="hint search-approximate">
                {count('search.approximate', result.totalCount)}
              </p>
            ) : null}
            {result?.suggestions.length ? (
              <p className="did-you-mean">
                {t('search.didYouMean')}{' '}
                {result.suggestions.map((suggestion, i) => (
                  <span key={suggestion}>
                    {i > 0 ? ', ' : null}
                    <Link to={`/search?q=${encodeURIComponent(suggestion)}`}>{suggestion}</Link>
                  </span>
                ))}
              </p>
            ) : null}
            {result?.edges.length ? (
              <ol className="result-list">
                {result.edges.map((edge) => {
                  const node = edge.node;
                  const language = 'language' in node ? contentLang(node.language) : undefined;
                  return (
                    <li key={edge.cursor} className="result">
                      <p className="result-type">
                        {t(`type.${searchTypeOf(node.__typename)}` as MessageKey)}
                      </p>
                      <h3 lang={language}>
                        <Link
                          to={recordPath(node.__typename, node.id)}
                          dangerouslySetInnerHTML={{ __html: safeHighlight(edge.highlightedTitle) }}
                        />
                      </h3>
                      {edge.snippet ? (
                        <p
                          className="snippet"
                          lang={language}
                          dangerouslySetInnerHTML={{ __html: safeHighlight(edge.snippet) }}
                        />
                      ) : null}
                    </li>
                  );
                })}
              </ol>
            ) : null}
            <nav className="pager" aria-label={t('search.results')}>
              {after ? <Link to={pageParams(null)}>{t('search.first')}</Link> : null}{' '}
              {result?.pageInfo.hasNextPage && result.pageInfo.endCursor ? (
                <Link to={pageParams(result.pageInfo.endCursor)}>{t('search.next')} →</Link>
              ) : null}
            </nav>
          </section>
        </div>
      </Form>
    </>
  );
}
