import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  data,
  redirect,
} from '@remix-run/node';
import { Form, Link, useActionData } from '@remix-run/react';
import { CsrfField, ErrorSummary } from '../components/form';
import {
  ImportMeetingMemoDocument,
  type ImportMeetingMemoMutation,
} from '../graphql/__generated__/graphql';
import { gql } from '../lib/api.server';
import { requireSignedIn } from '../lib/auth.server';
import { formatRange, isoDateTime } from '../lib/format';
import { type FieldErrors, fieldErrors } from '../lib/forms';
import { type MessageKey, translator } from '../lib/i18n';
import { requestLang } from '../lib/lang.server';
import { MemoUploadError, memoFileText } from '../lib/memo-file.server';
import { commitSession, requireCsrf } from '../lib/session.server';
import { titleMeta, useT } from '../lib/use-app';

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, 'memo.title');

export async function loader({ request }: LoaderFunctionArgs) {
  await requireSignedIn(request);
  return null;
}

type Payload = ImportMeetingMemoMutation['importMeetingMemo'];

interface ActionResult {
  text: string;
  fileName: string | null;
  preview: Payload | null;
  errors: FieldErrors;
}

/**
 * Preview: the memo (pasted, or converted from the uploaded file) is parsed by the API as a dry
 * run and shown beside its text, which the person may correct and preview again. Save: the
 * (corrected) text is imported; the meeting page opens.
 */
export async function action({ request }: ActionFunctionArgs) {
  const { session, token } = await requireSignedIn(request);
  const form = await request.formData();
  requireCsrf(session, form);
  const t = translator(await requestLang(request));
  const intent = form.get('intent') === 'save' ? 'save' : 'preview';
  const textField = form.get('text');
  const fileNameField = form.get('fileName');
  let text = typeof textField === 'string' ? textField : '';
  let fileName = typeof fileNameField === 'string' && fileNameField ? fileNameField : null;
  const file = form.get('file');
  // A file is read on preview only: saving imports the text as shown (and perhaps corrected).
  if (intent === 'preview' && file instanceof File && file.size > 0) {
    try {
      text = await memoFileText(file);
      fileName = file.name;
    } catch (error) {
      if (!(error instanceof MemoUploadError)) throw error;
      const body: ActionResult = {
        text,
        fileName,
        preview: null,
        errors: { file: t(`memo.file.${error.message}` as MessageKey) },
      };
      return data(body, { status: 400 });
    }
  }
  if (!text.trim()) {
    const body: ActionResult = {
      text,
      fileName,
      preview: null,
      errors: { text: t('error.REQUIRED') },
    };
    return data(body, { status: 400 });
  }
  const result = await gql(
    ImportMeetingMemoDocument,
    { input: { text, fileName, dryRun: intent === 'preview' } },
    token,
  );
  const payload = result.importMeetingMemo;
  if (intent === 'save' && payload.meeting) {
    session.flash(
      'flash',
      payload.alreadyImported ? t('memo.alreadyImported') : t('memo.imported'),
    );
    return redirect(`/meetings/${payload.meeting.id}`, {
      headers: { 'Set-Cookie': await commitSession(session) },
    });
  }
  const errors = fieldErrors(payload.errors, t);
  const body: ActionResult = { text, fileName, preview: payload, errors };
  return data(body, { status: payload.errors.length ? 400 : 200 });
}

