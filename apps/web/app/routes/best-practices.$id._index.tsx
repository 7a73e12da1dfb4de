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
  ArchiveBestPracticeDocument,
  BestPracticeDocument,
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
  titleMeta(matches, null, data?.practice.title);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const session = await getSession(request);
  const result = await gql(BestPracticeDocument, { id: params.id ?? '' }, session.get('token'));
  if (result.node?.__typename !== 'BestPractice') throw new Response('Not found', { status: 404 });
  return { practice: result.node };
}

/** Archive, after a confirmation step (both plain POST forms). */
export async function action({ request, params }: ActionFunctionArgs) {
  const { session, token } = await requireSignedIn(request);
  const form = await request.formData();
  requireCsrf(session, form);
  if (archiveIntent(form) === 'confirmArchive') return { confirmArchive: true };
  const t = translator(await requestLang(request));
  const result = await gql(
    ArchiveBestPracticeDocument,
    { input: { id: params.id ?? '', version: Number(form.get('version')) } },
    token,
  );
  if (result.archiveBestPractice.errors.length) {
    session.flash('flash', t('error.CONFLICT'));
    return redirect(`/best-practices/${params.id}`, {
      headers: { 'Set-Cookie': await commitSession(session) },
    });
  }
  session.flash('flash', t('bestPractices.archived'));
  return redirect('/best-practices', { headers: { 'Set-Cookie': await commitSession(session) } });
}

export default function BestPracticePage() {
  const { practice } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, lang } = useT();
  const { viewer } = useRootData();
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
      {viewer?.canCurate ? (
        <CurateActions
          editTo={`/best-practices/${practice.id}/edit`}
          cancelTo={`/best-practices/${practice.id}`}
          version={practice.version}
          confirming={actionData?.confirmArchive === true}
        />
      ) : null}
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
      {viewer && practice.revisions.length ? (
        <section aria-labelledby="history">
          <h2 id="history">{t('resources.history')}</h2>
          <ul>
            {practice.revisions.map((revision) => (
              <li key={revision.version}>
                {t('resources.version', { version: revision.version })}:{' '}
                {formatDateTime(revision.createdAt, lang)}
                {revision.actor ? ` – ${revision.actor.name}` : ''}
              </li>
            ))}
          </ul>
          <p>
            <Link to={historyPath(practice.id)}>{t('history.link')}</Link>
          </p>
        </section>
      ) : null}
    </article>
  );
}
