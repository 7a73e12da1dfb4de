import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { MeetingDocument } from '../graphql/__generated__/graphql';
import { gql } from '../lib/api.server';
import { formatCalendarDate, formatRange, isoDateTime } from '../lib/format';
import { type MessageKey, contentLang } from '../lib/i18n';
import { titleMeta, useT } from '../lib/use-app';
import { venueText } from '../lib/venue';

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  titleMeta(matches, null, data?.meeting.title);

export async function loader({ params }: LoaderFunctionArgs) {
  const result = await gql(MeetingDocument, { id: params.id ?? '' });
  if (result.node?.__typename !== 'Meeting') throw new Response('Not found', { status: 404 });
  return { meeting: result.node };
}

export default function MeetingPage() {
  const { meeting } = useLoaderData<typeof loader>();
  const { t, lang } = useT();
  const place = venueText(meeting.venue);
  const next = meeting.nextMeeting;
  return (
    <article className="meeting">
      <p className="breadcrumb">
        <Link to="/meetings">{t('meetings.title')}</Link>
      </p>
      <h1>{meeting.title}</h1>
      <dl className="facts">
        <dt>{t('meetings.when')}</dt>
        <dd>
          <time dateTime={isoDateTime(meeting.startsAt)}>
            {formatRange(meeting.startsAt, meeting.endsAt, lang)}
          </time>
        </dd>
        <dt>{t('meetings.format')}</dt>
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
                    {item.actions.map((a, i) => (
                      <li key={i}>
                        {a.description}{' '}
                        <span className={`badge badge-action badge-${a.status.toLowerCase()}`}>
                          {t(`actionStatus.${a.status}` as MessageKey)}
                        </span>
                        <br />
                        <span className="meta">
                          {a.owner
                            ? `${t('meetings.owner')}: ${a.owner.name}`
                            : t('meetings.noOwner')}
                          {a.dueDate
                            ? ` · ${t('meetings.due')} ${formatCalendarDate(a.dueDate)}`
                            : ''}
                        </span>
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
    </article>
  );
}
