import { type ActionFunctionArgs, type MetaFunction, data, redirect } from '@remix-run/node';
import { Form, useActionData, useSearchParams } from '@remix-run/react';
import { CsrfField, ErrorSummary, Field } from '../components/form';
import { SignInDocument } from '../graphql/__generated__/graphql';
import { gql } from '../lib/api.server';
import { safeBack } from '../lib/auth.server';
import { formText } from '../lib/forms';
import { translator } from '../lib/i18n';
import { requestLang } from '../lib/lang.server';
import { commitSession, getSession, requireCsrf } from '../lib/session.server';
import { titleMeta, useT } from '../lib/use-app';

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, 'auth.signIn');

export async function action({ request }: ActionFunctionArgs) {
  const session = await getSession(request);
  const form = await request.formData();
  requireCsrf(session, form);
  const t = translator(await requestLang(request));
  const email = formText(form, 'email');
  const password = form.get('password');
  const result = await gql(SignInDocument, {
    input: { email, password: typeof password === 'string' ? password : '' },
  });
  if (!result.signIn.token) {
    return data({ email, error: t('auth.failed') }, { status: 401 });
  }
  session.set('token', result.signIn.token);
  return redirect(safeBack(form.get('back')), {
    headers: { 'Set-Cookie': await commitSession(session) },
  });
}

export default function SignIn() {
  const { t } = useT();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const errors: Record<string, string> = actionData?.error ? { password: actionData.error } : {};
  return (
    <div className="narrow">
      <h1>{t('auth.signIn')}</h1>
      <p>{t('auth.intro')}</p>
      <ErrorSummary errors={errors} />
      <Form method="post" className="form">
        <CsrfField />
        <input type="hidden" name="back" value={params.get('back') ?? '/'} />
        <Field
          name="email"
          type="email"
          label={t('auth.email')}
          autoComplete="username"
          defaultValue={actionData?.email}
          required
        />
        <Field
          name="password"
          type="password"
          label={t('auth.password')}
          autoComplete="current-password"
          error={actionData?.error}
          required
        />
        <button type="submit">{t('auth.signIn')}</button>
      </Form>
    </div>
  );
}
