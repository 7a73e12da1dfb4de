/**
 * A tag's page (/tags/:slug): every kind of record with the tag, grouped by kind with counts.
 * A merged tag's old address leads to the tag it went into. Curators rename the tag (a plain
 * form; a conflict shows their name beside the saved one) and merge it into another tag in two
 * steps that work without JavaScript: choosing the other tag is a GET (`?merge=<id>`) that
 * shows what will happen, and "Kyllä, yhdistä" POSTs with the version the page showed.
 */
import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  data,
  redirect,
} from '@remix-run/node';
import {
  Form,
  Link,
  type ShouldRevalidateFunction,
  useActionData,
  useLoaderData,
} from '@remix-run/react';
import { ConflictTable } from '../components/conflict';
import { CsrfField, ErrorSummary, Field, SelectField } from '../components/form';
import {
  MergeTagsDocument,
  RenameTagDocument,
  TagChoicesDocument,
  TagPageDocument,
} from '../graphql/__generated__/graphql';
import { gql } from '../lib/api.server';
import { requireSignedIn } from '../lib/auth.server';
import { editOutcome } from '../lib/edit.server';
import { fieldErrors, formText } from '../lib/forms';
import { type MessageKey, type Translate, contentLang, translator } from '../lib/i18n';
import { requestLang } from '../lib/lang.server';
import { commitSession, getSession, requireCsrf } from '../lib/session.server';
import { titleMeta, useRootData, useT } from '../lib/use-app';

export const meta: MetaFunction<typeof loader> = ({ data: loaded, matches }) =>
  titleMeta(matches, 'tags.title', loaded?.tag.name);

async function loadTag(slug: string, token: string | undefined) {
  const result = await gql(TagPageDocument, { slug }, token);
  if (!result.tag) throw new Response('Not found', { status: 404 });
  return result;
}

/**
 * Remix skips reloading after a refused action; after a conflict (409) the page must show what
 * is saved now, so it reloads then too.
 */
export const shouldRevalidate: ShouldRevalidateFunction = ({
  actionStatus,
  defaultShouldRevalidate,
}) => actionStatus === 409 || defaultShouldRevalidate;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const session = await getSession(request);
  const token = session.get('token');
  const slug = params.slug ?? '';
  const page = await loadTag(slug, token);
  const tag = page.tag!;
  if (tag.slug !== slug) throw redirect(`/tags/${encodeURIComponent(tag.slug)}`);
  const choices = token
    ? (await gql(TagChoicesDocument, {}, token)).tags.nodes.filter((c) => c.id !== tag.id)
    : [];
  const mergeId = new URL(request.url).searchParams.get('merge');
  const mergeTarget = choices.find((c) => c.id === mergeId) ?? null;
  return { ...page, tag, choices, mergeTarget };
}

