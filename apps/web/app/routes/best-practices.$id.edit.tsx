import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { useActionData, useLoaderData, useParams } from '@remix-run/react';
import { ConflictTable } from '../components/conflict';
import { type ContentValues, ContentForm, contentValues } from '../components/content-form';
import {
  BestPracticeDocument,
  type Language,
  UpdateBestPracticeDocument,
} from '../graphql/__generated__/graphql';
import { gql } from '../lib/api.server';
import { editOutcome } from '../lib/edit.server';
import { requireSignedIn } from '../lib/auth.server';
import { parseTags } from '../lib/forms';
import { type MessageKey, translator } from '../lib/i18n';
import { requestLang } from '../lib/lang.server';
import { requireCsrf } from '../lib/session.server';
import { titleMeta, useT } from '../lib/use-app';

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, 'bestPractices.edit');

async function loadPractice(id: string, token: string) {
  const result = await gql(BestPracticeDocument, { id }, token);
  if (result.node?.__typename !== 'BestPractice') throw new Response('Not found', { status: 404 });
  const p = result.node;
  const values: ContentValues = {
    title: p.title,
    summary: p.summary ?? '',
    body: p.body ?? '',
    tags: p.tags.map((tag) => tag.name).join(', '),
    language: p.language,
  };
  return { values, version: p.version };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { token } = await requireSignedIn(request);
  return loadPractice(params.id ?? '', token);
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
    UpdateBestPracticeDocument,
    {
      input: {
        id,
        version,
        title: values.title ?? '',
        summary: values.summary || null,
        body: values.body || null,
        tags: parseTags(values.tags ?? ''),
        language: (values.language || 'FI') as Language,
      },
    },
    token,
  );
  return editOutcome({
    saved: Boolean(result.updateBestPractice.bestPractice),
    errors: result.updateBestPractice.errors,
    session,
    t,
    redirectTo: `/best-practices/${id}`,
    values,
    version,
    reload: () => loadPractice(id, token),
  });
}

const COMPARED: [string, MessageKey][] = [
  ['title', 'field.title'],
  ['summary', 'field.summary'],
  ['body', 'field.body'],
  ['tags', 'field.tags'],
  ['language', 'field.language'],
];

export default function EditBestPractice() {
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useT();
  const { id } = useParams();
  const values = actionData?.values ?? loaded.values;
  const version = actionData?.version ?? loaded.version;
  const saved = actionData?.saved ?? null;
  return (
    <div className={saved ? '' : 'narrow'}>
      <h1>
        {t('bestPractices.edit')}: {loaded.values.title}
      </h1>
      {saved ? (
        <ConflictTable
          fields={COMPARED}
          yours={values}
          saved={saved}
          show={(field, value) =>
            field === 'language' && value ? t(`language.${value}` as MessageKey) : value
          }
        />
      ) : null}
      <ContentForm
        key={JSON.stringify(actionData ?? {})}
        kind="bestPractice"
        values={values}
        version={version}
        errors={saved ? {} : (actionData?.errors ?? {})}
        submitLabel={saved ? t('conflict.reapply') : undefined}
        cancelTo={`/best-practices/${id ?? ''}`}
      />
    </div>
  );
}
