/**
 * Actions that do not get lost (tehtävät): every action item across meetings, open ones by
 * default, filtered by owner, organisation, status and due date (a GET form, so a filtered list
 * is a link: /actions?owner=… is a person's own list). Curators set a status from the list.
 */
import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { ActionList } from '../components/action-list';
import {
  type ActionItemFilter,
  type ActionStatus,
  ActionItemsDocument,
  SetActionItemStatusDocument,
} from '../graphql/__generated__/graphql';
import { gql } from '../lib/api.server';
import { formText } from '../lib/forms';
import { requireSignedIn, safeBack } from '../lib/auth.server';
import { type MessageKey, translator } from '../lib/i18n';
import { requestLang } from '../lib/lang.server';
import { ACTION_STATUSES } from '../lib/meeting-form';
import { commitSession, getSession, requireCsrf } from '../lib/session.server';
import { titleMeta, useRootData, useT } from '../lib/use-app';

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, 'actions.title');

/** The status choice of the filter: open (open or in progress, the default), one status, or all. */
const STATUS_CHOICES = ['open', ...ACTION_STATUSES, 'all'] as const;

/** True for the API's global id (`base64url("Type:id")`) of a record of this type. */
function isGlobalIdOf(value: string, type: string): boolean {
  if (!/^[A-Za-z0-9_-]{4,40}$/.test(value)) return false;
  try {
    return new RegExp(`^${type}:[1-9]\\d*$`).test(
      atob(value.replace(/-/g, '+').replace(/_/g, '/')),
    );
  } catch {
    return false;
  }
}

function statusFilter(choice: string): ActionStatus[] | null {
  if (choice === 'all') return null;
  if ((ACTION_STATUSES as readonly string[]).includes(choice)) return [choice as ActionStatus];
  return ['OPEN', 'IN_PROGRESS'];
}

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const get = (name: string) => url.searchParams.get(name)?.trim() ?? '';
  // A mangled id in the address is left out rather than failing the page.
  const params = {
    owner: isGlobalIdOf(get('owner'), 'Person') ? get('owner') : '',
    org: isGlobalIdOf(get('org'), 'Organisation') ? get('org') : '',
    status: (STATUS_CHOICES as readonly string[]).includes(get('status')) ? get('status') : 'open',
    dueBefore: /^\d{4}-\d{2}-\d{2}$/.test(get('dueBefore')) ? get('dueBefore') : '',
    overdue: get('overdue') === '1',
  };
  const filter: ActionItemFilter = {
    status: statusFilter(params.status),
    ownerId: params.owner || null,
    organisationId: params.org || null,
    dueBefore: params.dueBefore || null,
    overdue: params.overdue || null,
  };
  const session = await getSession(request);
  const result = await gql(
    ActionItemsDocument,
    { filter, first: 50, after: get('after') || null },
    session.get('token'),
  );
  return {
    params,
    actions: result.actionItems.nodes,
    totalCount: result.actionItems.totalCount,
    pageInfo: result.actionItems.pageInfo,
    people: result.people.nodes,
    organisations: result.organisations.nodes,
  };
}

/** Sets one action's status ("Merkitse tehdyksi" sets DONE) and goes back to the list. */
export async function action({ request }: ActionFunctionArgs) {
  const { session, token } = await requireSignedIn(request);
  const form = await request.formData();
  requireCsrf(session, form);
  const t = translator(await requestLang(request));
  const status = form.get('done') ? 'DONE' : formText(form, 'status');
  const result = await gql(
    SetActionItemStatusDocument,
    {
      input: {
        id: formText(form, 'id'),
        status: ((ACTION_STATUSES as readonly string[]).includes(status)
          ? status
          : 'OPEN') as ActionStatus,
      },
    },
    token,
  );
  const saved = result.setActionItemStatus.actionItem;
  session.flash(
    'flash',
    saved
      ? t('actions.statusSaved', { status: t(`actionStatus.${saved.status}` as MessageKey) })
      : t('actions.statusFailed'),
  );
  return redirect(safeBack(form.get('back')) === '/' ? '/actions' : safeBack(form.get('back')), {
    headers: { 'Set-Cookie': await commitSession(session) },
  });
}

export default function Actions() {
  const data = useLoaderData<typeof loader>();
  const { t, count } = useT();
  const { viewer } = useRootData();
  const { params } = data;
  const ownerName = data.people.find((p) => p.id === params.owner)?.name;
  const next = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === true) next.set(key, '1');
    else if (typeof value === 'string' && value) next.set(key, value);
  }
  if (data.pageInfo.endCursor) next.set('after', data.pageInfo.endCursor);
  return (
    <>
      <h1>{ownerName ? t('actions.ownerTitle', { name: ownerName }) : t('actions.title')}</h1>
      <p className="lead">{t('actions.intro')}</p>
      {viewer?.personId && viewer.personId !== params.owner ? (
        <p>
          <Link to={`/actions?owner=${encodeURIComponent(viewer.personId)}`}>
            {t('actions.mine')}
          </Link>
        </p>
      ) : null}
      {/* Folded away unless a filter is on, so on a phone the list comes first. */}
      <details
        className="action-filters-box"
        open={Boolean(
          params.owner ||
          params.org ||
          params.dueBefore ||
          params.overdue ||
          params.status !== 'open',
        )}
      >
        <summary>{t('actions.filters')}</summary>
        <Form method="get" className="form action-filters">
          <div className="field-row">
            <div className="field">
              <label htmlFor="filter-owner">{t('meetings.owner')}</label>
              <select id="filter-owner" name="owner" defaultValue={params.owner}>
                <option value="">{t('actions.anyone')}</option>
                {data.people.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="filter-org">{t('meetingForm.organisation')}</label>
              <select id="filter-org" name="org" defaultValue={params.org}>
                <option value="">{t('actions.anyOrganisation')}</option>
                {data.organisations.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <div className="field-row">
            <div className="field">
              <label htmlFor="filter-status">{t('meetingForm.actionStatus')}</label>
              <select id="filter-status" name="status" defaultValue={params.status}>
                {STATUS_CHOICES.map((s) => (
                  <option key={s} value={s}>
                    {s === 'open' || s === 'all'
                      ? t(`actions.status.${s}`)
                      : t(`actionStatus.${s}` as MessageKey)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="filter-due">{t('actions.dueBefore')}</label>
              <input id="filter-due" type="date" name="dueBefore" defaultValue={params.dueBefore} />
            </div>
          </div>
          <label className="checkbox">
            <input type="checkbox" name="overdue" value="1" defaultChecked={params.overdue} />{' '}
            {t('actions.onlyOverdue')}
          </label>
          <div className="form-actions">
            <button type="submit">{t('actions.filter')}</button>
            <Link to="/actions">{t('actions.clear')}</Link>
          </div>
        </Form>
      </details>
      <p role="status" className="action-count">
        {count('actions.count', data.totalCount)}
      </p>
      {data.actions.length ? <ActionList actions={data.actions} /> : <p>{t('actions.none')}</p>}
      {data.pageInfo.hasNextPage ? (
        <p>
          <Link to={`/actions?${next.toString()}`}>{t('actions.more')}</Link>
        </p>
      ) : null}
    </>
  );
}
