import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { CurateActions, archiveIntent } from '../components/archive';
import { Tags } from '../components/tags';
import {
  ArchiveDevelopmentIdeaDocument,
  DevelopmentIdeaDocument,
} from '../graphql/__generated__/graphql';
import { gql } from '../lib/api.server';
import { historyPath } from '../lib/records';
import { requireSignedIn } from '../lib/auth.server';
import { formatDate, formatDateTime } from '../lib/format';
import { contentLang, translator } from '../lib/i18n';
import { requestLang } from '../lib/lang.server';
import { Markdown } from '../lib/markdown';
import { commitSession, getSession, requireCsrf } from '../lib/session.server';
import { titleMeta, useRootData, useT } from '../lib/use-app';

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  titleMeta(matches, null, data?.idea.title);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const session = await getSession(request);
  const result = await gql(DevelopmentIdeaDocument, { id: params.id ?? '' }, session.get('token'));
  if (result.node?.__typename !== 'DevelopmentIdea') {
    throw new Response('Not found', { status: 404 });
  }
  return { idea: result.node };
}

/** Archive, after a confirmation step (both plain POST forms). */
export async function action({ request, params }: ActionFunctionArgs) {
  const { session, token } = await requireSignedIn(request);
  const form = await request.formData();
  requireCsrf(session, form);
  if (archiveIntent(form) === 'confirmArchive') return { confirmArchive: true };
  const t = translator(await requestLang(request));
  const result = await gql(
    ArchiveDevelopmentIdeaDocument,
    { input: { id: params.id ?? '', version: Number(form.get('version')) } },
    token,
  );
  if (result.archiveDevelopmentIdea.errors.length) {
    session.flash('flash', t('error.CONFLICT'));
    return redirect(`/ideas/${params.id}`, {
      headers: { 'Set-Cookie': await commitSession(session) },
    });
  }
  session.flash('flash', t('ideas.archived'));
  return redirect('/ideas', { headers: { 'Set-Cookie': await commitSession(session) } });
}

export default function IdeaPage() {
  const { idea } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, lang } = useT();
  const { viewer } = useRootData();
  const language = contentLang(idea.language);
  return (
    <article>
      <p className="breadcrumb">
        <Link to="/ideas">{t('ideas.title')}</Link>
      </p>
      <h1 lang={language}>{idea.title}</h1>
      <p className="meta">
        <strong className="idea-status">
          {t('ideas.status', { status: t(`ideaStatus.${idea.status}`) })}
        </strong>{' '}
        · {t('common.updated', { date: formatDate(idea.updatedAt) })}
      </p>
      {viewer?.canCurate ? (
        <CurateActions
          editTo={`/ideas/${idea.id}/edit`}
          cancelTo={`/ideas/${idea.id}`}
          version={idea.version}
          confirming={actionData?.confirmArchive === true}
        />
      ) : null}
      {idea.description ? <Markdown text={idea.description} lang={language} /> : null}
      {idea.followUp ? (
        <section aria-labelledby="follow-up">
          <h2 id="follow-up">{t('field.followUp')}</h2>
          <Markdown text={idea.followUp} lang={language} />
        </section>
      ) : null}
      <Tags tags={idea.tags} />
      {idea.sourceMeeting ? (
        <p>
          {t('resources.fromMeeting')}:{' '}
          <Link to={`/meetings/${idea.sourceMeeting.id}`}>{idea.sourceMeeting.title}</Link> (
          {formatDate(idea.sourceMeeting.startsAt)})
        </p>
      ) : null}
      {viewer && idea.revisions.length ? (
        <section aria-labelledby="history">
          <h2 id="history">{t('resources.history')}</h2>
          <ul>
            {idea.revisions.map((revision) => (
              <li key={revision.version}>
                {t('resources.version', { version: revision.version })}:{' '}
                {formatDateTime(revision.createdAt, lang)}
                {revision.actor ? ` – ${revision.actor.name}` : ''}
              </li>
            ))}
          </ul>
          <p>
            <Link to={historyPath(idea.id)}>{t('history.link')}</Link>
          </p>
        </section>
      ) : null}
    </article>
  );
}
