/**
 * The answer of an edit form's action once the API has replied: saved (flash and back to the
 * record), refused as stale (CONFLICT: the user's values kept beside the version saved
 * meanwhile, to re-apply on top of it), or refused with field errors. One place for all the
 * edit pages, so they all handle a conflict the same way.
 */
import { data, redirect } from '@remix-run/node';
import { type ApiUserError, type FieldErrors, fieldErrors as byField } from './forms';
import { type Translate } from './i18n';
import { type AppSession, commitSession } from './session.server';

export interface EditResult<V> {
  values: V;
  version: number;
  errors: FieldErrors;
  /** On CONFLICT: the values saved meanwhile, shown beside the user's. */
  saved: V | null;
}

export async function editOutcome<V>(args: {
  saved: boolean;
  errors: readonly ApiUserError[];
  session: AppSession;
  t: Translate;
  redirectTo: string;
  values: V;
  version: number;
  /** Reads the record as saved now. */
  reload: () => Promise<{ values: V; version: number }>;
  /** How the API's errors become field errors (default: by the path's first part). */
  toFieldErrors?: (errors: readonly ApiUserError[]) => FieldErrors;
}) {
  const { saved, session, t, values } = args;
  const errors = args.errors;
  const fieldErrors = args.toFieldErrors ?? ((e: readonly ApiUserError[]) => byField(e, t));
  if (saved) {
    session.flash('flash', t('resources.saved'));
    return redirect(args.redirectTo, { headers: { 'Set-Cookie': await commitSession(session) } });
  }
  if (errors.some((e) => e.code === 'CONFLICT')) {
    const current = await args.reload();
    const body: EditResult<V> = {
      values,
      version: current.version,
      errors: fieldErrors(errors),
      saved: current.values,
    };
    return data(body, { status: 409 });
  }
  const body: EditResult<V> = {
    values,
    version: args.version,
    errors: fieldErrors(errors),
    saved: null,
  };
  return data(body, { status: 400 });
}
