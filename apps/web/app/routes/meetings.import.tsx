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
import { formatCalendarDate, formatRange, isoDateTime } from '../lib/format';
import { type FieldErrors, fieldErrors } from '../lib/forms';
import { CATALOGUES, type MessageKey, translator } from '../lib/i18n';
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

type Plan = NonNullable<Payload['plan']>;
type Coded = { code: string; params: { name: string; value: string }[]; message: string };

/** A warning or import note in the UI's language, from its code and values. */
function useCoded(prefix: 'memoWarning' | 'memoNote') {
  const { t } = useT();
  return (item: Coded): string => {
    const key = `${prefix}.${item.code}`;
    // A code this version of the app has no wording for is shown as the API words it.
    if (!(key in CATALOGUES.fi)) return item.message;
    const params = Object.fromEntries(item.params.map((p) => [p.name, p.value]));
    if (item.code === 'role_assigned') {
      params.role = t(`role.${String(params.role).toUpperCase()}` as MessageKey);
      params.from = formatCalendarDate(String(params.from));
    }
    return t(key as MessageKey, params);
  };
}

/** A record's name, marked when the import creates it. */
function RecordName({ record }: { record: { name: string; isNew: boolean } }) {
  const { t } = useT();
  return (
    <>
      {record.name}
      {record.isNew ? (
        <>
          {' '}
          <span className="badge badge-warning">{t('memoPlan.new')}</span>
        </>
      ) : null}
    </>
  );
}

function venueText(venue: Plan['meeting']['venue']): string {
  if (!venue) return '';
  return [venue.building, venue.floor, venue.room, venue.town].filter(Boolean).join(', ');
}

/**
 * What the import will save, resolved by the API's dry run through the same code that saves:
 * people and organisations as the records they are linked to, new ones marked.
 */
