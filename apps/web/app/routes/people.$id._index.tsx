import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  data,
  redirect,
} from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { CsrfField, ErrorSummary, Field, SelectField } from '../components/form';
import {
  AddGroupRoleDocument,
  EndGroupRoleDocument,
  type GroupRole,
  OrganisationChoicesDocument,
  PersonPageDocument,
} from '../graphql/__generated__/graphql';
import { gql } from '../lib/api.server';
import { requireSignedIn } from '../lib/auth.server';
import { GROUP_ROLES, directoryErrors, formValues, formatPeriod } from '../lib/directory';
import { type FieldErrors, formText } from '../lib/forms';
import { formatCalendarDate, formatDateTime } from '../lib/format';
import { translator } from '../lib/i18n';
import { requestLang } from '../lib/lang.server';
import { commitSession, getSession, requireCsrf } from '../lib/session.server';
import { titleMeta, useRootData, useT } from '../lib/use-app';

export const meta: MetaFunction<typeof loader> = ({ data: loaded, matches }) =>
  titleMeta(matches, null, loaded?.person.name);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const session = await getSession(request);
  const token = session.get('token');
  const result = await gql(PersonPageDocument, { id: params.id ?? '' }, token);
  if (result.node?.__typename !== 'Person') throw new Response('Not found', { status: 404 });
  // The role form's choices, only for someone who may use it.
  const choices = token ? await gql(OrganisationChoicesDocument, {}, token) : null;
  return {
    person: result.node,
    organisations: choices?.organisations.nodes ?? [],
    groups: choices?.workingGroups ?? [],
  };
}

interface RoleOutcome {
  intent: 'addRole' | 'endRole';
  roleId?: string;
  values: Record<string, string>;
  errors: FieldErrors;
}

/** Adds a role in a working group from a date, or ends one. */
export async function action({ request, params }: ActionFunctionArgs) {
  const { session, token } = await requireSignedIn(request);
  const form = await request.formData();
  requireCsrf(session, form);
  const t = translator(await requestLang(request));
  const id = params.id ?? '';
  let outcome: RoleOutcome;
  if (form.get('intent') === 'endRole') {
    const roleId = formText(form, 'roleId');
    const values = formValues(form, ['validTo']);
    const result = await gql(
      EndGroupRoleDocument,
      { input: { id: roleId, validTo: values.validTo ?? '' } },
      token,
    );
    outcome = {
      intent: 'endRole',
      roleId,
      values,
      errors: directoryErrors(result.endGroupRole.errors, t),
    };
  } else {
    const values = formValues(form, ['groupId', 'role', 'organisationId', 'validFrom', 'validTo']);
    const role = (GROUP_ROLES as readonly string[]).includes(values.role ?? '')
      ? (values.role as GroupRole)
      : 'MEMBER';
    const result = await gql(
      AddGroupRoleDocument,
      {
        input: {
          groupId: values.groupId ?? '',
          personId: id,
          organisationId: values.organisationId || null,
          role,
          validFrom: values.validFrom ?? '',
          validTo: values.validTo || null,
        },
      },
      token,
    );
    outcome = { intent: 'addRole', values, errors: directoryErrors(result.addGroupRole.errors, t) };
  }
  if (Object.keys(outcome.errors).length) return data(outcome, { status: 400 });
  session.flash('flash', t('directory.role.saved'));
  return redirect(`/people/${id}#roles`, {
    headers: { 'Set-Cookie': await commitSession(session) },
  });
}

