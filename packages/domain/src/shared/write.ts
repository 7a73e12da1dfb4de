/**
 * How every write runs: in one transaction, with user-fixable problems returned as field errors
 * and everything rolled back when any part fails, so bad input never leaves half a record.
 */
import {
  type EntityManager,
  type EntityName,
  OptimisticLockError,
  UniqueConstraintViolationException,
} from '@mikro-orm/core';
import { type Result, type UserError, fail, ok } from './errors.js';
import { fieldError } from './validation.js';

/**
 * Thrown inside a write to abort it with field errors; `runWrite` turns it into a failed result
 * after the transaction has rolled back.
 */
export class InvalidInput extends Error {
  constructor(readonly errors: UserError[]) {
    super(errors.map((e) => `${e.field}: ${e.message}`).join('; '));
    this.name = 'InvalidInput';
  }
}

/** The message of a stale edit, the same wherever it happens. */
export function conflictError(currentVersion: number | null): UserError {
  return fieldError(
    'version',
    'CONFLICT',
    currentVersion === null
      ? 'Someone else changed this record first; reload it to see their changes'
      : `Someone else changed this record first (it is now at version ${currentVersion}); reload it to see their changes`,
  );
}

/**
 * How often a write that lost a unique-constraint race is run again from the start. Two
 * curators who add the same new tag at once both insert it; the one that commits second fails
 * on the tag's unique slug (on PostgreSQL, whose transactions run side by side). Run again, its
 * work finds the tag the other one created and succeeds. A real duplicate (a URL someone else
 * saved) is found by the service's own check on the second run and named on its field.
 */
const UNIQUE_RACE_RETRIES = 2;

/**
 * Runs `work` in a transaction (flushed at the end). Field errors thrown as `InvalidInput`,
 * optimistic-lock failures and unique-constraint races roll the transaction back and come out
 * as a failed result (a unique-constraint race is first run again, see UNIQUE_RACE_RETRIES);
 * other errors are rethrown. `work` must touch only the database, as it may run more than once.
 */
export async function runWrite<T>(
  em: EntityManager,
  work: (tx: EntityManager) => Promise<T>,
): Promise<Result<T>> {
  for (let attempt = 0; ; attempt++) {
    try {
      return ok(await em.transactional(work));
    } catch (error) {
      if (error instanceof InvalidInput) return fail(error.errors);
      if (error instanceof OptimisticLockError) return fail([conflictError(null)]);
      if (error instanceof UniqueConstraintViolationException) {
        if (attempt < UNIQUE_RACE_RETRIES) continue;
        return fail([
          fieldError('', 'DUPLICATE', 'A record with the same unique value already exists'),
        ]);
      }
      throw error;
    }
  }
}

/**
 * Loads the record an input points at by id, or aborts the write with an UNKNOWN_REFERENCE
 * error on that field, so "organisationId 999" tells the user which field is wrong.
 */
export async function requireRef<T extends object>(
  tx: EntityManager,
  entity: EntityName<T>,
  id: number,
  field: string,
  label: string,
): Promise<T> {
  const found = await tx.findOne(entity, { id } as never);
  if (!found)
    throw new InvalidInput([fieldError(field, 'UNKNOWN_REFERENCE', `No ${label} with id ${id}`)]);
  return found;
}

/** Like `requireRef`, for an optional reference: null and undefined give null. */
export async function optionalRef<T extends object>(
  tx: EntityManager,
  entity: EntityName<T>,
  id: number | null | undefined,
  field: string,
  label: string,
): Promise<T | null> {
  return id == null ? null : requireRef(tx, entity, id, field, label);
}
