import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  data,
  redirect,
} from '@remix-run/node';
import { Link, useActionData } from '@remix-run/react';
import {
  EMPTY_RESOURCE,
  ResourceForm,
  type ResourceValues,
  resourceValues,
} from '../components/resource-form';
import {
  CreateResourceDocument,
  type Language,
  LinkPreviewDocument,
  type ResourceKind,
} from '../graphql/__generated__/graphql';
import { gql } from '../lib/api.server';
import { requireSignedIn } from '../lib/auth.server';
import {
  type FieldErrors,
  duplicateResourceId,
  fieldErrors,
  parseTags,
  resourceGlobalId,
} from '../lib/forms';
import { translator } from '../lib/i18n';
import { requestLang } from '../lib/lang.server';
import { commitSession, requireCsrf } from '../lib/session.server';
import { titleMeta, useT } from '../lib/use-app';

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, 'resources.add');

export async function loader({ request }: LoaderFunctionArgs) {
  await requireSignedIn(request);
  return null;
}

interface ActionResult {
  values: ResourceValues;
  errors: FieldErrors;
  notice: 'prefilled' | 'prefillFailed' | 'prefillNotAllowed' | null;
  duplicateOf: string | null;
}

export async function action({ request }: ActionFunctionArgs) {
  const { session, token } = await requireSignedIn(request);
  const form = await request.formData();
  requireCsrf(session, form);
  const t = translator(await requestLang(request));
  const values = resourceValues(form);
  if (form.get('intent') === 'prefill') {
    // The API fetches the page, through its outbound guard; this app never fetches outward.
    const answer = values.url
      ? (await gql(LinkPreviewDocument, { url: values.url }, token)).linkPreview
      : null;
    const preview = answer?.preview ?? null;
    const result: ActionResult = {
      values: preview
        ? {
            ...values,
            title: values.title || preview.title || '',
            description: values.description || preview.description || '',
          }
        : values,
      errors: {},
      notice: preview?.title
        ? 'prefilled'
        : answer?.error?.code === 'ADDRESS_NOT_ALLOWED'
          ? 'prefillNotAllowed'
          : 'prefillFailed',
      duplicateOf: null,
    };
    return data(result);
  }
  const result = await gql(
    CreateResourceDocument,
    {
      input: {
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
  const { resource, errors } = result.createResource;
  if (!resource) {
    const duplicate = duplicateResourceId(errors);
    const body: ActionResult = {
      values,
      errors: fieldErrors(errors, t),
      notice: null,
      duplicateOf: duplicate === null ? null : resourceGlobalId(duplicate),
    };
    return data(body, { status: 400 });
  }
  session.flash('flash', t('resources.saved'));
  return redirect(`/resources/${resource.id}`, {
    headers: { 'Set-Cookie': await commitSession(session) },
  });
}

export default function NewResource() {
  const actionData = useActionData<typeof action>();
  const { t } = useT();
  const values = actionData?.values ?? EMPTY_RESOURCE;
  return (
    <div className="narrow">
      <h1>{t('resources.add')}</h1>
      <ResourceForm
        key={JSON.stringify(actionData ?? {})}
        values={values}
        errors={actionData?.errors ?? {}}
        withPrefill
        cancelTo="/resources"
        notice={
          <>
            {actionData?.notice ? (
              actionData.notice === 'prefilled' ? (
                <p className="notice" role="status" data-testid="prefill-notice">
                  {t('form.prefilled')}
                </p>
              ) : (
                // A failure must not look like a success: the warning style, and a sign.
                <p className="notice notice-warning" role="status" data-testid="prefill-notice">
                  <span className="notice-icon" aria-hidden="true">
                    ⚠
                  </span>{' '}
                  {t(`form.${actionData.notice}`)}
                </p>
              )
            ) : null}
            {actionData?.duplicateOf ? (
              <p className="notice">
                <Link to={`/resources/${actionData.duplicateOf}`}>{t('form.duplicateLink')}</Link>
              </p>
            ) : null}
          </>
        }
      />
    </div>
  );
}
