/**
 * Anonymising a person (GDPR), for administrators: a page that says what will happen and asks
 * for an explicit confirmation, a plain POST form that works without JavaScript. Who may do it
 * is decided by the API's domain service: a curator who posts here anyway is refused (403).
 */
import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  data,
  redirect,
} from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { CsrfField, ErrorSummary } from '../components/form';
import {
  AnonymisePersonDocument,
  PersonPageDocument,
  ViewerDocument,
} from '../graphql/__generated__/graphql';
import { gql } from '../lib/api.server';
import { requireSignedIn } from '../lib/auth.server';
import { type MessageKey, translator } from '../lib/i18n';
import { requestLang } from '../lib/lang.server';
import { commitSession, requireCsrf } from '../lib/session.server';
import { titleMeta, useT } from '../lib/use-app';

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, 'directory.anonymise.title');

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { token } = await requireSignedIn(request);
  const [viewer, result] = await Promise.all([
    gql(ViewerDocument, {}, token),
    gql(PersonPageDocument, { id: params.id ?? '' }, token),
  ]);
  // The page is no use to anyone the API would refuse; the API decides again on POST.
  if (!viewer.viewer.isAdmin) throw new Response('Forbidden', { status: 403 });
  if (result.node?.__typename !== 'Person') throw new Response('Not found', { status: 404 });
  if (result.node.anonymised) throw redirect(`/people/${result.node.id}`);
  return { person: result.node };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { session, token } = await requireSignedIn(request);
  const form = await request.formData();
  requireCsrf(session, form);
  const t = translator(await requestLang(request));
  const id = params.id ?? '';
  if (form.get('confirm') !== 'yes') {
    return data({ errors: { confirm: t('directory.anonymise.confirmRequired') } }, { status: 400 });
  }
  // A curator (not an administrator) gets FORBIDDEN from the API, which `gql` answers with 403.
  const result = await gql(AnonymisePersonDocument, { input: { id } }, token);
  if (!result.anonymisePerson.person) {
    const code = result.anonymisePerson.errors[0]?.code ?? 'INVALID';
    return data({ errors: { confirm: t(`error.${code}` as MessageKey) } }, { status: 400 });
  }
  session.flash('flash', t('directory.anonymise.done'));
  return redirect(`/people/${id}`, { headers: { 'Set-Cookie': await commitSession(session) } });
}

export default function AnonymisePerson() {
  const { person } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useT();
  const error = actionData?.errors.confirm;
  return (
    <div className="narrow">
      <p className="breadcrumb">
        <Link to={`/people/${person.id}`}>{person.name}</Link>
      </p>
      <h1>{t('directory.anonymise.title')}</h1>
      <section className="confirm-archive" aria-labelledby="anonymise-what">
        <h2 id="anonymise-what">{t('directory.anonymise.whatTitle', { name: person.name })}</h2>
        <ul>
          <li>{t('directory.anonymise.what1')}</li>
          <li>{t('directory.anonymise.what2')}</li>
          <li>{t('directory.anonymise.what3')}</li>
          <li>{t('directory.anonymise.what4')}</li>
        </ul>
        <p>
          <strong>{t('directory.anonymise.irreversible')}</strong>
        </p>
      </section>
      <Form method="post" className="form" noValidate>
        <CsrfField />
        <ErrorSummary errors={error ? { confirm: error } : {}} />
        <div className={error ? 'field field-invalid' : 'field'}>
          {error ? (
            <p className="field-error" id="field-confirm-error">
              <span aria-hidden="true">⚠ </span>
              {error}
            </p>
          ) : null}
          <p className="checkbox">
            <input
              type="checkbox"
              id="field-confirm"
              name="confirm"
              value="yes"
              required
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? 'field-confirm-error' : undefined}
            />{' '}
            <label htmlFor="field-confirm">
              {t('directory.anonymise.confirmLabel', { name: person.name })}
            </label>
          </p>
        </div>
        <p className="form-actions">
          <button type="submit" className="button-danger">
            {t('directory.anonymise.confirm')}
          </button>{' '}
          <Link to={`/people/${person.id}`}>{t('form.cancel')}</Link>
        </p>
      </Form>
    </div>
  );
}
