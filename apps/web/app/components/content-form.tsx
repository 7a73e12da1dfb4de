/**
 * Title, summary/description and Markdown body: the form of best practices and ideas (status and
 * follow-up for ideas). With a `version` it edits: the version goes back in a hidden field.
 */
import { Form, Link } from '@remix-run/react';
import { type FieldErrors } from '../lib/forms';
import { type MessageKey } from '../lib/i18n';
import { useT } from '../lib/use-app';
import { CsrfField, ErrorSummary, Field, SelectField } from './form';

export type ContentValues = Record<string, string>;

/** Where an idea stands, in the order of its life. */
export const IDEA_STATUSES = [
  'PROPOSED',
  'UNDER_CONSIDERATION',
  'PLANNED',
  'IN_PROGRESS',
  'DONE',
  'REJECTED',
] as const;

export function ContentForm(props: {
  kind: 'bestPractice' | 'idea';
  values: ContentValues;
  errors: FieldErrors;
  cancelTo: string;
  version?: number;
  submitLabel?: string | undefined;
}) {
  const { t } = useT();
  const { values, errors } = props;
  const bodyField = props.kind === 'bestPractice' ? 'body' : 'description';
  return (
    <Form method="post" className="form" noValidate>
      <CsrfField />
      {props.version !== undefined ? (
        <input type="hidden" name="version" value={props.version} />
      ) : null}
      <ErrorSummary errors={errors} />
      <Field
        name="title"
        label={t('field.title')}
        defaultValue={values.title}
        error={errors.title}
        required
      />
      {props.kind === 'bestPractice' ? (
        <Field
          name="summary"
          label={t('field.summary')}
          defaultValue={values.summary}
          error={errors.summary}
          multiline
          rows={3}
          optional
        />
      ) : (
        <SelectField
          name="status"
          label={t('field.status')}
          defaultValue={values.status}
          error={errors.status}
          options={IDEA_STATUSES.map((s) => [s, t(`ideaStatus.${s}`)])}
        />
      )}
      <Field
        name={bodyField}
        label={t('field.body')}
        hint={t('field.bodyHint')}
        defaultValue={values[bodyField]}
        error={errors[bodyField]}
        multiline
        rows={10}
        optional
      />
      {props.kind === 'idea' ? (
        <Field
          name="followUp"
          label={t('field.followUp')}
          hint={t('field.followUpHint')}
          defaultValue={values.followUp}
          error={errors.followUp}
          multiline
          rows={4}
          optional
        />
      ) : null}
      <Field
        name="tags"
        label={t('field.tags')}
        hint={t('field.tagsHint')}
        defaultValue={values.tags}
        error={errors.tags}
        optional
      />
      <SelectField
        name="language"
        label={t('field.language')}
        defaultValue={values.language ?? 'FI'}
        error={errors.language}
        options={['FI', 'SV', 'EN'].map((code) => [code, t(`language.${code}` as MessageKey)])}
      />
      <p className="form-actions">
        <button type="submit">{props.submitLabel ?? t('form.save')}</button>{' '}
        <Link to={props.cancelTo}>{t('form.cancel')}</Link>
      </p>
    </Form>
  );
}

/** The text fields of a submitted content form. */
export function contentValues(form: FormData): ContentValues {
  const out: ContentValues = {};
  for (const name of [
    'title',
    'summary',
    'body',
    'description',
    'followUp',
    'status',
    'tags',
    'language',
  ]) {
    const value = form.get(name);
    if (typeof value === 'string') out[name] = value.trim();
  }
  return out;
}
