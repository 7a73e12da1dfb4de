import { type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { MeetingsDocument } from '../graphql/__generated__/graphql';
import { gql } from '../lib/api.server';
import { formatRange, isoDateTime } from '../lib/format';
import { type MessageKey } from '../lib/i18n';
import { titleMeta, useRootData, useT } from '../lib/use-app';
import { venueText } from '../lib/venue';

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, 'meetings.title');

export async function loader() {
  const result = await gql(MeetingsDocument, { first: 100 });
  return { meetings: result.meetings.nodes };
}

export default function Meetings() {
  const { meetings } = useLoaderData<typeof loader>();
  const { t, lang } = useT();
  const { viewer } = useRootData();
  return (
    <>
      <h1>{t('meetings.title')}</h1>
      <p className="lead">{t('meetings.intro')}</p>
      {viewer?.canCurate ? (
        <p className="curate-actions">
          <Link to="/meetings/new" className="button">
            {t('meetingForm.new')}
          </Link>
          <Link to="/meetings/import" className="button">
            {t('meetings.import')}
          </Link>
        </p>
      ) : null}
      <ul className="cards">
        {meetings.map((meeting) => (
          <li key={meeting.id} className="card">
            <h2>
              <Link to={`/meetings/${meeting.id}`}>{meeting.title}</Link>
            </h2>
            <p className="meta">
              <time dateTime={isoDateTime(meeting.startsAt)}>
                {formatRange(meeting.startsAt, meeting.endsAt, lang)}
              </time>{' '}
              · {t(`format.${meeting.format}` as MessageKey)}
              {meeting.remoteTool ? ` (${meeting.remoteTool})` : ''} ·{' '}
              {t(`meetingStatus.${meeting.status}` as MessageKey)}
            </p>
            {venueText(meeting.venue) ? <p>{venueText(meeting.venue)}</p> : null}
          </li>
        ))}
      </ul>
    </>
  );
}
