import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { useActionData, useLoaderData, useParams } from '@remix-run/react';
import { ConflictTable } from '../components/conflict';
import {
  type ContentValues,
  ContentForm,
  IDEA_STATUSES,
  contentValues,
} from '../components/content-form';
import {
  DevelopmentIdeaDocument,
  type IdeaStatus,
  type Language,
  UpdateDevelopmentIdeaDocument,
} from '../graphql/__generated__/graphql';
import { gql } from '../lib/api.server';
import { editOutcome } from '../lib/edit.server';
import { requireSignedIn } from '../lib/auth.server';
import { parseTags } from '../lib/forms';
import { type MessageKey, translator } from '../lib/i18n';
import { requestLang } from '../lib/lang.server';
import { requireCsrf } from '../lib/session.server';
import { titleMeta, useT } from '../lib/use-app';

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, 'ideas.edit');

async function loadIdea(id: string, token: string) {
  const result = await gql(DevelopmentIdeaDocument, { id }, token);
  if (result.node?.__typename !== 'DevelopmentIdea') {
    throw new Response('Not found', { status: 404 });
  }
  const idea = result.node;
  const values: ContentValues = {
    title: idea.title,
    status: idea.status,
    description: idea.description ?? '',
    followUp: idea.followUp ?? '',
    tags: idea.tags.map((tag) => tag.name).join(', '),
    language: idea.language,
  };
  return { values, version: idea.version };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { token } = await requireSignedIn(request);
  return loadIdea(params.id ?? '', token);
}

/** A status of the form, or PROPOSED when it is not one (the select offers only these). */
function ideaStatus(value: string | undefined): IdeaStatus {
  return (IDEA_STATUSES as readonly string[]).includes(value ?? '')
    ? (value as IdeaStatus)
    : 'PROPOSED';
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { session, token } = await requireSignedIn(request);
  const form = await request.formData();
  requireCsrf(session, form);
  const t = translator(await requestLang(request));
  const id = params.id ?? '';
  const values = contentValues(form);
  const version = Number(form.get('version'));
  const result = await gql(
    UpdateDevelopmentIdeaDocument,
    {
      input: {
        id,
        version,
        title: values.title ?? '',
        status: ideaStatus(values.status),
        description: values.description || null,
        followUp: values.followUp || null,
        tags: parseTags(values.tags ?? ''),
        language: (values.language || 'FI') as Language,
      },
    },
    token,
  );
  return editOutcome({
    saved: Boolean(result.updateDevelopmentIdea.developmentIdea),
    errors: result.updateDevelopmentIdea.errors,
    session,
    t,
    redirectTo: `/ideas/${id}`,
    values,
    version,
    reload: () => loadIdea(id, token),
  });
}

const COMPARED: [string, MessageKey][] = [
  ['title', 'field.title'],
  ['status', 'field.status'],
  ['description', 'field.body'],
  ['followUp', 'field.followUp'],
  ['tags', 'field.tags'],
  ['language', 'field.language'],
];

export default function EditIdea() {
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useT();
  const { id } = useParams();
  const values = actionData?.values ?? loaded.values;
  const version = actionData?.version ?? loaded.version;
  const saved = actionData?.saved ?? null;
  const show = (field: string, value: string) => {
    if (!value) return value;
    if (field === 'status') return t(`ideaStatus.${value}` as MessageKey);
    if (field === 'language') return t(`language.${value}` as MessageKey);
    return value;
  };
  return (
    <div className={saved ? '' : 'narrow'}>
      <h1>
        {t('ideas.edit')}: {loaded.values.title}
      </h1>
      {saved ? <ConflictTable fields={COMPARED} yours={values} saved={saved} show={show} /> : null}
      <ContentForm
        key={JSON.stringify(actionData ?? {})}
        kind="idea"
        values={values}
        version={version}
        errors={saved ? {} : (actionData?.errors ?? {})}
        submitLabel={saved ? t('conflict.reapply') : undefined}
        cancelTo={`/ideas/${id ?? ''}`}
      />
    </div>
  );
}