function Preview({ preview }: { preview: Payload }) {
  const { t, lang, count } = useT();
  const warning = useCoded('memoWarning');
  const importNote = useCoded('memoNote');
  const plan = preview.plan;
  const warnings = preview.draft?.warnings ?? [];
  return (
    <section aria-labelledby="draft-title" className="memo-draft">
      <h2 id="draft-title">{t('memo.draft')}</h2>
      {preview.alreadyImported ? <p className="flash">{t('memo.alreadyImported')}</p> : null}
      {plan ? (
        <>
          <p className="hint">{t('memoPlan.intro')}</p>
          <dl className="facts">
            <dt>{t('memoPlan.group')}</dt>
            <dd>
              <RecordName record={plan.meeting.group} />
            </dd>
            <dt>{t('memo.when')}</dt>
            <dd>
              <time dateTime={isoDateTime(plan.meeting.startsAt)}>
                {formatRange(plan.meeting.startsAt, plan.meeting.endsAt ?? null, lang)}
              </time>
            </dd>
            <dt>{t('memo.format')}</dt>
            <dd>
              {t(`format.${plan.meeting.format}` as MessageKey)}
              {plan.meeting.remoteTool ? ` (${plan.meeting.remoteTool})` : ''}
            </dd>
            {plan.meeting.venue ? (
              <>
                <dt>{t('memoPlan.place')}</dt>
                <dd>{venueText(plan.meeting.venue)}</dd>
              </>
            ) : null}
          </dl>
          {plan.meeting.fillsPlanned ? <p>{t('memoPlan.fillsPlanned')}</p> : null}
          <h3>{t('meetings.participants')}</h3>
          <ul className="memo-participants">
            {plan.participants.map((p) => (
              <li key={`${p.attendance}-${p.person.name}`}>
                <RecordName record={p.person} />
                {p.organisation ? (
                  <>
                    , <RecordName record={p.organisation} />
                  </>
                ) : null}
                {p.roles.some((r) => r !== 'MEMBER')
                  ? ` (${p.roles
                      .filter((r) => r !== 'MEMBER')
                      .map((r) => t(`role.${r}` as MessageKey))
                      .join(', ')})`
                  : ''}
                {p.attendance === 'ABSENT' ? ` (${t('memo.absent')})` : ''}
              </li>
            ))}
          </ul>
          <h3>{t('meetings.agenda')}</h3>
          <ol>
            {plan.agenda.map((item) => (
              <li key={item.number} value={item.number}>
                {item.title}
                {item.decisions.length || item.actions.length ? (
                  <ul>
                    {item.decisions.map((d) => (
                      <li key={`d-${d}`}>
                        {t('memo.decision')}: {d}
                      </li>
                    ))}
                    {item.actions.map((a) => (
                      <li key={`a-${a.description}`}>
                        {t('memo.action')}: {a.description}
                        {a.owner ? (
                          <>
                            {' ('}
                            <RecordName record={a.owner} />)
                          </>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ol>
          {plan.links.length ? (
            <>
              <h3>{t('meetings.links')}</h3>
              <ul>
                {plan.links.map((l) => (
                  <li key={l.url} className="url">
                    {l.url}
                    {l.existing ? ` (${t('memoPlan.existingLink')})` : ''}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {plan.nextMeeting ? (
            <>
              <h3>{t('meetings.next')}</h3>
              <p>
                {formatRange(plan.nextMeeting.startsAt, plan.nextMeeting.endsAt ?? null, lang)}
                {plan.nextMeeting.existing ? ` (${t('memoPlan.nextExisting')})` : ''}
              </p>
            </>
          ) : null}
          {plan.trainings.length ? (
            <>
              <h3>{t('memoPlan.trainings')}</h3>
              <ul>
                {plan.trainings.map((tr) => (
                  <li key={tr.title}>
                    {tr.title}
                    <br />
                    <span className="hint">
                      {t(`memoPlan.kind.${tr.kind}` as MessageKey)},{' '}
                      {tr.existing ? t('memoPlan.trainingExisting') : t('memoPlan.trainingStatus')}
                      {tr.sessions.some((s) => s.town) || tr.remoteParticipation
                        ? `. ${t('memoPlan.sessions')}: ${[
                            ...tr.sessions.map((s) => s.town).filter(Boolean),
                            ...(tr.remoteParticipation ? [t('memoPlan.remote')] : []),
                          ].join(', ')}`
                        : ''}
                    </span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {plan.roleChanges.length ? (
            <>
              <h3>{t('memoPlan.roleChanges')}</h3>
              <ul>
                {plan.roleChanges.map((c) => (
                  <li key={`${c.person.name}-${c.role}`}>
                    {t('memoPlan.roleFrom', {
                      name: c.person.name,
                      role: t(`role.${c.role}` as MessageKey),
                      from: formatCalendarDate(c.validFrom),
                    })}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      ) : null}
      {preview.created && !preview.alreadyImported ? (
        <p>
          {t('memo.willCreate', {
            people: count('memo.newPeople', preview.created.people),
            organisations: count('memo.newOrganisations', preview.created.organisations),
            links: count('memo.newLinks', preview.created.resources),
          })}
        </p>
      ) : null}
      {warnings.length || preview.importNotes.length ? (
        <>
          <h3>{t('memo.warnings')}</h3>
          <ul className="memo-warnings">
            {warnings.map((w, i) => (
              <li key={`w-${i}`}>
                {warning(w)}
                {w.line ? ` (${t('memo.line', { line: String(w.line) })})` : ''}
              </li>
            ))}
            {preview.importNotes.map((n, i) => (
              <li key={`n-${i}`}>{importNote(n)}</li>
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
            {result?.preview?.plan ? (
              <button type="submit" name="intent" value="save">
                {t('memo.save')}
              </button>
            ) : null}
          </p>
        </Form>
        {result?.preview ? <Preview preview={result.preview} /> : null}
      </div>
    </div>
  );
}
