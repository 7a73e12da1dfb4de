import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { CurateActions, archiveIntent } from '../components/archive';
import { LinkHealthBadge } from '../components/link-health';
import { Tags } from '../components/tags';
import { ArchiveResourceDocument, ResourceDocument } from '../graphql/__generated__/graphql';
import { gql } from '../lib/api.server';
import { historyPath } from '../lib/records';
import { requireSignedIn } from '../lib/auth.server';
import { formatDate, formatDateTime } from '../lib/format';
import { type MessageKey, contentLang, translator } from '../lib/i18n';
import { requestLang } from '../lib/lang.server';
import { commitSession, getSession, requireCsrf } from '../lib/session.server';
import { titleMeta, useRootData, useT } from '../lib/use-app';

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  titleMeta(matches, null, data?.resource.title);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const session = await getSession(request);
  const result = await gql(ResourceDocument, { id: params.id ?? '' }, session.get('token'));
  if (result.node?.__typename !== 'Resource') throw new Response('Not found', { status: 404 });
  return { resource: result.node };
}

/** Archive, after a confirmation step (both plain POST forms). */
export async function action({ request, params }: ActionFunctionArgs) {
  const { session, token } = await requireSignedIn(request);
  const form = await request.formData();
  requireCsrf(session, form);
  if (archiveIntent(form) === 'confirmArchive') return { confirmArchive: true };
  const t = translator(await requestLang(request));
  const result = await gql(
    ArchiveResourceDocument,
    { input: { id: params.id ?? '', version: Number(form.get('version')) } },
    token,
  );
  if (result.archiveResource.errors.length) {
    session.flash('flash', t('error.CONFLICT'));
    return redirect(`/resources/${params.id}`, {
      headers: { 'Set-Cookie': await commitSession(session) },
    });
  }
  session.flash('flash', t('resources.archived'));
  return redirect('/resources', { headers: { 'Set-Cookie': await commitSession(session) } });
}

export default function ResourcePage() {
  const { resource } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, lang } = useT();
  const { viewer } = useRootData();
  const language = contentLang(resource.language);
  return (
    <article>
      <p className="breadcrumb">
        <Link to="/resources">{t('resources.title')}</Link>
      </p>
      <h1 lang={language}>{resource.title}</h1>
      <p className="meta">
        {t(`kind.${resource.kind}` as MessageKey)} ·{' '}
        {t(`language.${resource.language}` as MessageKey)} ·{' '}
        {t('common.updated', { date: formatDate(resource.updatedAt) })}
      </p>
      {resource.description ? <p lang={language}>{resource.description}</p> : null}
      <p>
        <a href={resource.url} rel="noopener noreferrer" className="button">
          {t('resources.open')}
        </a>{' '}
        <span className="url">{resource.url}</span>
      </p>
      {resource.linkHealth ? (
        <p>
          <LinkHealthBadge health={resource.linkHealth} details />
        </p>
      ) : null}
      <Tags tags={resource.tags} />
      {resource.sourceMeeting ? (
        <p>
          {t('resources.fromMeeting')}:{' '}
          <Link to={`/meetings/${resource.sourceMeeting.id}`}>{resource.sourceMeeting.title}</Link>
        </p>
      ) : null}
      {viewer?.canCurate ? (
        <CurateActions
          editTo={`/resources/${resource.id}/edit`}
          cancelTo={`/resources/${resource.id}`}
          version={resource.version}
          confirming={actionData?.confirmArchive === true}
        />
      ) : null}
      {viewer && resource.revisions.length ? (
        <section aria-labelledby="history">
          <h2 id="history">{t('resources.history')}</h2>
          <ul>
            {resource.revisions.map((revision) => (
              <li key={revision.version}>
                {t('resources.version', { version: revision.version })}:{' '}
                {formatDateTime(revision.createdAt, lang)}
                {revision.actor ? ` – ${revision.actor.name}` : ''}
              </li>
            ))}
          </ul>
          <p>
            <Link to={historyPath(resource.id)}>{t('history.link')}</Link>
          </p>
        </section>
      ) : null}
    </article>
  );
}
