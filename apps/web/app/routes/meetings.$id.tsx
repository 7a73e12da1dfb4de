import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { ActionList } from '../components/action-list';
import { CurateActions, archiveIntent } from '../components/archive';
import { ArchiveMeetingDocument, MeetingDocument } from '../graphql/__generated__/graphql';
import { gql } from '../lib/api.server';
import { requireSignedIn } from '../lib/auth.server';
import { formatCalendarDate, formatRange, isoDateTime } from '../lib/format';
import { type MessageKey, contentLang, translator } from '../lib/i18n';
import { requestLang } from '../lib/lang.server';
import { commitSession, getSession, requireCsrf } from '../lib/session.server';
import { titleMeta, useRootData, useT } from '../lib/use-app';
import { venueText } from '../lib/venue';

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  titleMeta(matches, null, data?.meeting.title);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const session = await getSession(request);
  const result = await gql(MeetingDocument, { id: params.id ?? '' }, session.get('token'));
  if (result.node?.__typename !== 'Meeting') throw new Response('Not found', { status: 404 });
  return { meeting: result.node };
}

/** Archive, after a confirmation step (both plain POST forms). */
export async function action({ request, params }: ActionFunctionArgs) {
  const { session, token } = await requireSignedIn(request);
  const form = await request.formData();
  requireCsrf(session, form);
  if (archiveIntent(form) === 'confirmArchive') return { confirmArchive: true };
  const t = translator(await requestLang(request));
  const result = await gql(
    ArchiveMeetingDocument,
    { input: { id: params.id ?? '', version: Number(form.get('version')) } },
    token,
  );
  if (result.archiveMeeting.errors.length) {
    session.flash('flash', t('error.CONFLICT'));
    return redirect(`/meetings/${params.id}`, {
      headers: { 'Set-Cookie': await commitSession(session) },
    });
  }
  session.flash('flash', t('meetingForm.archived'));
  return redirect('/meetings', { headers: { 'Set-Cookie': await commitSession(session) } });
}

export default function MeetingPage() {
  const { meeting } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, lang } = useT();
  const { viewer } = useRootData();
  const place = venueText(meeting.venue);
  const next = meeting.nextMeeting;
  return (
    <article className="meeting">
      <p className="breadcrumb">
        <Link to="/meetings">{t('meetings.title')}</Link>
      </p>
      <h1>{meeting.title}</h1>
      {viewer?.canCurate ? (
        <CurateActions
          editTo={`/meetings/${meeting.id}/edit`}
          cancelTo={`/meetings/${meeting.id}`}
          version={meeting.version}
          confirming={actionData?.confirmArchive === true}
        />
      ) : null}
      <dl className="facts">
        <dt>{t('meetingForm.status')}</dt>
        <dd className="meeting-status">{t(`meetingStatus.${meeting.status}` as MessageKey)}</dd>
        <dt>{t('meetings.when')}</dt>
        <dd>
          <time dateTime={isoDateTime(meeting.startsAt)}>
            {formatRange(meeting.startsAt, meeting.endsAt, lang)}
          </time>
        </dd>
        <dt>{t('meetingForm.format')}</dt>
        <dd>
          {t(`format.${meeting.format}` as MessageKey)}
          {meeting.remoteTool ? ` (${meeting.remoteTool})` : ''}
        </dd>
        {place ? (
          <>
            <dt>{t('meetings.where')}</dt>
            <dd>{place}</dd>
          </>
        ) : null}
        {meeting.remoteUrl ? (
          <>
            <dt>{t('meetingForm.remoteUrl')}</dt>
            <dd>
              <a href={meeting.remoteUrl} className="break">
                {meeting.remoteUrl}
              </a>
            </dd>
          </>
        ) : null}
      </dl>
      {meeting.summary ? <p>{meeting.summary}</p> : null}

      <section aria-labelledby="participants">
        <h2 id="participants">{t('meetings.participants')}</h2>
        <ul className="participants">
          {meeting.participants.map((p, i) => (
            <li key={i}>
              {p.person.name}
              {p.organisation ? `, ${p.organisation.name}` : ''}
              {p.roles.filter((r) => r !== 'MEMBER').length
                ? ` (${p.roles
                    .filter((r) => r !== 'MEMBER')
                    .map((r) => t(`role.${r}` as MessageKey))
                    .join(', ')})`
                : ''}
              {p.attendance === 'ABSENT' ? ` – ${t('meetings.absent')}` : ''}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="agenda">
        <h2 id="agenda">{t('meetings.agenda')}</h2>
        <ol className="agenda">
          {meeting.agenda.map((item) => (
            <li key={item.id} value={item.number}>
              <h3>{item.title}</h3>
              {item.notes ? <p className="notes">{item.notes}</p> : null}
              {item.decisions.length ? (
                <>
                  <h4>{t('meetings.decisions')}</h4>
                  <ul>
                    {item.decisions.map((d, i) => (
                      <li key={i}>{d.text}</li>
                    ))}
                  </ul>
                </>
              ) : null}
              {item.actions.length ? (
                <>
                  <h4>{t('meetings.actions')}</h4>
                  <ul className="actions">
                    {item.actions.map((a) => (
                      <li key={a.id}>
                        {a.description}{' '}
                        <span className={`badge badge-action badge-${a.status.toLowerCase()}`}>
                          {t(`actionStatus.${a.status}` as MessageKey)}
                        </span>
                        <br />
                        <span className="meta">
                          {a.owner ? (
                            <>
                              {t('meetings.owner')}:{' '}
                              <Link to={`/actions?owner=${encodeURIComponent(a.owner.id)}`}>
                                {a.owner.name}
                              </Link>
                            </>
                          ) : (
                            t('meetings.noOwner')
                          )}
                          {a.dueDate
                            ? ` · ${t('meetings.due')} ${formatCalendarDate(a.dueDate)}`
                            : ''}
                        </span>
                        {a.overdue ? (
                          <>
                            {' '}
                            <strong className="overdue">{t('actions.overdue')}</strong>
                          </>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
            </li>
          ))}
        </ol>
      </section>

      {meeting.resources.length ? (
        <section aria-labelledby="links">
          <h2 id="links">{t('meetings.links')}</h2>
          <ul>
            {meeting.resources.map((r) => (
              <li key={r.id} lang={contentLang(r.language)}>
                <Link to={`/resources/${r.id}`}>{r.title}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {meeting.earlierOpenActions.length ? (
        <section aria-labelledby="earlier-open">
          <h2 id="earlier-open">{t('actions.earlierOpen')}</h2>
          <p>{t('actions.earlierOpenIntro')}</p>
          <ActionList actions={meeting.earlierOpenActions} />
        </section>
      ) : null}

      {next ? (
        <section aria-labelledby="next" className="next-meeting">
          <h2 id="next">{t('meetings.next')}</h2>
          <p>
            <Link to={`/meetings/${next.id}`}>{next.title}</Link>
            <br />
            <time dateTime={isoDateTime(next.startsAt)}>
              {formatRange(next.startsAt, next.endsAt, lang)}
            </time>
            {venueText(next.venue) ? `, ${venueText(next.venue)}` : ''}
          </p>
        </section>
      ) : null}
      {meeting.sourceText ? (
        <section aria-labelledby="source">
          <h2 id="source">{t('meetingForm.sourceText')}</h2>
          <details className="memo-source">
            <summary>{t('meetingForm.showSource')}</summary>
            <pre lang="fi">{meeting.sourceText}</pre>
          </details>
        </section>
      ) : null}
    </article>
  );
}