function Draft({ preview }: { preview: Payload }) {
  const { t, lang } = useT();
  const draft = preview.draft;
  if (!draft) return null;
  return (
    <section aria-labelledby="draft-title" className="memo-draft">
      <h2 id="draft-title">{t('memo.draft')}</h2>
      {preview.alreadyImported ? <p className="flash">{t('memo.alreadyImported')}</p> : null}
      <dl className="facts">
        <dt>{t('memo.when')}</dt>
        <dd>
          {draft.startsAt ? (
            <time dateTime={isoDateTime(draft.startsAt)}>
              {formatRange(draft.startsAt, draft.endsAt ?? null, lang)}
            </time>
          ) : (
            t('memo.noDate')
          )}
        </dd>
        <dt>{t('memo.format')}</dt>
        <dd>
          {t(`format.${draft.format}` as MessageKey)}
          {draft.remotePlatform ? ` (${draft.remotePlatform})` : ''}
          {draft.place ? `, ${draft.place}` : ''}
        </dd>
      </dl>
      <h3>{t('meetings.participants')}</h3>
      <ul>
        {draft.participants.map((p) => (
          <li key={p.name}>
            {p.name}
            {p.organisation || p.place
              ? `, ${[p.organisation, p.place].filter(Boolean).join(', ')}`
              : ''}
            {p.roles.length
              ? ` (${p.roles.map((r) => t(`role.${r.toUpperCase()}` as MessageKey)).join(', ')})`
              : ''}
          </li>
        ))}
        {draft.absent.map((p) => (
          <li key={`absent-${p.name}`}>
            {p.name} ({t('memo.absent')})
          </li>
        ))}
      </ul>
      <h3>{t('meetings.agenda')}</h3>
      <ol>
        {draft.agenda.map((item) => (
          <li key={item.number} value={item.number}>
            {item.title}
            {item.decisions.length ? (
              <ul>
                {item.decisions.map((d) => (
                  <li key={d}>
                    {t('memo.decision')}: {d}
                  </li>
                ))}
              </ul>
            ) : null}
            {item.actions.length ? (
              <ul>
                {item.actions.map((a) => (
                  <li key={a.text}>
                    {t('memo.action')}: {a.text}
                    {a.owner ? ` (${a.owner})` : ''}
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ol>
      {draft.links.length ? (
        <>
          <h3>{t('meetings.links')}</h3>
          <ul>
            {draft.links.map((l) => (
              <li key={l.url} className="url">
                {l.url}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {draft.nextMeeting?.startsAt ? (
        <>
          <h3>{t('meetings.next')}</h3>
          <p>
            {formatRange(draft.nextMeeting.startsAt, draft.nextMeeting.endsAt ?? null, lang)}
            {draft.nextMeeting.place ? `, ${draft.nextMeeting.place.text}` : ''}
          </p>
        </>
      ) : null}
      {preview.created && !preview.alreadyImported ? (
        <p>
          {t('memo.willCreate', {
            people: String(preview.created.people),
            organisations: String(preview.created.organisations),
            links: String(preview.created.resources),
          })}
        </p>
      ) : null}
      {draft.warnings.length || preview.notes.length ? (
        <>
          <h3>{t('memo.warnings')}</h3>
          <ul>
            {draft.warnings.map((w) => (
              <li key={`${w.code}-${w.line ?? ''}-${w.message}`}>
                {w.message}
                {w.line ? ` (${t('memo.line', { line: String(w.line) })})` : ''}
              </li>
            ))}
            {preview.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

export default function ImportMemo() {
  const result = useActionData<typeof action>();
  const { t } = useT();
  const errors = result?.errors ?? {};
  return (
    <div>
      <p>
        <Link to="/meetings">{t('meetings.title')}</Link>
      </p>
      <h1>{t('memo.title')}</h1>
      <p className="lead">{t('memo.intro')}</p>
      <ErrorSummary errors={errors} />
      <div className={result?.preview ? 'memo-layout' : 'narrow'}>
        <Form method="post" encType="multipart/form-data" className="memo-form">
          <CsrfField />
          {result?.fileName ? (
            <input type="hidden" name="fileName" value={result.fileName} />
          ) : null}
          <div className="field">
            <label htmlFor="field-file">{t('memo.file')}</label>
            {errors.file ? (
              <p className="field-error" id="field-file-error">
                {errors.file}
              </p>
            ) : null}
            <input
              key={result?.text ?? ''}
              id="field-file"
              name="file"
              type="file"
              accept=".docx,.md,.txt"
              aria-invalid={errors.file ? true : undefined}
              aria-describedby={errors.file ? 'field-file-error' : undefined}
            />
          </div>
          <div className="field">
            <label htmlFor="field-text">{t('memo.text')}</label>
            <p className="hint" id="field-text-hint">
              {t('memo.textHint')}
            </p>
            {errors.text || errors.startsAt ? (
              <p className="field-error" id="field-text-error">
                {errors.text ?? t('memo.noDate')}
              </p>
            ) : null}
            <textarea
              id="field-text"
              name="text"
              rows={24}
              defaultValue={result?.text ?? ''}
              key={result?.text ?? ''}
              aria-invalid={errors.text || errors.startsAt ? true : undefined}
              aria-describedby={
                errors.text || errors.startsAt
                  ? 'field-text-hint field-text-error'
                  : 'field-text-hint'
              }
            />
          </div>
          <p className="actions">
            <button type="submit" name="intent" value="preview" className="secondary">
              {t('memo.preview')}
            </button>{' '}
            {result?.preview?.draft?.startsAt ? (
              <button type="submit" name="intent" value="save">
                {t('memo.save')}
              </button>
            ) : null}
          </p>
        </Form>
        {result?.preview ? <Draft preview={result.preview} /> : null}
      </div>
    </div>
  );
}
