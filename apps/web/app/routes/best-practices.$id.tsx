import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { Tags } from '../components/tags';
import { BestPracticeDocument } from '../graphql/__generated__/graphql';
import { gql } from '../lib/api.server';
import { formatDate } from '../lib/format';
import { contentLang } from '../lib/i18n';
import { Markdown } from '../lib/markdown';
import { titleMeta, useT } from '../lib/use-app';

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  titleMeta(matches, null, data?.practice.title);

export async function loader({ params }: LoaderFunctionArgs) {
  const result = await gql(BestPracticeDocument, { id: params.id ?? '' });
  if (result.node?.__typename !== 'BestPractice') throw new Response('Not found', { status: 404 });
  return { practice: result.node };
}

export default function BestPracticePage() {
  const { practice } = useLoaderData<typeof loader>();
  const { t } = useT();
  const language = contentLang(practice.language);
  return (
    <article>
      <p className="breadcrumb">
        <Link to="/best-practices">{t('bestPractices.title')}</Link>
      </p>
      <h1 lang={language}>{practice.title}</h1>
      <p className="meta">
        {practice.originOrganisation
          ? `${t('bestPractices.origin')}: ${practice.originOrganisation.name} · `
          : ''}
        {t('common.updated', { date: formatDate(practice.updatedAt) })}
      </p>
      {practice.summary ? (
        <p className="lead" lang={language}>
          {practice.summary}
        </p>
      ) : null}
      {practice.body ? <Markdown text={practice.body} lang={language} /> : null}
      <Tags tags={practice.tags} />
      {practice.sourceMeeting ? (
        <p>
          {t('resources.fromMeeting')}:{' '}
          <Link to={`/meetings/${practice.sourceMeeting.id}`}>{practice.sourceMeeting.title}</Link>
        </p>
      ) : null}
      {practice.relatedResources.length ? (
        <section aria-labelledby="related">
          <h2 id="related">{t('bestPractices.related')}</h2>
          <ul>
            {practice.relatedResources.map((r) => (
              <li key={r.id}>
                <Link to={`/resources/${r.id}`}>{r.title}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}
