/**
 * The server half of the meeting editor (`/meetings/new`, `/meetings/:id/edit`): the choices
 * its selects offer, the saved meeting as form values, and one action for both routes (save,
 * or re-render with a row added, removed or carried over).
 */
import { data } from '@remix-run/node';
import {
  CreateMeetingDocument,
  MeetingChoicesDocument,
  MeetingEditorDocument,
  type OpenActionFieldsFragment,
  OpenActionsDocument,
  UpdateMeetingDocument,
} from '../graphql/__generated__/graphql';
import { gql } from './api.server';
import { type EditResult, editOutcome } from './edit.server';
import { formatDate } from './format';
import { type Translate, translator } from './i18n';
import { requestLang } from './lang.server';
import {
  type MeetingChoices,
  type MeetingValues,
  applyRowIntent,
  focusAfter,
  meetingFieldErrors,
  meetingInput,
  meetingIntent,
  meetingValues,
  readMeetingForm,
  withoutBlankRows,
} from './meeting-form';
import { requireSignedIn } from './auth.server';
import { requireCsrf } from './session.server';

/** What the editor's selects offer: groups, people, organisations and meetings. */
export async function meetingChoices(token: string): Promise<MeetingChoices> {
  const r = await gql(MeetingChoicesDocument, {}, token);
  return {
    groups: r.workingGroups,
    people: r.people.nodes,
    organisations: r.organisations.nodes,
    meetings: r.meetings.nodes,
  };
}

/** A saved meeting as the editor shows it, or a 404. */
export async function loadMeetingForEdit(id: string, token: string) {
  const r = await gql(MeetingEditorDocument, { id }, token);
  if (r.node?.__typename !== 'Meeting') throw new Response('Not found', { status: 404 });
  return {
    values: meetingValues(r.node),
    version: r.node.version,
    title: r.node.title,
    sourceText: r.node.sourceText ?? null,
    carryOptions: r.node.earlierOpenActions,
  };
}

/** Open actions of every meeting: what a new meeting's agenda can carry over. */
export async function openActions(token: string): Promise<OpenActionFieldsFragment[]> {
  return (await gql(OpenActionsDocument, {}, token)).actionItems.nodes;
}

/** Agenda items for the chosen open actions, appended after the ones there are. */
function carryOver(
  values: MeetingValues,
  chosen: OpenActionFieldsFragment[],
  t: Translate,
): MeetingValues {
  const items = chosen.map((a) => ({
    title: a.description.slice(0, 300),
    notes: a.owner
      ? t('meetingForm.carriedNote', {
          meeting: a.meeting.title,
          date: formatDate(a.meeting.startsAt),
          owner: a.owner.name,
        })
      : t('meetingForm.carriedNoteNoOwner', {
          meeting: a.meeting.title,
          date: formatDate(a.meeting.startsAt),
        }),
    decisions: '',
    actions: [],
  }));
  return { ...values, agenda: [...withoutBlankRows(values).agenda, ...items] };
}

/** The body of a re-rendered editor: values, errors, and the field to focus. */
export interface MeetingEditResult extends EditResult<MeetingValues> {
  focus: string | null;
}

/**
 * The editor's action for both routes: `meetingId` null creates. A row button re-renders the
 * form (200) with the values kept; save sends them to the API and either redirects to the
 * meeting, or shows the errors (400) or the conflict with both versions (409).
 */
export async function meetingEditorAction(request: Request, meetingId: string | null) {
  const { session, token } = await requireSignedIn(request);
  const form = await request.formData();
  requireCsrf(session, form);
  const t = translator(await requestLang(request));
  const version = Number(form.get('version') ?? 0);
  const intent = meetingIntent(form);
  const posted = readMeetingForm(form);

  if (intent.kind !== 'save') {
    let values = applyRowIntent(posted, intent);
    if (intent.kind === 'carryOver') {
      const ids = new Set(form.getAll('carry').map(String));
      const options = meetingId
        ? (await loadMeetingForEdit(meetingId, token)).carryOptions
        : await openActions(token);
      values = carryOver(
        posted,
        options.filter((a) => ids.has(a.id)),
        t,
      );
    }
    const body: MeetingEditResult = {
      values,
      version,
      errors: {},
      saved: null,
      focus: focusAfter(values, intent),
    };
    return data(body, { status: 200 });
  }

  const values = withoutBlankRows(posted);
  const input = meetingInput(values);
  const result = meetingId
    ? (await gql(UpdateMeetingDocument, { input: { ...input, id: meetingId, version } }, token))
        .updateMeeting
    : (await gql(CreateMeetingDocument, { input: { ...input, groupId: values.groupId } }, token))
        .createMeeting;
  const outcome = await editOutcome({
    saved: Boolean(result.meeting),
    errors: result.errors,
    session,
    t,
    redirectTo: `/meetings/${result.meeting?.id ?? meetingId ?? ''}`,
    values,
    version,
    reload: async () => {
      const saved = await loadMeetingForEdit(meetingId ?? '', token);
      return { values: saved.values, version: saved.version };
    },
    toFieldErrors: (errors) => meetingFieldErrors(errors, t, values),
  });
  return outcome;
}
