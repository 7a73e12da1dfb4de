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
  AddOrganisationMembershipDocument,
  EndOrganisationMembershipDocument,
  OrganisationPageDocument,
} from '../graphql/__generated__/graphql';
import { gql } from '../lib/api.server';
import { requireSignedIn } from '../lib/auth.server';
import { directoryErrors, formValues, formatPeriod } from '../lib/directory';
import { type FieldErrors, formText } from '../lib/forms';
import { formatCalendarDate, formatDate, formatDateTime } from '../lib/format';
import { translator } from '../lib/i18n';
import { requestLang } from '../lib/lang.server';
import { commitSession, getSession, requireCsrf } from '../lib/session.server';
import { titleMeta, useRootData, useT } from '../lib/use-app';

export const meta: MetaFunction<typeof loader> = ({ data: loaded, matches }) =>
  titleMeta(matches, null, loaded?.organisation.name);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const session = await getSession(request);
  const result = await gql(OrganisationPageDocument, { id: params.id ?? '' }, session.get('token'));
  const organisation = result.node;
  if (organisation?.__typename !== 'Organisation') {
    throw new Response('Not found', { status: 404 });
  }
  return {
    organisation,
    networks: result.networks.nodes.filter((n) => n.id !== organisation.id),
    visits: result.workVisits.nodes,
  };
}

const MEMBERSHIP_FIELDS = ['networkId', 'validFrom', 'validTo', 'closeCurrent'] as const;

interface MembershipOutcome {
  intent: 'addMembership' | 'endMembership';
  membershipId?: string;
  values: Record<string, string>;
  errors: FieldErrors;
}

/** Adds a network membership (moving, if asked, out of the current one) or ends one. */
export async function action({ request, params }: ActionFunctionArgs) {
  const { session, token } = await requireSignedIn(request);
  const form = await request.formData();
  requireCsrf(session, form);
  const t = translator(await requestLang(request));
  const id = params.id ?? '';
  let outcome: MembershipOutcome;
  if (form.get('intent') === 'endMembership') {
    const membershipId = formText(form, 'membershipId');
    const values = formValues(form, ['validTo']);
    const result = await gql(
      EndOrganisationMembershipDocument,
      { input: { id: membershipId, validTo: values.validTo ?? '' } },
      token,
    );
    const { errors } = result.endOrganisationMembership;
    outcome = { intent: 'endMembership', membershipId, values, errors: directoryErrors(errors, t) };
  } else {
    const values = formValues(form, MEMBERSHIP_FIELDS);
    const result = await gql(
      AddOrganisationMembershipDocument,
      {
        input: {
          memberId: id,
          networkId: values.networkId ?? '',
          validFrom: values.validFrom || null,
          validTo: values.validTo || null,
          closeCurrent: values.closeCurrent === 'on',
        },
      },
      token,
    );
    const { errors } = result.addOrganisationMembership;
    outcome = { intent: 'addMembership', values, errors: directoryErrors(errors, t) };
  }
  if (Object.keys(outcome.errors).length) return data(outcome, { status: 400 });
  session.flash('flash', t('directory.membership.saved'));
  return redirect(`/organisations/${id}#memberships`, {
    headers: { 'Set-Cookie': await commitSession(session) },
  });
}

function Detail({ label, value }: { label: string; value: string | null | undefined }) {
  if (!value) return null;
  return (
    <>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </>
  );
}

