/**
 * A list of action items (tehtävät) with their owner, due date, status and meeting. Overdue ones
 * say so in words (and are marked with a border, never colour alone). For curators each row
 * has a small form that sets its status, posting to /actions and coming back here.
 */
import { Form, Link, useLocation } from '@remix-run/react';
import { formatCalendarDate, formatDate } from '../lib/format';
import { ACTION_STATUSES } from '../lib/meeting-form';
import { useRootData, useT } from '../lib/use-app';
import { CsrfField } from './form';

export interface ActionRow {
  id: string;
  description: string;
  status: string;
  dueDate?: string | null;
  overdue: boolean;
  owner?: { id: string; name: string; organisation?: { name: string } | null } | null;
  meeting: { id: string; title: string; startsAt: string };
  agendaItem: { number: number; title: string };
}

export function ActionList({ actions }: { actions: readonly ActionRow[] }) {
  const { t } = useT();
  const { viewer } = useRootData();
  const location = useLocation();
  const back = location.pathname + location.search;
  return (
    <ul className="action-list">
      {actions.map((a) => (
        <li key={a.id} className={a.overdue ? 'action-row is-overdue' : 'action-row'}>
          <p className="action-text">
            {a.overdue ? <strong className="overdue">{t('actions.overdue')}</strong> : null}{' '}
            {a.description}
          </p>
          <dl className="action-facts">
            <dt>{t('meetings.owner')}</dt>
            <dd>
              {a.owner ? (
                <Link to={`/actions?owner=${encodeURIComponent(a.owner.id)}`}>{a.owner.name}</Link>
              ) : (
                t('actions.noOwner')
              )}
              {a.owner?.organisation ? `, ${a.owner.organisation.name}` : ''}
            </dd>
            <dt>{t('meetings.due')}</dt>
            <dd>{a.dueDate ? formatCalendarDate(a.dueDate) : t('actions.noDueDate')}</dd>
            <dt>{t('meetingForm.actionStatus')}</dt>
            <dd>{t(`actionStatus.${a.status}` as 'actionStatus.OPEN')}</dd>
            <dt>{t('actions.meeting')}</dt>
            <dd>
              <Link to={`/meetings/${a.meeting.id}`}>{a.meeting.title}</Link> (
              {formatDate(a.meeting.startsAt)}), {t('actions.item', { n: a.agendaItem.number })}
            </dd>
          </dl>
          {viewer?.canCurate ? (
            <Form method="post" action="/actions" className="action-status-form">
              <CsrfField />
              <input type="hidden" name="id" value={a.id} />
              <input type="hidden" name="back" value={back} />
              <label htmlFor={`status-${a.id}`}>{t('actions.changeStatus')}</label>
              <select id={`status-${a.id}`} name="status" defaultValue={a.status}>
                {ACTION_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {t(`actionStatus.${s}`)}
                  </option>
                ))}
              </select>
              <button type="submit" className="secondary small">
                {t('form.save')}
                <span className="visually-hidden">: {a.description}</span>
              </button>
              {a.status !== 'DONE' ? (
                <button type="submit" name="done" value="1" className="small">
                  {t('actions.markDone')}
                  <span className="visually-hidden">: {a.description}</span>
                </button>
              ) : null}
            </Form>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
