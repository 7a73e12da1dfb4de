import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  data,
  redirect,
} from '@remix-run/node';
import { useActionData } from '@remix-run/react';
import { ContentForm, contentValues } from '../components/content-form';
import { CreateBestPracticeDocument, type Language } from '../graphql/__generated__/graphql';
import { gql } from '../lib/api.server';
import { requireSignedIn } from '../lib/auth.server';
import { fieldErrors, parseTags } from '../lib/forms';
import { translator } from '../lib/i18n';
import { requestLang } from '../lib/lang.server';
import { commitSession, requireCsrf } from '../lib/session.server';
import { titleMeta, useT } from '../lib/use-app';

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, 'bestPractices.add');

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
    CreateBestPracticeDocument,
    {
      input: {
        title: values.title ?? '',
        summary: values.summary || null,
        body: values.body || null,
        tags: parseTags(values.tags ?? ''),
        language: (values.language || 'FI') as Language,
      },
    },
    token,
  );
  const { bestPractice, errors } = result.createBestPractice;
  if (!bestPractice) return data({ values, errors: fieldErrors(errors, t) }, { status: 400 });
  session.flash('flash', t('resources.saved'));
  return redirect(`/best-practices/${bestPractice.id}`, {
    headers: { 'Set-Cookie': await commitSession(session) },
  });
}

export default function NewBestPractice() {
  const actionData = useActionData<typeof action>();
  const { t } = useT();
  return (
    <div className="narrow">
      <h1>{t('bestPractices.add')}</h1>
      <ContentForm
        key={JSON.stringify(actionData ?? {})}
        kind="bestPractice"
        values={actionData?.values ?? {}}
        errors={actionData?.errors ?? {}}
        cancelTo="/best-practices"
      />
    </div>
  );
}