/** The catalogue, with the tag's own words where the shared ones speak of links. */
function tagWords(t: Translate): Translate {
  return (key, params) => {
    if (key === 'error.DUPLICATE') return t('tags.duplicate');
    if (key === 'resources.saved') return t('tags.renamed');
    return t(key, params);
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { session, token } = await requireSignedIn(request);
  const form = await request.formData();
  requireCsrf(session, form);
  const t = translator(await requestLang(request));
  const slug = params.slug ?? '';
  const tagId = formText(form, 'id');
  const version = Number(form.get('version'));
  if (form.get('intent') === 'merge') {
    const result = await gql(
      MergeTagsDocument,
      {
        input: {
          sourceId: tagId,
          targetId: formText(form, 'targetId'),
          sourceVersion: version,
        },
      },
      token,
    );
    const merged = result.mergeTags;
    if (merged.tag) {
      session.flash('flash', t('tags.merged'));
      return redirect(`/tags/${encodeURIComponent(merged.tag.slug)}`, {
        headers: { 'Set-Cookie': await commitSession(session) },
      });
    }
    const conflict = merged.errors.some((e) => e.code === 'CONFLICT');
    return data(
      { intent: 'merge' as const, conflict, errors: conflict ? {} : fieldErrors(merged.errors, t) },
      { status: conflict ? 409 : 400 },
    );
  }
  const values = { name: formText(form, 'name') };
  const result = await gql(
    RenameTagDocument,
    { input: { id: tagId, version, name: values.name } },
    token,
  );
  const renamed = result.updateTag.tag;
  return editOutcome({
    saved: Boolean(renamed),
    errors: result.updateTag.errors,
    session,
    t: tagWords(t),
    redirectTo: `/tags/${encodeURIComponent(renamed?.slug ?? slug)}`,
    values,
    version,
    reload: async () => {
      const current = (await loadTag(slug, token)).tag!;
      return { values: { name: current.name }, version: current.version };
    },
  });
}

const RENAME_COMPARED: [string, MessageKey][] = [['name', 'field.name']];

export default function TagPage() {
  const { tag, resources, bestPractices, developmentIdeas, choices, mergeTarget } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, count } = useT();
  const { viewer } = useRootData();
  const rename = actionData && 'values' in actionData ? actionData : null;
  const merge = actionData && 'intent' in actionData ? actionData : null;
  const renameVersion = rename?.version ?? tag.version;
  const parts = (
    [
      ['tags.resources', tag.usage.resources],
      ['tags.bestPractices', tag.usage.bestPractices],
      ['tags.ideas', tag.usage.developmentIdeas],
    ] as const
  )
    .filter(([, n]) => n > 0)
    .map(([base, n]) => count(base, n));
  const total = count('tags.count', tag.usage.total);
  const summary = parts.length ? `${total}: ${parts.join(', ')}` : total;
  const here = `/tags/${encodeURIComponent(tag.slug)}`;
  return (
    <article>
      <p className="breadcrumb">
        <Link to="/tags">{t('tags.all')}</Link>
      </p>
      <h1>{t('tags.pageTitle', { name: tag.name })}</h1>
      {tag.description ? <p>{tag.description}</p> : null}
      <p className="meta" role="status">
        {summary}
      </p>
      {tag.usage.total === 0 ? <p>{t('tags.nothing')}</p> : null}
      {resources.nodes.length ? (
        <section aria-labelledby="tag-resources">
          <h2 id="tag-resources">{count('tags.resources', resources.totalCount)}</h2>
          <ul>
            {resources.nodes.map((r) => (
              <li key={r.id}>
                <Link to={`/resources/${r.id}`} lang={contentLang(r.language)}>
                  {r.title}
                </Link>{' '}
                <span className="meta">{t(`kind.${r.kind}` as MessageKey)}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {bestPractices.nodes.length ? (
        <section aria-labelledby="tag-practices">
          <h2 id="tag-practices">{count('tags.bestPractices', bestPractices.totalCount)}</h2>
          <ul>
            {bestPractices.nodes.map((p) => (
              <li key={p.id}>
                <Link to={`/best-practices/${p.id}`} lang={contentLang(p.language)}>
                  {p.title}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {developmentIdeas.nodes.length ? (
        <section aria-labelledby="tag-ideas">
          <h2 id="tag-ideas">{count('tags.ideas', developmentIdeas.totalCount)}</h2>
          <ul>
            {developmentIdeas.nodes.map((d) => (
              <li key={d.id}>
                <Link to={`/ideas/${d.id}`} lang={contentLang(d.language)}>
                  {d.title}
                </Link>{' '}
                <span className="meta">{t(`ideaStatus.${d.status}` as MessageKey)}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {viewer?.canCurate ? (
        <section className="tag-curation" aria-labelledby="tag-curation">
          <h2 id="tag-curation">{t('tags.curate')}</h2>
          {mergeTarget ? (
            <section className="confirm-archive" aria-labelledby="confirm-merge-title">
              {merge?.conflict ? (
                <p className="conflict" role="alert">
                  {t('tags.conflict')}
                </p>
              ) : null}
              <h3 id="confirm-merge-title">
                {t('tags.mergeConfirmTitle', { source: tag.name, target: mergeTarget.name })}
              </h3>
              <p>
                {t('tags.mergeConfirmText', {
                  source: tag.name,
                  target: mergeTarget.name,
                  records: parts.length ? parts.join(', ') : total,
                })}
              </p>
              <ErrorSummary errors={merge?.errors ?? {}} />
              <Form method="post" className="curate-actions">
                <CsrfField />
                <input type="hidden" name="intent" value="merge" />
                <input type="hidden" name="id" value={tag.id} />
                <input type="hidden" name="version" value={tag.version} />
                <input type="hidden" name="targetId" value={mergeTarget.id} />
                <button type="submit">{t('tags.mergeConfirm')}</button>
                <Link to={here}>{t('form.cancel')}</Link>
              </Form>
            </section>
          ) : null}

          <h3 id="rename-title">{t('tags.rename')}</h3>
          {rename?.saved ? (
            <ConflictTable fields={RENAME_COMPARED} yours={rename.values} saved={rename.saved} />
          ) : null}
          <ErrorSummary errors={rename?.saved ? {} : (rename?.errors ?? {})} />
          <Form method="post" className="narrow" aria-labelledby="rename-title">
            <CsrfField />
            <input type="hidden" name="intent" value="rename" />
            <input type="hidden" name="id" value={tag.id} />
            <input type="hidden" name="version" value={renameVersion} />
            <Field
              name="name"
              label={t('tags.newName')}
              hint={t('tags.renameHint')}
              defaultValue={rename?.values.name ?? tag.name}
              error={rename?.saved ? undefined : rename?.errors.name}
              required
            />
            <button type="submit">
              {rename?.saved ? t('conflict.reapply') : t('tags.renameSave')}
            </button>
          </Form>

          {choices.length ? (
            <>
              <h3 id="merge-title">{t('tags.merge')}</h3>
              <Form method="get" className="narrow" aria-labelledby="merge-title">
                <p className="hint">{t('tags.mergeHint')}</p>
                <SelectField
                  name="merge"
                  label={t('tags.mergeTarget')}
                  options={[
                    ['', t('tags.mergeChoose')],
                    ...choices.map((c): [string, string] => [c.id, c.name]),
                  ]}
                  defaultValue={mergeTarget?.id ?? ''}
                  error={merge?.errors.targetId}
                />
                <button type="submit" className="secondary">
                  {t('tags.mergeNext')}
                </button>
              </Form>
            </>
          ) : null}
        </section>
      ) : null}
    </article>
  );
}
