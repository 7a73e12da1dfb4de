/**
 * The archive (/archive), for curators: archived records of every kind, most recently archived
 * first, filtered by kind with a plain GET form. "Palauta" brings one back (a POST with the
 * version shown, so a record changed meanwhile is a conflict, not overwritten).
 */
import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { CsrfField } from '../components/form';
import {
  ArchivedRecordsDocument,
  type CuratedKind,
  RestoreArchivedDocument,
} from '../graphql/__generated__/graphql';
import { gql } from '../lib/api.server';
import { formText } from '../lib/forms';
import { requireSignedIn } from '../lib/auth.server';
import { formatDateTime } from '../lib/format';
import { type MessageKey, translator } from '../lib/i18n';
import { requestLang } from '../lib/lang.server';
import { recordPath } from '../lib/records';
import { commitSession, requireCsrf } from '../lib/session.server';
import { titleMeta, useT } from '../lib/use-app';

const KINDS: CuratedKind[] = [
  'RESOURCE',
  'BEST_PRACTICE',
  'DEVELOPMENT_IDEA',
  'TAG',
  'MEETING',
  'TRAINING',
  'MENTORING_PROGRAMME',
  'WORK_VISIT',
];

function kindOf(value: string | null): CuratedKind | null {
  return KINDS.find((k) => k === value) ?? null;
}

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, 'archive.title');

export async function loader({ request }: LoaderFunctionArgs) {
  const { token } = await requireSignedIn(request);
  const url = new URL(request.url);
  const kind = kindOf(url.searchParams.get('kind'));
  const after = url.searchParams.get('after');
  const result = await gql(ArchivedRecordsDocument, { kind, first: 50, after }, token);
  return { archive: result.archivedRecords, kind };
}

export async function action({ request }: ActionFunctionArgs) {
  const { session, token } = await requireSignedIn(request);
  const form = await request.formData();
  requireCsrf(session, form);
  const t = translator(await requestLang(request));
  const title = formText(form, 'title');
  const back = `/archive${new URL(request.url).search}`;
  const result = await gql(
    RestoreArchivedDocument,
    { input: { id: formText(form, 'id'), version: Number(form.get('version')) } },
    token,
  );
  const { record, errors } = result.restoreArchived;
  if (!record) {
    const conflict = errors.some((e) => e.code === 'CONFLICT');
    session.flash(
      'flash',
      conflict ? t('archive.conflict') : t(`error.${errors[0]?.code ?? 'INVALID'}` as MessageKey),
    );
    return redirect(back, { headers: { 'Set-Cookie': await commitSession(session) } });
  }
  session.flash('flash', t('archive.restored', { title }));
  return redirect(
    recordPath(record.__typename, { id: record.id, slug: 'slug' in record ? record.slug : null }),
    { headers: { 'Set-Cookie': await commitSession(session) } },
  );
}

export default function ArchivePage() {
  const { archive, kind } = useLoaderData<typeof loader>();
  const { t, lang, count } = useT();
  return (
    <div>
      <h1>{t('archive.title')}</h1>
      <p>{t('archive.intro')}</p>
      <Form method="get" className="archive-filter">
        <label htmlFor="archive-kind">{t('archive.kind')}</label>
        <select id="archive-kind" name="kind" defaultValue={kind ?? ''}>
          <option value="">{t('archive.allKinds')}</option>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`curatedKind.${k}` as MessageKey)}
            </option>
          ))}
        </select>
        <button type="submit">{t('archive.show')}</button>
      </Form>
      <p role="status">{count('archive.count', archive.totalCount)}</p>
      {archive.nodes.length === 0 ? (
        <p>{t('archive.none')}</p>
      ) : (
        <ul className="archive-list">
          {archive.nodes.map((item) => (
            <li key={item.record.id} className="archive-item">
              <p className="result-type">{t(`curatedKind.${item.kind}` as MessageKey)}</p>
              <h2>{item.title}</h2>
              <p className="meta">
                {t('archive.archivedAt', { date: formatDateTime(item.archivedAt, lang) })}
                {item.archivedBy ? ` · ${t('archive.by', { name: item.archivedBy.name })}` : ''}
              </p>
              {item.mergedInto ? (
                <p>
                  <Link to={`/tags/${encodeURIComponent(item.mergedInto.slug)}`}>
                    {t('archive.mergedInto', { name: item.mergedInto.name })}
                  </Link>
                </p>
              ) : (
                <Form method="post">
                  <CsrfField />
                  <input type="hidden" name="id" value={item.record.id} />
                  <input type="hidden" name="version" value={item.record.version} />
                  <input type="hidden" name="title" value={item.title} />
                  <button type="submit" className="secondary">
                    {t('archive.restore')}
                    <span className="visually-hidden">: {item.title}</span>
                  </button>
                </Form>
              )}
            </li>
          ))}
        </ul>
      )}
      {archive.pageInfo.hasNextPage && archive.pageInfo.endCursor ? (
        <p>
          <Link
            to={`/archive?${new URLSearchParams({
              ...(kind ? { kind } : {}),
              after: archive.pageInfo.endCursor,
            }).toString()}`}
          >
            {t('archive.next')}
          </Link>
        </p>
      ) : null}
    </div>
  );
}
