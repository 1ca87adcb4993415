import { useTranslation } from 'react-i18next';
import { useSession, useSessionEvents } from '../features/session/use-session';
import { SignInScreen } from '../features/session/SignInScreen';
import { ProxySignInDialog } from '../features/network/ProxySignInDialog';
import { RecoveryNotice } from '../features/recovery/RecoveryNotice';
import { useApplySettings } from '../features/settings/use-apply-settings';
import { ConnectScreen } from '../features/service/ConnectScreen';
import { useServiceStatus } from '../features/service/use-service';
import { ErrorAlert } from '../ui/ErrorAlert';
import { AppShell } from './AppShell';

/** Settings apply everywhere, also on the sign-in screen; the shell only exists once signed in. */
export function App() {
  const { t } = useTranslation();
  useApplySettings();
  useSessionEvents();
  const session = useSession();
  const service = useServiceStatus();

  if (session.isPending || service.isPending) {
    return (
      <main id="main" className="centered" tabIndex={-1}>
        <p role="status">{t('app.loading')}</p>
      </main>
    );
  }
  if (session.isError) {
    return (
      <main id="main" className="centered" tabIndex={-1}>
        <h1>{t('app.name')}</h1>
        <ErrorAlert error={session.error} title={t('app.startFailed')} onRetry={() => void session.refetch()} />
      </main>
    );
  }
  // Issue 14: no service configured yet (first run), or a saved address that cannot be used: the connection settings, with the reason.
  if (service.data && (service.data.problem || service.data.source === 'none')) {
    return (
      <>
        <RecoveryNotice />
        <ConnectScreen status={service.data} />
      </>
    );
  }
  return (
    <>
      {/* Issue 19: what was recovered from a damaged data folder, on the first screen, signed in or not. */}
      <RecoveryNotice />
      {session.data.status === 'signed-in' ? <AppShell session={session.data} /> : <SignInScreen session={session.data} />}
      {/* Signing in goes through the proxy too, so its prompt is there on every screen. */}
      <ProxySignInDialog />
    </>
  );
}
