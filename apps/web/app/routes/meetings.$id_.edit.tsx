import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { useActionData, useLoaderData, useParams } from '@remix-run/react';
import { ConflictTable } from '../components/conflict';
import { MeetingForm } from '../components/meeting-form';
import { requireSignedIn } from '../lib/auth.server';
import {
  loadMeetingForEdit,
  meetingChoices,
  meetingEditorAction,
} from '../lib/meeting-editor.server';
import { MEETING_COMPARED, meetingSummary } from '../lib/meeting-form';
import { titleMeta, useT } from '../lib/use-app';

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, 'meetingForm.edit');

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { token } = await requireSignedIn(request);
  const [meeting, choices] = await Promise.all([
    loadMeetingForEdit(params.id ?? '', token),
    meetingChoices(token),
  ]);
  return { ...meeting, choices };
}

export async function action({ request, params }: ActionFunctionArgs) {
  return meetingEditorAction(request, params.id ?? '');
}

export default function EditMeeting() {
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useT();
  const { id = '' } = useParams();
  const values = actionData?.values ?? loaded.values;
  const saved = actionData?.saved ?? null;
  return (
    <div className={saved ? '' : 'narrow'}>
      <h1>
        {t('meetingForm.edit')}: {loaded.title}
      </h1>
      {saved ? (
        <ConflictTable
          fields={MEETING_COMPARED}
          yours={meetingSummary(values, loaded.choices, t)}
          saved={meetingSummary(saved, loaded.choices, t)}
        />
      ) : null}
      {loaded.sourceText ? (
        <details className="memo-source">
          <summary>{t('meetingForm.sourceText')}</summary>
          <pre lang="fi">{loaded.sourceText}</pre>
        </details>
      ) : null}
      <MeetingForm
        key={JSON.stringify(actionData ?? {})}
        values={values}
        version={actionData?.version ?? loaded.version}
        errors={saved ? {} : (actionData?.errors ?? {})}
        focus={
          actionData && 'focus' in actionData
            ? typeof actionData.focus === 'string'
              ? actionData.focus
              : null
            : null
        }
        choices={loaded.choices}
        carryOptions={loaded.carryOptions}
        meetingId={id}
        submitLabel={saved ? t('conflict.reapply') : undefined}
        cancelTo={`/meetings/${id}`}
      />
    </div>
  );
}
