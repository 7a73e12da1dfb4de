import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { MeetingForm } from '../components/meeting-form';
import { requireSignedIn } from '../lib/auth.server';
import { meetingChoices, meetingEditorAction, openActions } from '../lib/meeting-editor.server';
import { newMeetingValues } from '../lib/meeting-form';
import { titleMeta, useT } from '../lib/use-app';

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, 'meetingForm.new');

export async function loader({ request }: LoaderFunctionArgs) {
  const { token } = await requireSignedIn(request);
  const [choices, carryOptions] = await Promise.all([meetingChoices(token), openActions(token)]);
  return { choices, carryOptions, values: newMeetingValues(choices.groups[0]?.id ?? '') };
}

export async function action({ request }: ActionFunctionArgs) {
  return meetingEditorAction(request, null);
}

export default function NewMeeting() {
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useT();
  return (
    <div className="narrow">
      <h1>{t('meetingForm.new')}</h1>
      <MeetingForm
        key={JSON.stringify(actionData ?? {})}
        values={actionData?.values ?? loaded.values}
        errors={actionData?.errors ?? {}}
        focus={
          actionData && 'focus' in actionData
            ? typeof actionData.focus === 'string'
              ? actionData.focus
              : null
            : null
        }
        choices={loaded.choices}
        carryOptions={loaded.carryOptions}
        cancelTo="/meetings"
      />
    </div>
  );
}
