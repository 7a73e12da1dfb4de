import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  data,
  redirect,
} from '@remix-run/node';
import { useActionData } from '@remix-run/react';
import { ContentForm, contentValues } from '../components/content-form';
import {
  CreateDevelopmentIdeaDocument,
  type IdeaStatus,
  type Language,
} from '../graphql/__generated__/graphql';
import { gql } from '../lib/api.server';
import { requireSignedIn } from '../lib/auth.server';
import { fieldErrors, parseTags } from '../lib/forms';
import { translator } from '../lib/i18n';
import { requestLang } from '../lib/lang.server';
import { commitSession, requireCsrf } from '../lib/session.server';
import { titleMeta, useT } from '../lib/use-app';

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, 'ideas.add');

export async function loader({ request }: LoaderFunctionArgs) {
  await requireSignedIn(request);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const { session, token } = await requireSignedIn(request);
  const form = await request.formData();
  requireCsrf(session, form);
  const t = translator(await requestLang(request));
  const values = contentValues(form);
  const result = await gql(
    CreateDevelopmentIdeaDocument,
    {
      input: {
        title: values.title ?? '',
        description: values.description || null,
        followUp: values.followUp || null,
        status: (values.status || 'PROPOSED') as IdeaStatus,
        tags: parseTags(values.tags ?? ''),
        language: (values.language || 'FI') as Language,
      },
    },
    token,
  );
  const { developmentIdea, errors } = result.createDevelopmentIdea;
  if (!developmentIdea) return data({ values, errors: fieldErrors(errors, t) }, { status: 400 });
  session.flash('flash', t('resources.saved'));
  return redirect(`/ideas/${developmentIdea.id}`, {
    headers: { 'Set-Cookie': await commitSession(session) },
  });
}

export default function NewIdea() {
  const actionData = useActionData<typeof action>();
  const { t } = useT();
  return (
    <div className="narrow">
      <h1>{t('ideas.add')}</h1>
      <ContentForm
        key={JSON.stringify(actionData ?? {})}
        kind="idea"
        values={actionData?.values ?? {}}
        errors={actionData?.errors ?? {}}
        cancelTo="/ideas"
      />
    </div>
  );
}
