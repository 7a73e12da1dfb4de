import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { PersonListDocument } from '../graphql/__generated__/graphql';
import { gql } from '../lib/api.server';
import { titleMeta, useRootData, useT } from '../lib/use-app';

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, 'directory.people.title');

const PAGE_SIZE = 50;

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const q = (url.searchParams.get('q') ?? '').trim();
  const result = await gql(PersonListDocument, {
    first: PAGE_SIZE,
    after: url.searchParams.get('after') || null,
    filter: q ? { nameContains: q } : {},
  });
  return { q, people: result.people };
}

export default function People() {
  const { q, people } = useLoaderData<typeof loader>();
  const { t, count } = useT();
  const { viewer } = useRootData();
  const next = new URLSearchParams(q ? { q } : {});
  if (people.pageInfo.endCursor) next.set('after', people.pageInfo.endCursor);
  return (
    <>
      <p className="breadcrumb">
        <Link to="/organisations">{t('organisations.title')}</Link>
      </p>
      <h1>{t('directory.people.title')}</h1>
      <p className="lead">{t('directory.people.intro')}</p>
      {viewer?.canCurate ? (
        <p className="curate-actions">
          <Link to="/people/new" className="button">
            {t('directory.person.add')}
          </Link>
        </p>
      ) : null}
      <Form method="get" className="search-input" role="search">
        <label htmlFor="people-q" className="visually-hidden">
          {t('directory.filter.name')}
        </label>
        <input id="people-q" name="q" type="search" defaultValue={q} />
        <button type="submit">{t('directory.filter.search')}</button>
      </Form>
      <p className="count" role="status">
        {count('directory.count.people', people.totalCount)}
      </p>
      <ul className="directory-list">
        {people.nodes.map((p) => (
          <li key={p.id}>
            <Link to={`/people/${p.id}`}>{p.name}</Link>
            <span className="meta">
              {p.anonymised
                ? t('directory.person.anonymised')
                : [p.jobTitle, p.organisation?.name].filter(Boolean).join(' · ')}
            </span>
          </li>
        ))}
      </ul>
      {people.pageInfo.hasNextPage ? (
        <p>
          <Link to={`/people?${next.toString()}`}>{t('directory.nextPage')}</Link>
        </p>
      ) : null}
    </>
  );
}
