/** Form building blocks: labelled fields with their errors next to them, and the CSRF field. */
import { type ReactNode, useEffect, useRef } from 'react';
import { CSRF_FIELD } from '../lib/csrf';
import { useRootData, useT } from '../lib/use-app';

/** The hidden CSRF field every POST form carries. */
export function CsrfField() {
  const { csrf } = useRootData();
  return <input type="hidden" name={CSRF_FIELD} value={csrf} />;
}

interface FieldProps {
  name: string;
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  defaultValue?: string | null | undefined;
  type?: string;
  required?: boolean;
  multiline?: boolean;
  rows?: number;
  autoComplete?: string;
  optional?: boolean;
  children?: ReactNode;
}

/** A labelled input or textarea; an error is shown under the label and tied with aria. */
export function Field(props: FieldProps) {
  const { t } = useT();
  const id = `field-${props.name}`;
  const described = [props.hint ? `${id}-hint` : null, props.error ? `${id}-error` : null]
    .filter(Boolean)
    .join(' ');
  const common = {
    id,
    name: props.name,
    defaultValue: props.defaultValue ?? '',
    required: props.required,
    'aria-invalid': props.error ? true : undefined,
    'aria-describedby': described || undefined,
    autoComplete: props.autoComplete,
  };
  return (
    <div className={props.error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>
        {props.label}
        {props.optional ? <span className="optional"> {t('field.optional')}</span> : null}
      </label>
      {props.hint ? (
        <p className="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      {props.error ? (
        <p className="field-error" id={`${id}-error`}>
          <span aria-hidden="true">⚠ </span>
          {props.error}
        </p>
      ) : null}
      {props.children ??
        (props.multiline ? (
          <textarea rows={props.rows ?? 5} {...common} />
        ) : (
          <input type={props.type ?? 'text'} {...common} />
        ))}
    </div>
  );
}

/** A select with options given as [value, label]. */
export function SelectField(props: {
  name: string;
  label: string;
  options: [string, string][];
  defaultValue?: string | null | undefined;
  error?: string | undefined;
}) {
  const id = `field-${props.name}`;
  return (
    <Field name={props.name} label={props.label} error={props.error}>
      <select
        id={id}
        name={props.name}
        defaultValue={props.defaultValue ?? undefined}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? `${id}-error` : undefined}
      >
        {props.options.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </Field>
  );
}

/**
 * A list of the form's errors at its top, each linking to its field. When it appears (a
 * failed submit) it takes the focus, so a keyboard or screen-reader user lands on what went
 * wrong rather than at the top of the page or on the button they pressed. Without
 * JavaScript the page reloads and the summary is the first thing read after the heading.
 */
export function ErrorSummary({ errors }: { errors: Record<string, string> }) {
  const { t } = useT();
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors);
  const signature = JSON.stringify(entries);
  useEffect(() => {
    if (entries.length > 0) ref.current?.focus();
    // Focus again whenever a new submit brings other errors (the signature changes).
  }, [signature]);
  if (entries.length === 0) return null;
  return (
    <div
      className="error-summary"
      role="alert"
      tabIndex={-1}
      ref={ref}
      aria-labelledby="error-summary-title"
    >
      <p id="error-summary-title">{t('form.errorSummary')}</p>
      <ul>
        {entries.map(([field, message]) => (
          <li key={field}>{field ? <a href={`#field-${field}`}>{message}</a> : message}</li>
        ))}
      </ul>
    </div>
  );
}