export default function OrganisationPage() {
  const { organisation: o, networks, visits } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, lang, count } = useT();
  const { viewer } = useRootData();
  const curate = viewer?.canCurate === true;
  const period = (from?: string | null, to?: string | null) =>
    formatPeriod(t, from, to, formatCalendarDate);
  const adding = actionData?.intent === 'addMembership' ? actionData : null;
  const address = [o.street, [o.zipcode, o.city].filter(Boolean).join(' ')]
    .filter(Boolean)
    .join(', ');
  const today = new Date().toISOString().slice(0, 10);
  return (
    <article>
      <p className="breadcrumb">
        <Link to="/organisations">{t('organisations.title')}</Link>
      </p>
      <h1>{o.name}</h1>
      <p className="meta">
        {t(`orgKind.${o.kind}`)}
        {o.network ? ` · ${o.network.name}` : ''}
        {' · '}
        {t('common.updated', { date: formatDate(o.updatedAt) })}
      </p>
      {curate ? (
        <p className="curate-actions">
          <Link to={`/organisations/${o.id}/edit`} className="button">
            {t('common.edit')}
          </Link>
        </p>
      ) : null}
      <dl className="details">
        <Detail label={t('directory.field.nameSv')} value={o.nameSv} />
        <Detail label={t('directory.field.nameEn')} value={o.nameEn} />
        <Detail label={t('directory.field.shortName')} value={o.shortName} />
        <Detail label={t('directory.field.isil')} value={o.isil} />
        <Detail label={t('directory.field.address')} value={address} />
        <Detail label={t('directory.field.area')} value={o.area} />
        <Detail
          label={t('directory.field.coordinates')}
          value={o.latitude != null && o.longitude != null ? `${o.latitude}, ${o.longitude}` : null}
        />
        <Detail label={t('directory.field.parent')} value={o.parent?.name} />
        {o.homepage ? (
          <>
            <dt>{t('directory.field.homepage')}</dt>
            <dd>
              <a href={o.homepage}>{o.homepage}</a>
            </dd>
          </>
        ) : null}
      </dl>

      {o.kind === 'LIBRARY_NETWORK' ? (
        <section aria-labelledby="members">
          <h2 id="members">{t('directory.members.title')}</h2>
          <p className="meta">{count('directory.count.members', o.members.length)}</p>
          <ul className="columns">
            {o.members.map((m) => (
              <li key={m.id}>
                <Link to={`/organisations/${m.id}`}>{m.name}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : (
        <section aria-labelledby="memberships-title" id="memberships">
          <h2 id="memberships-title">{t('directory.memberships.title')}</h2>
          {o.memberships.length === 0 ? <p>{t('directory.memberships.none')}</p> : null}
          <ul className="periods">
            {o.memberships.map((m) => {
              const ending =
                actionData?.intent === 'endMembership' && actionData.membershipId === m.id;
              const current = !m.validTo || m.validTo >= today;
              return (
                <li key={m.id} className={current ? 'period current' : 'period'}>
                  <Link to={`/organisations/${m.network.id}`}>{m.network.name}</Link>{' '}
                  <span className="meta">{period(m.validFrom, m.validTo)}</span>
                  {curate && !m.validTo ? (
                    <details className="inline-details" open={ending}>
                      <summary>{t('directory.memberships.end')}</summary>
                      <Form method="post" className="inline-form">
                        <CsrfField />
                        <input type="hidden" name="intent" value="endMembership" />
                        <input type="hidden" name="membershipId" value={m.id} />
                        <Field
                          name={`validTo-${m.id}`}
                          label={t('directory.memberships.endOn', { network: m.network.name })}
                          error={ending ? actionData.errors.validTo : undefined}
                        >
                          <input
                            id={`field-validTo-${m.id}`}
                            name="validTo"
                            type="date"
                            required
                            defaultValue={ending ? actionData.values.validTo : ''}
                            aria-invalid={ending && actionData.errors.validTo ? true : undefined}
                            aria-describedby={
                              ending && actionData.errors.validTo
                                ? `field-validTo-${m.id}-error`
                                : undefined
                            }
                          />
                        </Field>
                        <button type="submit" className="secondary">
                          {t('directory.memberships.end')}
                        </button>
                      </Form>
                    </details>
                  ) : null}
                </li>
              );
            })}
          </ul>
          {curate ? (
            <details className="subform" open={Boolean(adding)}>
              <summary id="add-membership">{t('directory.memberships.add')}</summary>
              <Form method="post" className="form" noValidate>
                <CsrfField />
                <input type="hidden" name="intent" value="addMembership" />
                <ErrorSummary errors={adding?.errors ?? {}} />
                <SelectField
                  name="networkId"
                  label={t('directory.memberships.network')}
                  defaultValue={adding?.values.networkId}
                  error={adding?.errors.networkId}
                  options={networks.map((n): [string, string] => [n.id, n.name])}
                />
                <Field
                  name="validFrom"
                  type="date"
                  label={t('directory.period.fromLabel')}
                  hint={t('directory.period.fromHint')}
                  defaultValue={adding?.values.validFrom}
                  error={adding?.errors.validFrom}
                  optional
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
                <p className="checkbox">
                  <input
                    type="checkbox"
                    id="field-closeCurrent"
                    name="closeCurrent"
                    defaultChecked={adding ? adding.values.closeCurrent === 'on' : true}
                  />{' '}
                  <label htmlFor="field-closeCurrent">
                    {t('directory.memberships.closeCurrent')}
                  </label>
                </p>
                <p className="form-actions">
                  <button type="submit">{t('directory.memberships.save')}</button>
                </p>
              </Form>
            </details>
          ) : null}
        </section>
      )}

      <section aria-labelledby="people">
        <h2 id="people">{t('directory.people.title')}</h2>
        {o.people.length ? (
          <ul>
            {o.people.map((p) => (
              <li key={p.id}>
                <Link to={`/people/${p.id}`}>{p.name}</Link>
                {p.jobTitle ? <span className="meta">, {p.jobTitle}</span> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('directory.people.none')}</p>
        )}
        {curate ? (
          <p>
            <Link to={`/people/new?organisation=${encodeURIComponent(o.id)}`}>
              {t('directory.person.add')}
            </Link>
          </p>
        ) : null}
      </section>

      {visits.length ? (
        <section aria-labelledby="visits">
          <h2 id="visits">{t('directory.visits.title')}</h2>
          <ul>
            {visits.map((v) => (
              <li key={v.id}>
                <Link to="/mentoring">{v.title}</Link>{' '}
                <span className="meta">{formatCalendarDate(v.startDate)}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {viewer && o.revisions.length ? (
        <section aria-labelledby="history">
          <h2 id="history">{t('resources.history')}</h2>
          <ul>
            {o.revisions.map((revision) => (
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
