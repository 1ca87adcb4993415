import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDate, summaryOf } from './format';
import { useAcknowledgePolicy, usePolicy } from './use-privacy';
import './privacy.css';

const SEEN_KEY = 'privacy.policyNoticeShown';
/** This start of the app: a notice first shown in an earlier start is compact everywhere. */
const THIS_START = crypto.randomUUID();

type Shown = { version: string; screen: string; start: string };

/** Where and in which start the notice for a policy version was first shown in full. */
function firstShown(): Shown | null {
  try {
    return JSON.parse(localStorage.getItem(SEEN_KEY) ?? 'null') as Shown | null;
  } catch {
    return null;
  }
}

/**
 * P9.1: after the policy changed, a notice with the change summary stays on every screen until
 * acknowledged. It is shown in full where it first appears; after that (another screen, a later
 * start) it is one line with its two actions, so it keeps reminding without taking the screen.
 * "Seen" is remembered in the window's storage, which "clear local data" empties too.
 */
export function PolicyNotice() {
  const { t, i18n } = useTranslation();
  const { pathname } = useLocation();
  const policy = usePolicy();
  const acknowledge = useAcknowledgePolicy();
  const current = policy.data?.current;
  const pending = current && policy.data?.acknowledgedVersion !== current.version ? current.version : null;
  // The screen (first path segment) it is shown on; "/" only redirects to a screen, so it does not count.
  const screen = pathname.split('/')[1] ?? '';
  useEffect(() => {
    if (!pending || !screen || firstShown()?.version === pending) return;
    try {
      localStorage.setItem(SEEN_KEY, JSON.stringify({ version: pending, screen, start: THIS_START } satisfies Shown));
    } catch {
      // Without storage the notice stays in full.
    }
  }, [pending, screen]);
  if (!current || !pending) return null;
  const shown = firstShown();
  const compact = shown?.version === pending && (shown.start !== THIS_START || shown.screen !== screen);

  const title = t('privacy.notice.title', { version: current.version, date: formatDate(current.effectiveAt, i18n.language) });
  const actions = (
    <div className="privacy__banner-actions">
      <button type="button" className="button button--primary button--small" disabled={acknowledge.isPending} onClick={() => acknowledge.mutate(current.version)}>
        {t('privacy.notice.acknowledge')}
      </button>
      <Link to="/privacy/policy" className="button button--small">
        {t('privacy.notice.read')}
      </Link>
    </div>
  );
  return (
    <section className={compact ? 'privacy__banner privacy__banner--compact' : 'privacy__banner'} aria-labelledby="policy-notice-title">
      <h2 id="policy-notice-title">{title}</h2>
      {!compact && <p>{summaryOf(current.summary, i18n.language)}</p>}
      {acknowledge.isError && <ErrorAlert error={acknowledge.error} title={t('privacy.notice.failed')} />}
      {actions}
    </section>
  );
}
