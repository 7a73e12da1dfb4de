/**
 * Errors of the domain.
 *
 * Failures a user can fix (invalid input, a duplicate URL, a stale version) are returned as data,
 * `UserError`s naming the field; failures the caller cannot fix by editing the input (not found,
 * not allowed) are thrown as typed errors with a stable `code` so that every entry point (GraphQL,
 * CLI, web) maps them the same way.
 */

/** Stable codes of the errors a user can fix. */
export const USER_ERROR_CODES = [
  'REQUIRED',
  'TOO_LONG',
  'TOO_SHORT',
  'TOO_LARGE',
  'TOO_SMALL',
  'INVALID',
  'INVALID_URL',
  'INVALID_DATE',
  'INVALID_CHARACTERS',
  'UNKNOWN_REFERENCE',
  'DUPLICATE',
  'CONFLICT',
] as const;
export type UserErrorCode = (typeof USER_ERROR_CODES)[number];

/** A problem with one field of the input, in words a person can act on. */
export interface UserError {
  /** Dotted path of the input field, e.g. `title` or `agenda.2.title`; empty for the whole input. */
  field: string;
  code: UserErrorCode;
  message: string;
}

/** The outcome of a write: the saved value, or the field errors that kept it from being saved. */
export type Result<T> = { ok: true; value: T } | { ok: false; errors: UserError[] };

/** Wraps a value as a successful result. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** Wraps field errors as a failed result. */
export function fail<T = never>(errors: UserError[]): Result<T> {
  return { ok: false, errors };
}

/** Base of the thrown errors: each carries a stable code for the API to expose. */
export abstract class DomainError extends Error {
  abstract readonly code: string;
}

/** The record asked for does not exist (or is not visible to the caller). */
export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND';
  constructor(
    readonly entity: string,
    readonly id: number | string,
  ) {
    super(`${entity} ${id} was not found`);
    this.name = 'NotFoundError';
  }
}

/** The caller is not allowed to do this (anonymous write, curator managing users, …). */
export class ForbiddenError extends DomainError {
  readonly code = 'FORBIDDEN';
  constructor(message = 'You are not allowed to do this') {
    super(message);
    this.name = 'ForbiddenError';
  }
}
