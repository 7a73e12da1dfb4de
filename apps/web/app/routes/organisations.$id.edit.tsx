import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  data,
} from '@remix-run/node';
import { useActionData, useLoaderData, useParams } from '@remix-run/react';
import { ConflictTable } from '../components/conflict';
import { OrganisationForm } from '../components/directory-forms';
import {
  OrganisationForEditDocument,
  UpdateOrganisationDocument,
} from '../graphql/__generated__/graphql';
import { gql } from '../lib/api.server';
import { requireSignedIn } from '../lib/auth.server';
import {
  type FormValues,
  ORGANISATION_FIELDS,
  directoryErrors,
  formValues,
  organisationInput,
} from '../lib/directory';
import { editOutcome } from '../lib/edit.server';
import { type ApiUserError } from '../lib/forms';
import { type MessageKey, translator } from '../lib/i18n';
import { requestLang } from '../lib/lang.server';
import { requireCsrf } from '../lib/session.server';
import { titleMeta, useT } from '../lib/use-app';

export const meta: MetaFunction = ({ matches }) =>
  titleMeta(matches, 'directory.organisation.edit');

async function loadOrganisation(id: string, token: string) {
  const result = await gql(OrganisationForEditDocument, { id }, token);
  if (result.node?.__typename !== 'Organisation') throw new Response('Not found', { status: 404 });
  const o = result.node;
  const values: FormValues = Object.fromEntries(
    ORGANISATION_FIELDS.map((field) => [field, o[field] == null ? '' : String(o[field])]),
  );
  return { values, version: o.version };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { token } = await requireSignedIn(request);
  return loadOrganisation(params.id ?? '', token);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { session, token } = await requireSignedIn(request);
  const form = await request.formData();
  requireCsrf(session, form);
  const t = translator(await requestLang(request));
  const id = params.id ?? '';
  const values = formValues(form, ORGANISATION_FIELDS);
  const version = Number(form.get('version'));
  const local: ApiUserError[] = [];
  const input = organisationInput(values, local);
  if (local.length) {
    return data(
      { values, version, errors: directoryErrors(local, t), saved: null },
      { status: 400 },
    );
  }
  const result = await gql(UpdateOrganisationDocument, { input: { id, version, ...input } }, token);
  const outcome = await editOutcome({
    saved: Boolean(result.updateOrganisation.organisation),
    errors: result.updateOrganisation.errors,
    session,
    t,
    redirectTo: `/organisations/${id}`,
    values,
    version,
    reload: () => loadOrganisation(id, token),
    toFieldErrors: (errors) => directoryErrors(errors, t),
  });
  return outcome;
}

const COMPARED: [string, MessageKey][] = [
  ['kind', 'directory.field.kind'],
  ['name', 'directory.field.name'],
  ['nameSv', 'directory.field.nameSv'],
  ['nameEn', 'directory.field.nameEn'],
  ['shortName', 'directory.field.shortName'],
  ['isil', 'directory.field.isil'],
  ['street', 'directory.field.street'],
  ['zipcode', 'directory.field.zipcode'],
  ['city', 'directory.field.city'],
  ['area', 'directory.field.area'],
  ['latitude', 'directory.field.latitude'],
  ['longitude', 'directory.field.longitude'],
  ['homepage', 'directory.field.homepage'],
];

export default function EditOrganisation() {
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useT();
  const { id } = useParams();
  const values = actionData?.values ?? loaded.values;
  const version = actionData?.version ?? loaded.version;
  const saved = actionData?.saved ?? null;
  const show = (field: string, value: string) =>
    field === 'kind' && value ? t(`orgKind.${value}` as MessageKey) : value;
  return (
    <div className={saved ? '' : 'narrow'}>
      <h1>
        {t('directory.organisation.edit')}: {loaded.values.name}
      </h1>
      {saved ? <ConflictTable fields={COMPARED} yours={values} saved={saved} show={show} /> : null}
      <OrganisationForm
        key={JSON.stringify(actionData ?? {})}
        values={values}
        version={version}
        errors={saved ? {} : (actionData?.errors ?? {})}
        submitLabel={saved ? t('conflict.reapply') : undefined}
        cancelTo={`/organisations/${id ?? ''}`}
      />
    </div>
  );
}
