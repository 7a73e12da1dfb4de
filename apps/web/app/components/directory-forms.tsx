/**
 * The directory's forms: an organisation's details (Kirkanta-style fields) and a person's.
 * With a `version` they edit: the version goes back in a hidden field.
 */
import { Form, Link } from '@remix-run/react';
import { type ReactNode } from 'react';
import { type FormValues, ORGANISATION_KINDS } from '../lib/directory';
import { type FieldErrors } from '../lib/forms';
import { type MessageKey } from '../lib/i18n';
import { useT } from '../lib/use-app';
import { CsrfField, ErrorSummary, Field, SelectField } from './form';

function DirectoryForm(props: {
  errors: FieldErrors;
  cancelTo: string;
  version?: number | undefined;
  submitLabel?: string | undefined;
  children: ReactNode;
}) {
  const { t } = useT();
  return (
    <Form method="post" className="form" noValidate>
      <CsrfField />
      {props.version !== undefined ? (
        <input type="hidden" name="version" value={props.version} />
      ) : null}
      <ErrorSummary errors={props.errors} />
      {props.children}
      <p className="form-actions">
        <button type="submit">{props.submitLabel ?? t('form.save')}</button>{' '}
        <Link to={props.cancelTo}>{t('form.cancel')}</Link>
      </p>
    </Form>
  );
}

export function OrganisationForm(props: {
  values: FormValues;
  errors: FieldErrors;
  cancelTo: string;
  version?: number;
  submitLabel?: string | undefined;
}) {
  const { t } = useT();
  const { values, errors } = props;
  const text = (name: string, label: MessageKey, extra: { hint?: string; type?: string } = {}) => (
    <Field
      name={name}
      label={t(label)}
      defaultValue={values[name]}
      error={errors[name]}
      optional
      {...extra}
    />
  );
  return (
    <DirectoryForm {...props}>
      <SelectField
        name="kind"
        label={t('directory.field.kind')}
        defaultValue={values.kind ?? 'LIBRARY'}
        error={errors.kind}
        options={ORGANISATION_KINDS.map((kind) => [kind, t(`orgKind.${kind}`)])}
      />
      <Field
        name="name"
        label={t('directory.field.name')}
        defaultValue={values.name}
        error={errors.name}
        required
      />
      <fieldset className="field-group">
        <legend>{t('directory.field.otherNames')}</legend>
        {text('nameSv', 'directory.field.nameSv')}
        {text('nameEn', 'directory.field.nameEn')}
        {text('shortName', 'directory.field.shortName', {
          hint: t('directory.field.shortNameHint'),
        })}
      </fieldset>
      {text('isil', 'directory.field.isil', { hint: t('directory.field.isilHint') })}
      <fieldset className="field-group">
        <legend>{t('directory.field.address')}</legend>
        {text('street', 'directory.field.street')}
        {text('zipcode', 'directory.field.zipcode')}
        {text('city', 'directory.field.city')}
        {text('area', 'directory.field.area')}
        {text('latitude', 'directory.field.latitude', {
          hint: t('directory.field.coordinateHint'),
        })}
        {text('longitude', 'directory.field.longitude')}
      </fieldset>
      {text('homepage', 'directory.field.homepage', { type: 'url' })}
    </DirectoryForm>
  );
}

export function PersonForm(props: {
  values: FormValues;
  errors: FieldErrors;
  cancelTo: string;
  organisations: { id: string; name: string }[];
  version?: number;
  submitLabel?: string | undefined;
}) {
  const { t } = useT();
  const { values, errors } = props;
  return (
    <DirectoryForm {...props}>
      <Field
        name="name"
        label={t('directory.field.personName')}
        defaultValue={values.name}
        error={errors.name}
        autoComplete="off"
        required
      />
      <SelectField
        name="organisationId"
        label={t('directory.field.organisation')}
        defaultValue={values.organisationId ?? ''}
        error={errors.organisationId}
        options={[
          ['', t('directory.field.noOrganisation')],
          ...props.organisations.map((o): [string, string] => [o.id, o.name]),
        ]}
      />
      <Field
        name="jobTitle"
        label={t('directory.field.jobTitle')}
        defaultValue={values.jobTitle}
        error={errors.jobTitle}
        optional
      />
      <Field
        name="team"
        label={t('directory.field.team')}
        defaultValue={values.team}
        error={errors.team}
        optional
      />
      <Field
        name="email"
        type="email"
        label={t('directory.field.email')}
        hint={t('directory.field.emailHint')}
        defaultValue={values.email}
        error={errors.email}
        autoComplete="off"
        optional
      />
    </DirectoryForm>
  );
}
