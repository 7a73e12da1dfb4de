import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  data,
  redirect,
} from '@remix-run/node';
import { useActionData } from '@remix-run/react';
import { OrganisationForm } from '../components/directory-forms';
import { CreateOrganisationDocument } from '../graphql/__generated__/graphql';
import { gql } from '../lib/api.server';
import { requireSignedIn } from '../lib/auth.server';
import {
  ORGANISATION_FIELDS,
  directoryErrors,
  formValues,
  organisationInput,
} from '../lib/directory';
import { type ApiUserError } from '../lib/forms';
import { translator } from '../lib/i18n';
import { requestLang } from '../lib/lang.server';
import { commitSession, requireCsrf } from '../lib/session.server';
import { titleMeta, useT } from '../lib/use-app';

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, 'directory.organisation.add');

export async function loader({ request }: LoaderFunctionArgs) {
  await requireSignedIn(request);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const { session, token } = await requireSignedIn(request);
  const form = await request.formData();
  requireCsrf(session, form);
  const t = translator(await requestLang(request));
  const values = formValues(form, ORGANISATION_FIELDS);
  const local: ApiUserError[] = [];
  const input = organisationInput(values, local);
  if (local.length) return data({ values, errors: directoryErrors(local, t) }, { status: 400 });
  const result = await gql(CreateOrganisationDocument, { input }, token);
  const { organisation, errors } = result.createOrganisation;
  if (!organisation) return data({ values, errors: directoryErrors(errors, t) }, { status: 400 });
  session.flash('flash', t('resources.saved'));
  return redirect(`/organisations/${organisation.id}`, {
    headers: { 'Set-Cookie': await commitSession(session) },
  });
}

export default function NewOrganisation() {
  const actionData = useActionData<typeof action>();
  const { t } = useT();
  return (
    <div className="narrow">
      <h1>{t('directory.organisation.add')}</h1>
      <OrganisationForm
        key={JSON.stringify(actionData ?? {})}
        values={actionData?.values ?? {}}
        errors={actionData?.errors ?? {}}
        cancelTo="/organisations"
      />
    </div>
  );
}
