/**
 * The meeting editor: basic facts, place or remote link, participants, the numbered agenda with
 * notes, decisions and actions, open actions of earlier meetings to carry over, and the next
 * meeting. Every "add"/"remove" is a submit button (`intent`), so the form grows and shrinks
 * without JavaScript; the server re-renders it with the values entered so far.
 */
import { Form, Link } from '@remix-run/react';
import { type ReactNode } from 'react';
import { formatCalendarDate, formatDate } from '../lib/format';
import { type FieldErrors } from '../lib/forms';
import {
  ACTION_STATUSES,
  MEETING_FORMATS,
  MEETING_ROLES,
  MEETING_STATUSES,
  type MeetingChoices,
  type MeetingValues,
} from '../lib/meeting-form';
import { useT } from '../lib/use-app';
import { CsrfField, ErrorSummary, Field } from './form';

export interface CarryOption {
  id: string;
  description: string;
  dueDate?: string | null;
  overdue: boolean;
  owner?: { name: string } | null;
  meeting: { title: string; startsAt: string };
}

interface RowFieldProps {
  name: string;
  label: string;
  errors: FieldErrors;
  focus: string | null;
  children: (common: {
    id: string;
    name: string;
    'aria-invalid': true | undefined;
    'aria-describedby': string | undefined;
    autoFocus: boolean | undefined;
  }) => ReactNode;
}

/** A labelled control of a repeating row, its error beside it. */
function RowField({ name, label, errors, focus, children }: RowFieldProps) {
  const id = `field-${name}`;
  const error = errors[name];
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      ) : null}
      {children({
        id,
        name,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': error ? `${id}-error` : undefined,
        autoFocus: focus === name ? true : undefined,
      })}
    </div>
  );
}

/** A group-level error (e.g. a person listed twice), at the top of its fieldset. */
function GroupError({ id, error }: { id: string; error: string | undefined }) {
  if (!error) return null;
  return (
    <p className="field-error" id={id} tabIndex={-1}>
      <span aria-hidden="true">⚠ </span>
      {error}
    </p>
  );
}

