import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { useActionData, useLoaderData, useParams } from '@remix-run/react';
import { ResourceForm, type ResourceValues, resourceValues } from '../components/resource-form';
import {
  type Language,
  ResourceDocument,
  type ResourceKind,
  UpdateResourceDocument,
} from '../graphql/__generated__/graphql';
import { gql } from '../lib/api.server';
import { editOutcome } from '../lib/edit.server';
import { requireSignedIn } from '../lib/auth.server';
import { parseTags } from '../lib/forms';
import { type MessageKey, translator } from '../lib/i18n';
import { requestLang } from '../lib/lang.server';
import { requireCsrf } from '../lib/session.server';
import { titleMeta, useT } from '../lib/use-app';

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, 'resources.edit');

async function loadResource(id: string, token: string) {
  const result = await gql(ResourceDocument, { id }, token);
  if (result.node?.__typename !== 'Resource') throw new Response('Not found', { status: 404 });
  const r = result.node;
  const values: ResourceValues = {
    url: r.url,
    title: r.title,
    description: r.description ?? '',
    tags: r.tags.map((tag) => tag.name).join(', '),
    language: r.language,
    kind: r.kind,
  };
  return { values, version: r.version };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { token } = await requireSignedIn(request);
  return loadResource(params.id ?? '', token);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { session, token } = await requireSignedIn(request);
  const form = await request.formData();
  requireCsrf(session, form);
  const t = translator(await requestLang(request));
  const id = params.id ?? '';
  const values = resourceValues(form);
  const version = Number(form.get('version'));
  const result = await gql(
    UpdateResourceDocument,
    {
      input: {
        id,
        version,
        url: values.url,
        title: values.title,
        description: values.description || null,
        tags: parseTags(values.tags),
        language: values.language as Language,
        kind: values.kind as ResourceKind,
      },
    },
    token,
  );
  return editOutcome({
    saved: Boolean(result.updateResource.resource),
    errors: result.updateResource.errors,
    session,
    t,
    redirectTo: `/resources/${id}`,
    values,
    version,
    reload: () => loadResource(id, token),
  });
}

const COMPARED: [keyof ResourceValues, MessageKey][] = [
  ['title', 'field.title'],
  ['url', 'field.url'],
  ['description', 'field.description'],
  ['tags', 'field.tags'],
  ['language', 'field.language'],
  ['kind', 'field.kind'],
];

export default function EditResource() {
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
        {t('resources.edit')}: {loaded.values.title}
      </h1>
      {saved ? (
        <section className="conflict" aria-labelledby="conflict-title">
          <h2 id="conflict-title">{t('conflict.title')}</h2>
          <p>{t('conflict.intro')}</p>
          <div className="table-wrap" role="region" tabIndex={0} aria-labelledby="conflict-title">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('conflict.field')}</th>
                  <th scope="col">{t('conflict.yours')}</th>
                  <th scope="col">{t('conflict.saved')}</th>
                </tr>
              </thead>
              <tbody>
                {COMPARED.map(([field, label]) => (
                  <tr key={field} className={values[field] === saved[field] ? '' : 'differs'}>
                    <th scope="row">{t(label)}</th>
                    <td data-testid={`yours-${field}`}>{values[field]}</td>
                    <td data-testid={`saved-${field}`}>{saved[field]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
      <ResourceForm
        key={JSON.stringify(actionData ?? {})}
        values={values}
        version={version}
        errors={saved ? {} : (actionData?.errors ?? {})}
        submitLabel={saved ? t('conflict.reapply') : undefined}
        cancelTo={`/resources/${id ?? ''}`}
      />
    </div>
  );
}
