/**
 * A curated record's history (/history/:id, any kind): every version with what changed, field
 * by field, in the UI's language. A curator restores an earlier version in two plain steps
 * that work without JavaScript: "Palauta tämä versio" (a GET, `?restore=<revision>`) shows what
 * would change and asks; "Kyllä, palauta" POSTs with the version the page showed, so a restore
 * from a stale page is refused as a conflict and shown beside the version saved meanwhile.
 */
import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  data,
  redirect,
} from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { CsrfField, ErrorSummary } from '../components/form';
import {
  type RecordHistoryQuery,
  RecordHistoryDocument,
  RestoreRevisionDocument,
} from '../graphql/__generated__/graphql';
import { gql } from '../lib/api.server';
import { requireSignedIn } from '../lib/auth.server';
import { formatDateTime } from '../lib/format';
import { fieldErrors, formText } from '../lib/forms';
import { type ChangeView, changeValue, fieldLabel } from '../lib/history';
import { type MessageKey, translator } from '../lib/i18n';
import { requestLang } from '../lib/lang.server';
import { historyPath, recordPath } from '../lib/records';
import { commitSession, requireCsrf } from '../lib/session.server';
import { titleMeta, useRootData, useT } from '../lib/use-app';

type HistoryNode = NonNullable<RecordHistoryQuery['node']>;

/** The record's title or name, whatever its kind. */
function titleOf(node: HistoryNode): string {
  if ('title' in node && typeof node.title === 'string') return node.title;
  if ('name' in node && typeof node.name === 'string') return node.name;
  if (node.__typename === 'WorkVisit') return `${node.host.name} ${node.startDate}`;
  return '';
}

async function loadHistory(id: string, token: string, preview: boolean) {
  const result = await gql(RecordHistoryDocument, { id, preview }, token);
  const node = result.node;
  if (!node || !('revisions' in node)) throw new Response('Not found', { status: 404 });
  return node;
}

export const meta: MetaFunction<typeof loader> = ({ data: loaded, matches }) =>
  titleMeta(matches, 'history.title', loaded ? titleOf(loaded.record) : undefined);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { token } = await requireSignedIn(request);
  const restore = new URL(request.url).searchParams.get('restore');
  const record = await loadHistory(params.id ?? '', token, Boolean(restore));
  return { record, restore };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { session, token } = await requireSignedIn(request);
  const form = await request.formData();
  requireCsrf(session, form);
  const t = translator(await requestLang(request));
  const id = params.id ?? '';
  const revisionId = formText(form, 'revision');
  const restoredVersion = Number(form.get('restoredVersion'));
  const result = await gql(
    RestoreRevisionDocument,
    { input: { id: revisionId, expectedVersion: Number(form.get('version')) } },
    token,
  );
  const errors = result.restoreRevision.errors;
  if (errors.length === 0) {
    session.flash('flash', t('history.restored', { version: restoredVersion }));
    return redirect(historyPath(id), { headers: { 'Set-Cookie': await commitSession(session) } });
  }
  const conflict = errors.some((e) => e.code === 'CONFLICT');
  // After a conflict the page shows the record as saved now, with what a restore would do to it.
  const record = conflict ? await loadHistory(id, token, true) : null;
  return data(
    { conflict, revisionId, record, errors: conflict ? {} : fieldErrors(errors, t) },
    { status: conflict ? 409 : 400 },
  );
}

function Change({ type, change, created }: { type: string; change: ChangeView; created: boolean }) {
  const { t, lang } = useT();
  const label = fieldLabel(t, lang, change.field);
  const to = changeValue(t, lang, type, change, 'to');
  if (created) {
    return (
      <div className="change">
        <dt>{label}</dt>
        <dd>{to}</dd>
      </div>
    );
  }
  return (
    <div className="change">
      <dt>{label}</dt>
      <dd>
        <del>
          <span className="visually-hidden">{t('history.before')} </span>
          {changeValue(t, lang, type, change, 'from')}
        </del>
        <span aria-hidden="true"> → </span>
        <ins>
          <span className="visually-hidden">{t('history.after')} </span>
          {to}
        </ins>
      </dd>
    </div>
  );
}

