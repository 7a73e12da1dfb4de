import { type ActionFunctionArgs, type MetaFunction, data } from '@remix-run/node';
import { Form, useActionData } from '@remix-run/react';
import { CsrfField, ErrorSummary, Field } from '../components/form';
import { SendAccessibilityFeedbackDocument } from '../graphql/__generated__/graphql';
import { gql } from '../lib/api.server';
import { formText } from '../lib/forms';
import { translator } from '../lib/i18n';
import { requestLang } from '../lib/lang.server';
import { getSession, requireCsrf } from '../lib/session.server';
import { titleMeta, useT } from '../lib/use-app';

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, 'a11y.title');

interface FeedbackResult {
  sent: boolean;
  errors: Record<string, string>;
  message: string;
  email: string;
}

export async function action({ request }: ActionFunctionArgs) {
  const session = await getSession(request);
  const form = await request.formData();
  requireCsrf(session, form);
  const lang = await requestLang(request);
  const t = translator(lang);
  const message = formText(form, 'message').slice(0, 5000);
  const email = formText(form, 'email').slice(0, 320);
  const errors: Record<string, string> = {};
  if (!message) errors.message = t('error.REQUIRED');
  if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) errors.email = t('error.INVALID');
  if (Object.keys(errors).length) {
    const failed: FeedbackResult = { sent: false, errors, message, email };
    return data(failed, { status: 400 });
  }
  // Stored in the database through the API, so any web process can take it in.
  const result = await gql(SendAccessibilityFeedbackDocument, {
    input: {
      message,
      email: email || null,
      page: formText(form, 'page') || null,
      language: lang === 'sv' ? 'SV' : lang === 'en' ? 'EN' : 'FI',
    },
  });
  if (!result.sendAccessibilityFeedback.sent) {
    for (const error of result.sendAccessibilityFeedback.errors) {
      errors[error.field === 'email' ? 'email' : 'message'] = t(`error.${error.code}`);
    }
    const failed: FeedbackResult = { sent: false, errors, message, email };
    return data(failed, { status: 400 });
  }
  const sent: FeedbackResult = { sent: true, errors: {}, message: '', email: '' };
  return data(sent);
}

/** The supervisory authority's site, as the sources above give it. */
const SUPERVISOR_SITE = 'https://www.traficom.fi/';
const SUPERVISOR_SITE_TEXT = 'www.traficom.fi';

export default function Accessibility() {
  const { t } = useT();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors ?? {};
  return (
    <article className="narrow">
      <h1>{t('a11y.title')}</h1>
      <p className="lead">{t('a11y.intro')}</p>
      <h2>{t('a11y.statusTitle')}</h2>
      <p>{t('a11y.status')}</p>
      <h2>{t('a11y.limitsTitle')}</h2>
      <p>{t('a11y.limits')}</p>
      <section aria-labelledby="feedback">
        <h2 id="feedback">{t('a11y.feedbackTitle')}</h2>
        <p>{t('a11y.feedbackIntro')}</p>
        {actionData?.sent ? (
          <p className="notice" role="status">
            {t('a11y.thanks')}
          </p>
        ) : null}
        <ErrorSummary errors={errors} />
        <Form method="post" className="form" noValidate key={actionData?.sent ? 'sent' : 'form'}>
          <CsrfField />
          <input type="hidden" name="page" value="/accessibility" />
          <Field
            name="message"
            label={t('field.message')}
            multiline
            required
            defaultValue={actionData?.message}
            error={errors.message}
          />
          <Field
            name="email"
            type="email"
            label={t('a11y.contact')}
            optional
            autoComplete="email"
            defaultValue={actionData?.email}
            error={errors.email}
          />
          <button type="submit">{t('a11y.send')}</button>
        </Form>
      </section>
      <h2>{t('a11y.supervisionTitle')}</h2>
      {/* The supervisor since 2025: the accessibility supervision of Etelä-Suomen
          aluehallintovirasto was moved to Traficom (government bill HE 71/2024,
          https://finlex.fi/fi/hallituksen-esitykset/2024/71; Traficom's announcement,
          https://www.traficom.fi/fi/ajankohtaista/esteettomyys-ja-saavutettavuusvalvonnan-keskittamista-valmistellaan-traficomille),
          and the regional state administrative agencies themselves ended on 1.1.2026
          (https://www.sttinfo.fi/tiedote/71699385/suomen-suurimpiin-virastoihin-kuuluva-uusi-lupa-ja-valvontavirasto-aloittaa-112026?lang=fi).
          Only the authority's web address is given here, as the sources give it; no e-mail
          address or telephone number was verified. */}
      <p>{t('a11y.supervision')}</p>
      <p>
        {t('a11y.supervisionSite')}: <a href={SUPERVISOR_SITE}>{SUPERVISOR_SITE_TEXT}</a>
      </p>
      <p className="meta">{t('a11y.date')}</p>
    </article>
  );
}
