import { type LinkStatus } from '../graphql/__generated__/graphql';
import { formatDateTime } from '../lib/format';
import { type MessageKey } from '../lib/i18n';
import { useT } from '../lib/use-app';

export interface LinkHealthValue {
  status: LinkStatus;
  httpStatus?: number | null;
  finalUrl?: string | null;
  checkedAt: string;
}

const FAILING = new Set<LinkStatus>(['BLOCKED', 'BROKEN', 'ERROR', 'TIMEOUT', 'UNREACHABLE']);

/**
 * The latest link check as a badge: always a word, never colour alone; nothing when the link
 * has not been checked yet.
 */
export function LinkHealthBadge({
  health,
  details = false,
}: {
  health: LinkHealthValue | null | undefined;
  details?: boolean;
}) {
  const { t, lang } = useT();
  if (!health) return null;
  const kind =
    health.status === 'BROKEN' ? 'broken' : FAILING.has(health.status) ? 'warning' : 'ok';
  return (
    <span className="link-health">
      <span className={`badge badge-${kind}`} data-testid="link-health">
        {t(`linkHealth.${health.status}` as MessageKey)}
      </span>{' '}
      <span className="meta">
        {t('linkHealth.checked', { date: formatDateTime(health.checkedAt, lang) })}
        {details && health.httpStatus
          ? ` · ${t('linkHealth.status', { status: String(health.httpStatus) })}`
          : ''}
      </span>
      {details && health.finalUrl && health.status === 'REDIRECTED' ? (
        <span className="meta">
          {' '}
          · {t('linkHealth.finalUrl')}: <span className="url">{health.finalUrl}</span>
        </span>
      ) : null}
    </span>
  );
}
