/** Every tag (/tags), by name, with how many records carry it; each links to its page. */
import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { TagIndexDocument } from '../graphql/__generated__/graphql';
import { gql } from '../lib/api.server';
import { getSession } from '../lib/session.server';
import { titleMeta, useT } from '../lib/use-app';

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, 'tags.title');

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await getSession(request);
  const after = new URL(request.url).searchParams.get('after');
  const result = await gql(TagIndexDocument, { first: 100, after }, session.get('token'));
  return { tags: result.tags };
}

export default function TagIndex() {
  const { tags } = useLoaderData<typeof loader>();
  const { t, lang, count } = useT();
  // The database orders by code point ("Koulut" before "asiakaspalvelu"); people read A to Ö.
  const sorted = [...tags.nodes].sort((a, b) => a.name.localeCompare(b.name, lang));
  return (
    <div>
      <h1>{t('tags.title')}</h1>
      <p>{t('tags.intro')}</p>
      <p className="meta">{count('tags.total', tags.totalCount)}</p>
      {tags.nodes.length === 0 ? (
        <p>{t('tags.none')}</p>
      ) : (
        <ul className="tag-index">
          {sorted.map((tag) => (
            <li key={tag.id}>
              <Link to={`/tags/${encodeURIComponent(tag.slug)}`}>{tag.name}</Link>{' '}
              <span className="meta">{count('tags.count', tag.usage.total)}</span>
            </li>
          ))}
        </ul>
      )}
      {tags.pageInfo.hasNextPage && tags.pageInfo.endCursor ? (
        <p>
          <Link to={`/tags?after=${encodeURIComponent(tags.pageInfo.endCursor)}`}>
            {t('search.next')}
          </Link>
        </p>
      ) : null}
    </div>
  );
}
