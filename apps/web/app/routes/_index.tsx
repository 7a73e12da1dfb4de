import { type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { ResourcesDocument } from '../graphql/__generated__/graphql';
import { gql } from '../lib/api.server';
import { type MessageKey, contentLang } from '../lib/i18n';
import { titleMeta, useT } from '../lib/use-app';

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, null);

export async function loader() {
  const result = await gql(ResourcesDocument, { first: 5 });
  return { latest: result.resources.nodes };
}

const SECTIONS: [string, MessageKey][] = [
  ['/resources', 'nav.resources'],
  ['/best-practices', 'nav.bestPractices'],
  ['/ideas', 'nav.ideas'],
  ['/meetings', 'nav.meetings'],
  ['/trainings', 'nav.trainings'],
  ['/mentoring', 'nav.mentoring'],
  ['/organisations', 'nav.organisations'],
];

export default function Home() {
  const { latest } = useLoaderData<typeof loader>();
  const { t } = useT();
  return (
    <>
      <h1>{t('home.title')}</h1>
      <p className="lead">{t('home.intro')}</p>
      <section aria-labelledby="sections">
        <h2 id="sections">{t('home.sections')}</h2>
        <ul className="section-links">
          {SECTIONS.map(([to, key]) => (
            <li key={to}>
              <Link to={to}>{t(key)}</Link>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="latest">
        <h2 id="latest">{t('home.latestResources')}</h2>
        <ul>
          {latest.map((r) => (
            <li key={r.id} lang={contentLang(r.language)}>
              <Link to={`/resources/${r.id}`}>{r.title}</Link>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
