import { type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { Tags } from '../components/tags';
import { IDEA_STATUSES } from '../components/content-form';
import { DevelopmentIdeasDocument } from '../graphql/__generated__/graphql';
import { gql } from '../lib/api.server';
import { formatDate } from '../lib/format';
import { contentLang } from '../lib/i18n';
import { Markdown } from '../lib/markdown';
import { titleMeta, useRootData, useT } from '../lib/use-app';

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, 'ideas.title');

export async function loader() {
  const result = await gql(DevelopmentIdeasDocument, { first: 100 });
  return { ideas: result.developmentIdeas.nodes };
}

export default function Ideas() {
  const { ideas } = useLoaderData<typeof loader>();
  const { t } = useT();
  const { viewer } = useRootData();
  return (
    <>
      <h1>{t('ideas.title')}</h1>
      <p className="lead">{t('ideas.intro')}</p>
      {viewer?.canCurate ? (
        <p>
          <Link to="/ideas/new" className="button">
            {t('ideas.add')}
          </Link>
        </p>
      ) : null}
      {IDEA_STATUSES.filter((status) => ideas.some((idea) => idea.status === status)).map(
        (status) => (
          <section key={status} aria-labelledby={`status-${status}`}>
            <h2 id={`status-${status}`}>{t(`ideaStatus.${status}`)}</h2>
            <ul className="cards">
              {ideas
                .filter((idea) => idea.status === status)
                .map((idea) => (
                  <li key={idea.id} id={idea.id} className="card" lang={contentLang(idea.language)}>
                    <h3>
                      <Link to={`/ideas/${idea.id}`}>{idea.title}</Link>
                    </h3>
                    {idea.description ? <Markdown text={idea.description} /> : null}
                    {idea.followUp ? <Markdown text={idea.followUp} /> : null}
                    {idea.sourceMeeting ? (
                      <p className="meta">
                        <Link to={`/meetings/${idea.sourceMeeting.id}`}>
                          {idea.sourceMeeting.title}
                        </Link>{' '}
                        ({formatDate(idea.sourceMeeting.startsAt)})
                      </p>
                    ) : null}
                    <Tags tags={idea.tags} />
                  </li>
                ))}
            </ul>
          </section>
        ),
      )}
    </>
  );
}
