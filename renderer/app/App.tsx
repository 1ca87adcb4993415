import { useTranslation } from 'react-i18next';
import { useSession, useSessionEvents } from '../features/session/use-session';
import { SignInScreen } from '../features/session/SignInScreen';
import { ProxySignInDialog } from '../features/network/ProxySignInDialog';
import { RecoveryNotice } from '../features/recovery/RecoveryNotice';
import { useApplySettings } from '../features/settings/use-apply-settings';
import { ErrorAlert } from '../ui/ErrorAlert';
import { AppShell } from './AppShell';

/** Settings apply everywhere, also on the sign-in screen; the shell only exists once signed in. */
export function App() {
  const { t } = useTranslation();
  useApplySettings();
  useSessionEvents();
  const session = useSession();

  if (session.isPending) {
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
