import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { useActionData, useLoaderData, useParams } from '@remix-run/react';
import { ConflictTable } from '../components/conflict';
import { PersonForm } from '../components/directory-forms';
import {
  OrganisationChoicesDocument,
  PersonPageDocument,
  UpdatePersonDocument,
} from '../graphql/__generated__/graphql';
import { gql } from '../lib/api.server';
import { requireSignedIn } from '../lib/auth.server';
import {
  type FormValues,
  PERSON_FIELDS,
  directoryErrors,
  formValues,
  personInput,
} from '../lib/directory';
import { editOutcome } from '../lib/edit.server';
import { type MessageKey, translator } from '../lib/i18n';
import { requestLang } from '../lib/lang.server';
import { requireCsrf } from '../lib/session.server';
import { titleMeta, useT } from '../lib/use-app';

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, 'directory.person.edit');

async function loadPerson(id: string, token: string) {
  const result = await gql(PersonPageDocument, { id }, token);
  // An anonymised person has nothing left to edit.
  if (result.node?.__typename !== 'Person' || result.node.anonymised) {
    throw new Response('Not found', { status: 404 });
  }
  const p = result.node;
  const values: FormValues = {
    name: p.name,
    email: p.email ?? '',
    jobTitle: p.jobTitle ?? '',
    team: p.team ?? '',
    organisationId: p.organisation?.id ?? '',
  };
  return { values, version: p.version };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { token } = await requireSignedIn(request);
  const [person, choices] = await Promise.all([
    loadPerson(params.id ?? '', token),
    gql(OrganisationChoicesDocument, {}, token),
  ]);
  return { ...person, organisations: choices.organisations.nodes };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { session, token } = await requireSignedIn(request);
  const form = await request.formData();
  requireCsrf(session, form);
  const t = translator(await requestLang(request));
  const id = params.id ?? '';
  const values = formValues(form, PERSON_FIELDS);
  const version = Number(form.get('version'));
  const result = await gql(
    UpdatePersonDocument,
    { input: { id, version, ...personInput(values) } },
    token,
  );
  return editOutcome({
    saved: Boolean(result.updatePerson.person),
    errors: result.updatePerson.errors,
    session,
    t,
    redirectTo: `/people/${id}`,
    values,
    version,
    reload: () => loadPerson(id, token),
    toFieldErrors: (errors) => directoryErrors(errors, t),
  });
}

const COMPARED: [string, MessageKey][] = [
  ['name', 'directory.field.personName'],
  ['organisationId', 'directory.field.organisation'],
  ['jobTitle', 'directory.field.jobTitle'],
  ['team', 'directory.field.team'],
  ['email', 'directory.field.email'],
];

export default function EditPerson() {
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useT();
  const { id } = useParams();
  const values = actionData?.values ?? loaded.values;
  const version = actionData?.version ?? loaded.version;
  const saved = actionData?.saved ?? null;
  const names = new Map(loaded.organisations.map((o) => [o.id, o.name]));
  const show = (field: string, value: string) =>
    field === 'organisationId' ? (names.get(value) ?? value) : value;
  return (
    <div className={saved ? '' : 'narrow'}>
      <h1>
        {t('directory.person.edit')}: {loaded.values.name}
      </h1>
      {saved ? <ConflictTable fields={COMPARED} yours={values} saved={saved} show={show} /> : null}
      <PersonForm
        key={JSON.stringify(actionData ?? {})}
        values={values}
        version={version}
        errors={saved ? {} : (actionData?.errors ?? {})}
        organisations={loaded.organisations}
        submitLabel={saved ? t('conflict.reapply') : undefined}
        cancelTo={`/people/${id ?? ''}`}
      />
    </div>
  );
}