export function MeetingForm(props: {
  values: MeetingValues;
  errors: FieldErrors;
  choices: MeetingChoices;
  carryOptions: CarryOption[];
  focus: string | null;
  cancelTo: string;
  version?: number;
  /** The id of the meeting being edited (left out of the next-meeting choices). */
  meetingId?: string;
  submitLabel?: string | undefined;
}) {
  const { t } = useT();
  const { values: v, errors, choices, focus } = props;
  const people = [
    ['', t('meetingForm.choose')] as const,
    ...choices.people.map((p) => [p.id, p.name] as const),
  ];
  const organisations = [
    ['', t('meetingForm.none')] as const,
    ...choices.organisations.map((o) => [o.id, o.name] as const),
  ];
  const options = (list: readonly (readonly [string, string])[]) =>
    list.map(([value, label]) => (
      <option key={value} value={value}>
        {label}
      </option>
    ));
  const text = (name: string, label: string, value: string, type = 'text') => (
    <RowField name={name} label={label} errors={errors} focus={focus}>
      {(common) => <input type={type} defaultValue={value} {...common} />}
    </RowField>
  );
  return (
    <Form method="post" className="form meeting-form" noValidate>
      <CsrfField />
      {props.version !== undefined ? (
        <input type="hidden" name="version" value={props.version} />
      ) : null}
      {/* Enter in a text field saves (the first submit button of the form), never removes a row. */}
      <button type="submit" name="intent" value="save" hidden>
        {t('form.save')}
      </button>
      <ErrorSummary errors={errors} />

      <fieldset>
        <legend>{t('meetingForm.basics')}</legend>
        <RowField name="groupId" label={t('meetingForm.group')} errors={errors} focus={focus}>
          {(common) => (
            <select defaultValue={v.groupId} {...common}>
              {options(choices.groups.map((g) => [g.id, g.name] as const))}
            </select>
          )}
        </RowField>
        <Field
          name="title"
          label={t('field.title')}
          hint={t('meetingForm.titleHint')}
          defaultValue={v.title}
          error={errors.title}
          required
        />
        <div className="field-row">
          <Field
            name="startsAt"
            type="datetime-local"
            label={t('meetingForm.startsAt')}
            hint={t('meetingForm.timeHint')}
            defaultValue={v.startsAt}
            error={errors.startsAt}
            required
          />
          <Field
            name="endsAt"
            type="datetime-local"
            label={t('meetingForm.endsAt')}
            defaultValue={v.endsAt}
            error={errors.endsAt}
            optional
          />
        </div>
        <div className="field-row">
          <RowField name="format" label={t('meetingForm.format')} errors={errors} focus={focus}>
            {(common) => (
              <select defaultValue={v.format} {...common}>
                {options(MEETING_FORMATS.map((f) => [f, t(`format.${f}`)] as const))}
              </select>
            )}
          </RowField>
          <RowField name="status" label={t('meetingForm.status')} errors={errors} focus={focus}>
            {(common) => (
              <select defaultValue={v.status} {...common}>
                {options(MEETING_STATUSES.map((s) => [s, t(`meetingStatus.${s}`)] as const))}
              </select>
            )}
          </RowField>
        </div>
        <p className="hint">{t('meetingForm.statusHint')}</p>
        <Field
          name="summary"
          label={t('meetingForm.summary')}
          defaultValue={v.summary}
          error={errors.summary}
          multiline
          rows={3}
          optional
        />
      </fieldset>

      <fieldset>
        <legend>{t('meetingForm.place')}</legend>
        <p className="hint">{t('meetingForm.placeHint')}</p>
        <RowField
          name="venue.organisationId"
          label={t('meetingForm.venueOrganisation')}
          errors={errors}
          focus={focus}
        >
          {(common) => (
            <select defaultValue={v.venue.organisationId} {...common}>
              {options(organisations)}
            </select>
          )}
        </RowField>
        <div className="field-row">
          {text('venue.room', t('meetingForm.room'), v.venue.room)}
          {text('venue.floor', t('meetingForm.floor'), v.venue.floor)}
        </div>
        <div className="field-row">
          {text('venue.building', t('meetingForm.building'), v.venue.building)}
          {text('venue.town', t('meetingForm.town'), v.venue.town)}
        </div>
        {text('venue.street', t('meetingForm.street'), v.venue.street)}
        <div className="field-row">
          {text('remoteTool', t('meetingForm.remoteTool'), v.remoteTool)}
          {text('remoteUrl', t('meetingForm.remoteUrl'), v.remoteUrl, 'url')}
        </div>
      </fieldset>

      <fieldset id="field-participants" tabIndex={-1}>
        <legend>{t('meetings.participants')}</legend>
        <p className="hint">{t('meetingForm.participantsHint')}</p>
        <GroupError id="field-participants-error" error={errors.participants} />
        {v.participants.map((p, i) => (
          <fieldset key={i} className="row-group">
            <legend>{t('meetingForm.participantN', { n: i + 1 })}</legend>
            <div className="field-row">
              <RowField
                name={`participants.${i}.personId`}
                label={t('meetingForm.person')}
                errors={errors}
                focus={focus}
              >
                {(common) => (
                  <select defaultValue={p.personId} {...common}>
                    {options(people)}
                  </select>
                )}
              </RowField>
              <RowField
                name={`participants.${i}.organisationId`}
                label={t('meetingForm.organisation')}
                errors={errors}
                focus={focus}
              >
                {(common) => (
                  <select defaultValue={p.organisationId} {...common}>
                    {options(organisations)}
                  </select>
                )}
              </RowField>
            </div>
            <fieldset className="checkboxes">
              <legend>{t('meetingForm.roles')}</legend>
              {MEETING_ROLES.map((role) => (
                <label key={role} className="checkbox">
                  <input
                    type="checkbox"
                    name={`participants.${i}.roles`}
                    value={role}
                    defaultChecked={p.roles.includes(role)}
                  />{' '}
                  {t(`role.${role}`)}
                </label>
              ))}
            </fieldset>
            <RowField
              name={`participants.${i}.attendance`}
              label={t('meetingForm.attendance')}
              errors={errors}
              focus={focus}
            >
              {(common) => (
                <select defaultValue={p.attendance} {...common}>
                  <option value="PRESENT">{t('meetingForm.present')}</option>
                  <option value="ABSENT">{t('meetingForm.absent')}</option>
                </select>
              )}
            </RowField>
            <button
              type="submit"
              name="intent"
              value={`removeParticipant:${i}`}
              className="secondary small"
            >
              {t('meetingForm.removeParticipant', { n: i + 1 })}
            </button>
          </fieldset>
        ))}
        <button type="submit" name="intent" value="addParticipant" className="secondary">
          {t('meetingForm.addParticipant')}
        </button>
      </fieldset>

      <fieldset id="field-agenda" tabIndex={-1}>
        <legend>{t('meetings.agenda')}</legend>
        <GroupError id="field-agenda-error" error={errors.agenda} />
        {v.agenda.map((item, i) => (
          <fieldset key={i} className="row-group agenda-item">
            <legend>{t('meetingForm.agendaN', { n: i + 1 })}</legend>
            {text(`agenda.${i}.title`, t('field.title'), item.title)}
            <RowField
              name={`agenda.${i}.notes`}
              label={t('meetingForm.notes')}
              errors={errors}
              focus={focus}
            >
              {(common) => <textarea rows={3} defaultValue={item.notes} {...common} />}
            </RowField>
            <RowField
              name={`agenda.${i}.decisions`}
              label={t('meetingForm.decisions')}
              errors={errors}
              focus={focus}
            >
              {(common) => (
                <>
                  <p className="hint" id={`field-agenda.${i}.decisions-hint`}>
                    {t('meetingForm.decisionsHint')}
                  </p>
                  <textarea
                    rows={2}
                    defaultValue={item.decisions}
                    {...common}
                    aria-describedby={
                      [common['aria-describedby'], `field-agenda.${i}.decisions-hint`]
                        .filter(Boolean)
                        .join(' ') || undefined
                    }
                  />
                </>
              )}
            </RowField>
            {item.actions.map((a, j) => (
              <fieldset key={j} className="row-group action-row">
                <legend>{t('meetingForm.actionN', { n: i + 1, m: j + 1 })}</legend>
                {text(
                  `agenda.${i}.actions.${j}.description`,
                  t('meetingForm.actionText'),
                  a.description,
                )}
                <div className="field-row">
                  <RowField
                    name={`agenda.${i}.actions.${j}.ownerId`}
                    label={t('meetings.owner')}
                    errors={errors}
                    focus={focus}
                  >
                    {(common) => (
                      <select defaultValue={a.ownerId} {...common}>
                        {options([['', t('meetingForm.noOwner')], ...people.slice(1)])}
                      </select>
                    )}
                  </RowField>
                  {text(`agenda.${i}.actions.${j}.dueDate`, t('meetings.due'), a.dueDate, 'date')}
                  <RowField
                    name={`agenda.${i}.actions.${j}.status`}
                    label={t('meetingForm.actionStatus')}
                    errors={errors}
                    focus={focus}
                  >
                    {(common) => (
                      <select defaultValue={a.status} {...common}>
                        {options(ACTION_STATUSES.map((s) => [s, t(`actionStatus.${s}`)] as const))}
                      </select>
                    )}
                  </RowField>
                </div>
                <button
                  type="submit"
                  name="intent"
                  value={`removeAction:${i}:${j}`}
                  className="secondary small"
                >
                  {t('meetingForm.removeAction', { n: i + 1, m: j + 1 })}
                </button>
              </fieldset>
            ))}
            <div className="row-buttons">
              <button type="submit" name="intent" value={`addAction:${i}`} className="secondary">
                {t('meetingForm.addAction', { n: i + 1 })}
              </button>
              <button
                type="submit"
                name="intent"
                value={`removeAgenda:${i}`}
                className="secondary small"
              >
                {t('meetingForm.removeAgenda', { n: i + 1 })}
              </button>
            </div>
          </fieldset>
        ))}
        <button type="submit" name="intent" value="addAgenda" className="secondary">
          {t('meetingForm.addAgenda')}
        </button>
      </fieldset>

      {props.carryOptions.length ? (
        <fieldset className="carry-over">
          <legend>{t('meetingForm.carryOver')}</legend>
          <p className="hint">{t('meetingForm.carryOverHint')}</p>
          {props.carryOptions.map((a) => (
            <label key={a.id} className="checkbox">
              <input type="checkbox" name="carry" value={a.id} />
              <span>
                {a.description}{' '}
                <span className="meta">
                  ({a.owner?.name ?? t('meetingForm.noOwner')}
                  {a.dueDate ? `, ${t('meetings.due')} ${formatCalendarDate(a.dueDate)}` : ''}
                  {a.overdue ? `, ${t('actions.overdue')}` : ''} – {a.meeting.title})
                </span>
              </span>
            </label>
          ))}
          <button type="submit" name="intent" value="carryOver" className="secondary">
            {t('meetingForm.carryOverButton')}
          </button>
        </fieldset>
      ) : null}

      <fieldset>
        <legend>{t('meetings.next')}</legend>
        <RowField
          name="nextMeetingId"
          label={t('meetingForm.nextMeeting')}
          errors={errors}
          focus={focus}
        >
          {(common) => (
            <select defaultValue={v.nextMeetingId} {...common}>
              {options([
                ['', t('meetingForm.none')],
                ...choices.meetings
                  .filter((m) => m.id !== props.meetingId)
                  .map((m) => [m.id, `${m.title} (${formatDate(m.startsAt)})`] as const),
              ])}
            </select>
          )}
        </RowField>
        <p className="hint">{t('meetingForm.nextHint')}</p>
      </fieldset>

      <div className="form-actions">
        <button type="submit" name="intent" value="save">
          {props.submitLabel ?? t('form.save')}
        </button>
        <Link to={props.cancelTo}>{t('form.cancel')}</Link>
      </div>
    </Form>
  );
}
