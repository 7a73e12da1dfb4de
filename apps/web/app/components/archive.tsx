/**
 * Edit and archive buttons of a curated record's page. Archiving takes two POSTs, both plain
 * forms (no JavaScript needed): "Arkistoi" asks (intent=confirmArchive), "Kyllä, arkistoi"
 * archives (intent=archive) with the version the curator saw.
 */
import { Form, Link } from '@remix-run/react';
import { useT } from '../lib/use-app';
import { CsrfField } from './form';

export type ArchiveIntent = 'confirmArchive' | 'archive';

/** The intent of a record page's POST. */
export function archiveIntent(form: FormData): ArchiveIntent {
  return form.get('intent') === 'archive' ? 'archive' : 'confirmArchive';
}

export function CurateActions(props: {
  editTo: string;
  cancelTo: string;
  version: number;
  confirming: boolean;
}) {
  const { t } = useT();
  if (props.confirming) {
    return (
      <section className="confirm-archive" aria-labelledby="confirm-archive-title">
        <h2 id="confirm-archive-title">{t('archive.confirmTitle')}</h2>
        <p>{t('archive.confirmText')}</p>
        <Form method="post" className="curate-actions">
          <CsrfField />
          <input type="hidden" name="version" value={props.version} />
          <button type="submit" name="intent" value="archive">
            {t('archive.confirm')}
          </button>
          <Link to={props.cancelTo}>{t('form.cancel')}</Link>
        </Form>
      </section>
    );
  }
  return (
    <div className="curate-actions">
      <Link to={props.editTo} className="button">
        {t('common.edit')}
      </Link>
      <Form method="post">
        <CsrfField />
        <input type="hidden" name="version" value={props.version} />
        <button type="submit" name="intent" value="confirmArchive" className="secondary">
          {t('common.archive')}
        </button>
      </Form>
    </div>
  );
}
