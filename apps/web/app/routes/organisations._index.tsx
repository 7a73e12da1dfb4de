import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import {
  type OrganisationFilter,
  type OrganisationKind,
  OrganisationListDocument,
} from '../graphql/__generated__/graphql';
import { gql } from '../lib/api.server';
import { ORGANISATION_KINDS } from '../lib/directory';
import { titleMeta, useRootData, useT } from '../lib/use-app';

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, 'organisations.title');

const PAGE_SIZE = 50;

/** The list's filters from the query string (`?kind=…&network=…&town=…&q=…`). */
function filtersOf(url: URL) {
  const kind = url.searchParams.get('kind') ?? '';
  return {
    kind: (ORGANISATION_KINDS as readonly string[]).includes(kind) ? kind : '',
    network: url.searchParams.get('network') ?? '',
    town: url.searchParams.get('town') ?? '',
    q: (url.searchParams.get('q') ?? '').trim(),
  };
}

/** True for an organisation's global id (`base64url("Organisation:<id>")`). */
function isOrganisationId(value: string): boolean {
  return /^Organisation:[1-9]\d{0,15}$/.test(Buffer.from(value, 'base64url').toString('utf8'));
}

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const filters = filtersOf(url);
  const filter: OrganisationFilter = {};
  if (filters.kind) filter.kind = filters.kind as OrganisationKind;
  if (filters.town) filter.city = filters.town;
  if (filters.q) filter.nameContains = filters.q;
  // Only an organisation's id filters by network: anything else is ignored, not an error page.
  const networkId = isOrganisationId(filters.network) ? filters.network : '';
  if (networkId) filter.networkId = networkId;
  const result = await gql(OrganisationListDocument, {
    first: PAGE_SIZE,
    after: url.searchParams.get('after') || null,
    filter,
  });
  return {
    filters: { ...filters, network: networkId },
    organisations: result.organisations,
    networks: result.networks.nodes,
    towns: result.organisationTowns,
  };
}

export default function Organisations() {
  const { filters, organisations, networks, towns } = useLoaderData<typeof loader>();
  const { t, count } = useT();
  const { viewer } = useRootData();
  const active = [filters.kind, filters.network, filters.town, filters.q].filter(Boolean).length;
  const next = new URLSearchParams(
    Object.entries(filters).filter((entry): entry is [string, string] => Boolean(entry[1])),
  );
  if (organisations.pageInfo.endCursor) next.set('after', organisations.pageInfo.endCursor);
  return (
    <>
      <h1>{t('organisations.title')}</h1>
      <p className="lead">{t('directory.list.intro')}</p>
      <p className="curate-actions">
        <Link to="/people">{t('directory.people.title')}</Link>
        {viewer?.canCurate ? (
          <Link to="/organisations/new" className="button">
            {t('directory.organisation.add')}
          </Link>
        ) : null}
      </p>
      <details className="filters" open={active > 0}>
        <summary>
          {t('directory.filters')}
          {active ? ` (${count('directory.count.filters', active)})` : ''}
        </summary>
        <Form method="get" className="filter-form">
          <p className="field">
            <label htmlFor="filter-q">{t('directory.filter.name')}</label>
            <input id="filter-q" name="q" type="search" defaultValue={filters.q} />
          </p>
          <p className="field">
            <label htmlFor="filter-kind">{t('directory.field.kind')}</label>
            <select id="filter-kind" name="kind" defaultValue={filters.kind}>
              <option value="">{t('directory.filter.all')}</option>
              {ORGANISATION_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`orgKind.${kind}`)}
                </option>
              ))}
            </select>
          </p>
          <p className="field">
            <label htmlFor="filter-network">{t('directory.filter.network')}</label>
            <select id="filter-network" name="network" defaultValue={filters.network}>
              <option value="">{t('directory.filter.all')}</option>
              {networks.map((n) => (
                <option key={n.id} value={n.id}>
                  {n.name}
                </option>
              ))}
            </select>
          </p>
          <p className="field">
            <label htmlFor="filter-town">{t('directory.filter.town')}</label>
            <select id="filter-town" name="town" defaultValue={filters.town}>
              <option value="">{t('directory.filter.all')}</option>
              {towns.map((town) => (
                <option key={town} value={town}>
                  {town}
                </option>
              ))}
            </select>
          </p>
          <p className="form-actions">
            <button type="submit">{t('directory.filter.apply')}</button>
            {active ? <Link to="/organisations">{t('directory.filter.clear')}</Link> : null}
          </p>
        </Form>
      </details>
      <p className="count" role="status">
        {count('directory.count.organisations', organisations.totalCount)}
      </p>
      <ul className="directory-list">
        {organisations.nodes.map((o) => (
          <li key={o.id}>
            <Link to={`/organisations/${o.id}`}>{o.name}</Link>
            <span className="meta">
              {[t(`orgKind.${o.kind}`), o.city, o.network?.shortName ?? o.network?.name]
                .filter(Boolean)
                .join(' · ')}
            </span>
          </li>
        ))}
      </ul>
      {organisations.pageInfo.hasNextPage ? (
        <p>
          <Link to={`/organisations?${next.toString()}`}>{t('directory.nextPage')}</Link>
        </p>
      ) : null}
    </>
  );
}
