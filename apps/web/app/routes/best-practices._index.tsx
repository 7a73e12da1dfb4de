import { type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { Tags } from '../components/tags';
import { BestPracticesDocument } from '../graphql/__generated__/graphql';
import { gql } from '../lib/api.server';
import { contentLang } from '../lib/i18n';
import { markdownToText } from '../lib/markdown-text.server';
import { titleMeta, useRootData, useT } from '../lib/use-app';

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, 'bestPractices.title');

export async function loader() {
  const result = await gql(BestPracticesDocument, { first: 100 });
  // A summary is shown as text in the list: Markdown a curator typed there is not rendered.
  const practices = result.bestPractices.nodes.map((p) => ({
    ...p,
    summary: p.summary ? markdownToText(p.summary).replace(/\n/g, ' ') : p.summary,
  }));
  return { practices };
}

export default function BestPractices() {
  const { practices } = useLoaderData<typeof loader>();
  const { t } = useT();
  const { viewer } = useRootData();
  return (
    <>
      <h1>{t('bestPractices.title')}</h1>
      <p className="lead">{t('bestPractices.intro')}</p>
      {viewer?.canCurate ? (
        <p>
          <Link to="/best-practices/new" className="button">
            {t('bestPractices.add')}
          </Link>
        </p>
      ) : null}
      {practices.length === 0 ? <p>{t('bestPractices.none')}</p> : null}
      <ul className="cards">
        {practices.map((p) => (
          <li key={p.id} className="card" lang={contentLang(p.language)}>
            <h2>
              <Link to={`/best-practices/${p.id}`}>{p.title}</Link>
            </h2>
            {p.summary ? <p>{p.summary}</p> : null}
            {p.originOrganisation ? <p className="meta">{p.originOrganisation.name}</p> : null}
            <Tags tags={p.tags} />
          </li>
        ))}
      </ul>
    </>
  );
}
