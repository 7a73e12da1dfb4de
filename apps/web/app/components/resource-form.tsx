/** The form to add or edit a link; every field shows its error next to it. */
import { Form, Link } from '@remix-run/react';
import { type ReactNode } from 'react';
import { type FieldErrors } from '../lib/forms';
import { type MessageKey } from '../lib/i18n';
import { useT } from '../lib/use-app';
import { CsrfField, ErrorSummary, Field, SelectField } from './form';

export interface ResourceValues {
  url: string;
  title: string;
  description: string;
  tags: string;
  language: string;
  kind: string;
}

export const EMPTY_RESOURCE: ResourceValues = {
  url: '',
  title: '',
  description: '',
  tags: '',
  language: 'FI',
  kind: 'WEB_PAGE',
};

const KINDS = [
  'WEB_PAGE',
  'PROJECT_PAGE',
  'EVENT',
  'BLOG_POST',
  'BOOK',
  'PUBLICATION',
  'VIDEO',
  'OTHER',
];

/** Values of a submitted resource form. */
export function resourceValues(form: FormData): ResourceValues {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === 'string' ? value.trim() : '';
  };
  return {
    url: text('url'),
    title: text('title'),
    description: text('description'),
    tags: text('tags'),
    language: text('language') || 'FI',
    kind: text('kind') || 'WEB_PAGE',
  };
}

export function ResourceForm(props: {
  values: ResourceValues;
  errors: FieldErrors;
  version?: number;
  withPrefill?: boolean;
  submitLabel?: string;
  cancelTo: string;
  notice?: ReactNode;
}) {
  const { t } = useT();
  const { values, errors } = props;
  return (
    <Form method="post" className="form" noValidate>
      <CsrfField />
      {props.version !== undefined ? (
        <input type="hidden" name="version" value={props.version} />
      ) : null}
      <ErrorSummary errors={errors} />
      {props.notice}
      <Field
        name="url"
        type="url"
        label={t('field.url')}
        defaultValue={values.url}
        error={errors.url}
        required
      />
      {props.withPrefill ? (
        <p>
          <button type="submit" name="intent" value="prefill" className="secondary" formNoValidate>
            {t('form.prefill')}
          </button>
        </p>
      ) : null}
      <Field
        name="title"
        label={t('field.title')}
        defaultValue={values.title}
        error={errors.title}
        required
      />
      <Field
        name="description"
        label={t('field.description')}
        defaultValue={values.description}
        error={errors.description}
        multiline
        optional
      />
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
        defaultValue={values.language}
        error={errors.language}
        options={['FI', 'SV', 'EN'].map((code) => [code, t(`language.${code}` as MessageKey)])}
      />
      <SelectField
        name="kind"
        label={t('field.kind')}
        defaultValue={values.kind}
        error={errors.kind}
        options={KINDS.map((kind) => [kind, t(`kind.${kind}` as MessageKey)])}
      />
      <p className="form-actions">
        <button type="submit" name="intent" value="save">
          {props.submitLabel ?? t('form.save')}
        </button>{' '}
        <Link to={props.cancelTo}>{t('form.cancel')}</Link>
      </p>
    </Form>
  );
}