export default function PersonPage() {
  const { person: p, organisations, groups } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, lang } = useT();
  const { viewer } = useRootData();
  const curate = viewer?.canCurate === true && !p.anonymised;
  const adding = actionData?.intent === 'addRole' ? actionData : null;
  return (
    <article>
      <p className="breadcrumb">
        <Link to="/people">{t('directory.people.title')}</Link>
      </p>
      <h1>{p.name}</h1>
      {p.anonymised ? (
        <p className="notice" role="note">
          {t('directory.person.anonymisedNote')}
        </p>
      ) : (
        <p className="meta">
          {[p.jobTitle, p.team].filter(Boolean).join(', ')}
          {p.organisation ? (
            <>
              {p.jobTitle || p.team ? ' · ' : ''}
              <Link to={`/organisations/${p.organisation.id}`}>{p.organisation.name}</Link>
            </>
          ) : null}
        </p>
      )}
      {viewer && p.email ? (
        <p>
          {t('directory.field.email')}: <a href={`mailto:${p.email}`}>{p.email}</a>
        </p>
      ) : null}
      {curate || (viewer?.isAdmin && !p.anonymised) ? (
        <p className="curate-actions">
          {curate ? (
            <Link to={`/people/${p.id}/edit`} className="button">
              {t('common.edit')}
            </Link>
          ) : null}
          {viewer?.isAdmin ? (
            <Link to={`/people/${p.id}/anonymise`} className="button button-danger">
              {t('directory.anonymise.action')}
            </Link>
          ) : null}
        </p>
      ) : null}

      <section aria-labelledby="roles-title" id="roles">
        <h2 id="roles-title">{t('directory.roles.title')}</h2>
        {p.groupRoles.length === 0 ? <p>{t('directory.roles.none')}</p> : null}
        <ul className="periods">
          {p.groupRoles.map((r) => {
            const ending = actionData?.intent === 'endRole' && actionData.roleId === r.id;
            return (
              <li key={r.id} className="period">
                <strong>{t(`role.${r.role}`)}</strong>, {r.group.shortName ?? r.group.name}{' '}
                <span className="meta">
                  {formatPeriod(t, r.validFrom, r.validTo, formatCalendarDate)}
                  {r.organisation ? ` · ${r.organisation.name}` : ''}
                </span>
                {curate && !r.validTo ? (
                  <details className="inline-details" open={ending}>
                    <summary>{t('directory.roles.end')}</summary>
                    <Form method="post" className="inline-form">
                      <CsrfField />
                      <input type="hidden" name="intent" value="endRole" />
                      <input type="hidden" name="roleId" value={r.id} />
                      <Field
                        name={`validTo-${r.id}`}
                        label={t('directory.roles.endOn', { role: t(`role.${r.role}`) })}
                        error={ending ? actionData.errors.validTo : undefined}
                      >
                        <input
                          id={`field-validTo-${r.id}`}
                          name="validTo"
                          type="date"
                          required
                          defaultValue={ending ? actionData.values.validTo : ''}
                          aria-invalid={ending && actionData.errors.validTo ? true : undefined}
                          aria-describedby={
                            ending && actionData.errors.validTo
                              ? `field-validTo-${r.id}-error`
                              : undefined
                          }
                        />
                      </Field>
                      <button type="submit" className="secondary">
                        {t('directory.roles.end')}
                      </button>
                    </Form>
                  </details>
                ) : null}
              </li>
            );
          })}
        </ul>
        {curate && groups.length ? (
          <details className="subform" open={Boolean(adding)}>
            <summary id="add-role">{t('directory.roles.add')}</summary>
            <Form method="post" className="form" noValidate>
              <CsrfField />
              <input type="hidden" name="intent" value="addRole" />
              <ErrorSummary errors={adding?.errors ?? {}} />
              <SelectField
                name="groupId"
                label={t('directory.roles.group')}
                defaultValue={adding?.values.groupId}
                error={adding?.errors.groupId}
                options={groups.map((g): [string, string] => [g.id, g.name])}
              />
              <SelectField
                name="role"
                label={t('directory.roles.role')}
                defaultValue={adding?.values.role ?? 'MEMBER'}
                error={adding?.errors.role}
                options={GROUP_ROLES.map((role): [string, string] => [role, t(`role.${role}`)])}
              />
              <SelectField
                name="organisationId"
                label={t('directory.roles.represents')}
                defaultValue={adding?.values.organisationId ?? p.organisation?.id ?? ''}
                error={adding?.errors.organisationId}
                options={[
                  ['', t('directory.field.noOrganisation')],
                  ...organisations.map((o): [string, string] => [o.id, o.name]),
                ]}
              />
              <Field
                name="validFrom"
                type="date"
                label={t('directory.period.fromLabel')}
                hint={t('directory.roles.fromHint')}
                defaultValue={adding?.values.validFrom}
                error={adding?.errors.validFrom}
                required
              />
              <Field
                name="validTo"
                type="date"
                label={t('directory.period.toLabel')}
                hint={t('directory.period.toHint')}
                defaultValue={adding?.values.validTo}
                error={adding?.errors.validTo}
                optional
              />
              <p className="form-actions">
                <button type="submit">{t('directory.roles.save')}</button>
              </p>
            </Form>
          </details>
        ) : null}
      </section>

      {viewer && p.revisions.length ? (
        <section aria-labelledby="history">
          <h2 id="history">{t('resources.history')}</h2>
          <ul>
            {p.revisions.map((revision) => (
              <li key={revision.version}>
                {t('resources.version', { version: revision.version })}:{' '}
                {formatDateTime(revision.createdAt, lang)}
                {revision.actor ? ` – ${revision.actor.name}` : ''}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}
