import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  data,
  redirect,
} from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { PersonForm } from '../components/directory-forms';
import {
  CreatePersonDocument,
  OrganisationChoicesDocument,
} from '../graphql/__generated__/graphql';
import { gql } from '../lib/api.server';
import { requireSignedIn } from '../lib/auth.server';
import { PERSON_FIELDS, directoryErrors, formValues, personInput } from '../lib/directory';
import { translator } from '../lib/i18n';
import { requestLang } from '../lib/lang.server';
import { commitSession, requireCsrf } from '../lib/session.server';
import { titleMeta, useT } from '../lib/use-app';

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, 'directory.person.add');

export async function loader({ request }: LoaderFunctionArgs) {
  const { token } = await requireSignedIn(request);
  const choices = await gql(OrganisationChoicesDocument, {}, token);
  // From an organisation's page, the new person belongs to it unless changed.
  const organisation = new URL(request.url).searchParams.get('organisation') ?? '';
  return { organisations: choices.organisations.nodes, organisation };
}

export async function action({ request }: ActionFunctionArgs) {
  const { session, token } = await requireSignedIn(request);
  const form = await request.formData();
  requireCsrf(session, form);
  const t = translator(await requestLang(request));
  const values = formValues(form, PERSON_FIELDS);
  const result = await gql(CreatePersonDocument, { input: personInput(values) }, token);
  const { person, errors } = result.createPerson;
  if (!person) return data({ values, errors: directoryErrors(errors, t) }, { status: 400 });
  session.flash('flash', t('resources.saved'));
  return redirect(`/people/${person.id}`, {
    headers: { 'Set-Cookie': await commitSession(session) },
  });
}

export default function NewPerson() {
  const { organisations, organisation } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useT();
  return (
    <div className="narrow">
      <h1>{t('directory.person.add')}</h1>
      <PersonForm
        key={JSON.stringify(actionData ?? {})}
        values={actionData?.values ?? { organisationId: organisation }}
        errors={actionData?.errors ?? {}}
        organisations={organisations}
        cancelTo="/people"
      />
    </div>
  );
}