/** The fields a restore would change: the record now beside the version to restore. */
function RestoreTable(props: { type: string; changes: readonly ChangeView[]; version: number }) {
  const { t, lang } = useT();
  return (
    <div
      className="table-wrap"
      role="region"
      tabIndex={0}
      aria-label={t('history.confirmTitle', { version: props.version })}
    >
      <table>
        <thead>
          <tr>
            <th scope="col">{t('history.field')}</th>
            <th scope="col">{t('history.now')}</th>
            <th scope="col">{t('history.restoredValue')}</th>
          </tr>
        </thead>
        <tbody>
          {props.changes.map((change) => (
            <tr key={change.field} className="differs">
              <th scope="row">{fieldLabel(t, lang, change.field)}</th>
              <td>{changeValue(t, lang, props.type, change, 'from')}</td>
              <td>{changeValue(t, lang, props.type, change, 'to')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default function HistoryPage() {
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const record = actionData?.record ?? loaded.record;
  const restore = loaded.restore;
  const { t, lang } = useT();
  const { viewer } = useRootData();
  const type = record.__typename;
  const title = titleOf(record);
  const revisions = [...record.revisions].reverse();
  const selectedId = actionData?.revisionId ?? restore;
  const selected = record.revisions.find((r) => r.id === selectedId) ?? null;
  const here = historyPath(record.id);
  return (
    <article className="history">
      <p className="breadcrumb">
        <Link to={recordPath(type, { id: record.id, slug: 'slug' in record ? record.slug : null })}>
          {title}
        </Link>
      </p>
      <h1>{t('history.titleOf', { title })}</h1>
      <p>{t('history.intro')}</p>

      {selected && viewer?.canCurate ? (
        <section className="confirm-restore" aria-labelledby="confirm-restore-title">
          {actionData?.conflict ? (
            <div className="conflict" role="alert">
              <h2 id="confirm-restore-title">{t('history.conflictTitle')}</h2>
              <p>{t('history.conflictText')}</p>
            </div>
          ) : (
            <h2 id="confirm-restore-title">
              {t('history.confirmTitle', { version: selected.version })}
            </h2>
          )}
          <ErrorSummary errors={actionData?.errors ?? {}} />
          {selected.restorePreview && selected.restorePreview.length > 0 ? (
            <>
              <p>{t('history.confirmText', { version: selected.version })}</p>
              <RestoreTable
                type={type}
                changes={selected.restorePreview}
                version={selected.version}
              />
              <Form
                method="post"
                action={`${here}?restore=${encodeURIComponent(selected.id)}`}
                className="curate-actions"
              >
                <CsrfField />
                <input type="hidden" name="revision" value={selected.id} />
                <input type="hidden" name="version" value={record.version} />
                <input type="hidden" name="restoredVersion" value={selected.version} />
                <button type="submit">{t('history.confirm', { version: selected.version })}</button>
                <Link to={here}>{t('form.cancel')}</Link>
              </Form>
            </>
          ) : (
            <p>
              {t('history.nothingToRestore')} <Link to={here}>{t('common.back')}</Link>
            </p>
          )}
        </section>
      ) : null}

      <ol className="revisions" reversed>
        {revisions.map((revision) => {
          const current = revision.version === record.version;
          const action = t(`history.action.${revision.action}` as MessageKey);
          // A new record lists only the fields it was given a value in.
          const shown =
            revision.action === 'CREATE'
              ? revision.changes.filter((c) => c.to !== null && c.to !== '[]')
              : revision.changes;
          return (
            <li key={revision.id} className="revision">
              <h2 className="revision-title">
                {t('history.version', { version: revision.version })}
                {current ? ` (${t('history.current')})` : ''}
              </h2>
              <p className="meta">
                {revision.restoredFromVersion
                  ? t('history.restoredFrom', { version: revision.restoredFromVersion })
                  : action}{' '}
                · {formatDateTime(revision.createdAt, lang)} ·{' '}
                {revision.actor?.name ?? revision.note ?? t('history.system')}
              </p>
              {shown.length ? (
                <dl className="changes">
                  {shown.map((change) => (
                    <Change
                      key={change.field}
                      type={type}
                      change={change}
                      created={revision.action === 'CREATE'}
                    />
                  ))}
                </dl>
              ) : (
                <p>{t('history.noChanges')}</p>
              )}
              {viewer?.canCurate && !current && revision.action !== 'ANONYMISE' ? (
                <p>
                  <Link
                    to={`${here}?restore=${encodeURIComponent(revision.id)}#confirm-restore-title`}
                    className="button secondary"
                  >
                    {t('history.restore')}
                    <span className="visually-hidden">
                      {' '}
                      ({t('history.version', { version: revision.version })})
                    </span>
                  </Link>
                </p>
              ) : null}
            </li>
          );
        })}
      </ol>
    </article>
  );
}
