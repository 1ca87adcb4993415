import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useLocation } from 'react-router';
import type { SessionState } from '../../shared/contract';
import { NetworkIndicator } from '../features/network/NetworkIndicator';
import { CommandPalette } from '../features/palette/CommandPalette';
import { useOsNavigation } from '../features/palette/use-os-navigation';
import { PolicyNotice } from '../features/privacy/PolicyNotice';
import { PrivacyContact } from '../features/privacy/PrivacyContact';
import { UsageReporter } from '../features/privacy/UsageReporter';
import { UserMenu } from '../features/session/UserMenu';
import { FeedbackRefusedNotices } from '../features/docs/FeedbackRefusedNotices';
import { TicketNotifications } from '../features/tickets/TicketNotifications';
import { AppRoutes } from './AppRoutes';
import { RouteErrorBoundary } from './RouteErrorBoundary';

type Props = { session: Extract<SessionState, { status: 'signed-in' }> };

const NAV_ITEMS = [
  { to: '/docs', label: 'nav.docs' },
  { to: '/software', label: 'nav.software' },
  { to: '/tickets', label: 'nav.tickets' },
  { to: '/privacy', label: 'nav.privacy' },
  { to: '/settings', label: 'nav.settings' },
  { to: '/profile', label: 'nav.profile' },
] as const;

export function AppShell({ session }: Props) {
  const { t } = useTranslation();
  const main = useRef<HTMLElement>(null);
  const { pathname, state, key } = useLocation();
  const firstRender = useRef(true);
  useOsNavigation();

  // A route change replaces the page without a load, so move focus to the new content as a
  // browser would; skip the first render so the skip link stays the first Tab stop. The command
  // palette may name the control to land on instead (location state `focus`).
  const focusTarget = (state as { focus?: unknown } | null)?.focus;
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    // A dialog the user opened meanwhile (the palette, say) keeps its focus: a late redirect must not steal it.
    if (document.activeElement?.closest('[role="dialog"], [role="alertdialog"]')) return;
    const target = typeof focusTarget === 'string' ? document.getElementById(focusTarget) : null;
    (target ?? main.current)?.focus();
  }, [pathname, key, focusTarget]);

  return (
    <div className="shell">
      {/* Not a plain #main link: under the hash router that would navigate instead of skipping. */}
      <a
        className="skip-link"
        href="#main"
        onClick={(event) => {
          event.preventDefault();
          main.current?.focus();
        }}
      >
        {t('app.skipToContent')}
      </a>
      <header className="header">
        <p className="header__product">{t('app.name')}</p>
        <CommandPalette />
        <NetworkIndicator />
        <UserMenu session={session} />
      </header>
      <div className="shell__body">
        <nav className="nav" aria-label={t('nav.label')}>
          <ul>
            {NAV_ITEMS.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} className="nav__link">
                  {t(item.label)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <main id="main" ref={main} className="main" tabIndex={-1}>
          {/* P9.1: until the current policy is acknowledged. */}
          <PolicyNotice />
          {/* Keyed by path so that leaving a broken page clears the error. */}
          <RouteErrorBoundary key={pathname}>
            <AppRoutes />
          </RouteErrorBoundary>
        </main>
      </div>
      <div className="toast-stack">
        <TicketNotifications />
        <FeedbackRefusedNotices />
      </div>
      {/* P5.7: the privacy contact on every screen. */}
      <footer className="privacy__footer">
        <PrivacyContact />
      </footer>
      <UsageReporter />
    </div>
  );
}
