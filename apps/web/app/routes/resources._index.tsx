import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { LinkHealthBadge } from '../components/link-health';
import { Tags } from '../components/tags';
import { ResourcesDocument } from '../graphql/__generated__/graphql';
import { gql } from '../lib/api.server';
import { type MessageKey, contentLang } from '../lib/i18n';
import { titleMeta, useRootData, useT } from '../lib/use-app';

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, 'resources.title');

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const tag = url.searchParams.get('tag');
  const after = url.searchParams.get('after');
  // `?broken=1`: the links whose latest check found a confirmed fault, for curators to mend.
  const broken = url.searchParams.get('broken') === '1';
  const result = await gql(ResourcesDocument, {
    first: 50,
    after,
    filter: { tag, ...(broken ? { broken: true } : {}) },
  });
  return { tag, broken, resources: result.resources };
}

export default function Resources() {
  const { tag, broken, resources } = useLoaderData<typeof loader>();
  const { t } = useT();
  const { viewer } = useRootData();
  return (
    <>
      <h1>{broken ? t('resources.broken') : t('resources.title')}</h1>
      <p className="lead">{broken ? t('resources.brokenIntro') : t('resources.intro')}</p>
      {viewer?.canCurate ? (
        <p>
          <Link to="/resources/new" className="button">
            {t('resources.add')}
          </Link>{' '}
          {broken ? (
            <Link to="/resources">{t('resources.all')}</Link>
          ) : (
            <Link to="/resources?broken=1">{t('resources.broken')}</Link>
          )}
        </p>
      ) : null}
      {tag ? (
        <p>
          {t('resources.filteredByTag', { tag })} ·{' '}
          <Link to="/resources">{t('resources.all')}</Link>
        </p>
      ) : null}
      {resources.nodes.length === 0 ? (
        <p>{broken ? t('resources.brokenNone') : t('resources.none')}</p>
      ) : null}
      <ul className="cards">
        {resources.nodes.map((resource) => (
          <li key={resource.id} className="card">
            <h2 lang={contentLang(resource.language)}>
              <Link to={`/resources/${resource.id}`}>{resource.title}</Link>
            </h2>
            <p className="meta">
              {t(`kind.${resource.kind}` as MessageKey)} ·{' '}
              {t(`language.${resource.language}` as MessageKey)}
            </p>
            {resource.description ? (
              <p lang={contentLang(resource.language)}>{resource.description}</p>
            ) : null}
            <p className="url">
              <a href={resource.url} rel="noopener noreferrer">
                {resource.url}
              </a>
            </p>
            <p>
              <LinkHealthBadge health={resource.linkHealth} />
            </p>
            <Tags tags={resource.tags} />
          </li>
        ))}
      </ul>
      {resources.pageInfo.hasNextPage && resources.pageInfo.endCursor ? (
        <p>
          <Link
            to={`/resources?${new URLSearchParams({ ...(tag ? { tag } : {}), ...(broken ? { broken: '1' } : {}), after: resources.pageInfo.endCursor }).toString()}`}
          >
            {t('search.next')} →
          </Link>
        </p>
      ) : null}
    </>
  );
}
