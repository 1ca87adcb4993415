import { useRef, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { SessionState } from '../../../shared/contract';
import { BridgeError } from '../../app/bridge';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { StatusMessage } from '../../ui/StatusMessage';
import { useAppInfo } from '../app-info/use-app-info';
import { LocalErasureNotice } from '../privacy/LocalErasureNotice';
import { useLocalErasure } from '../privacy/use-privacy';
import { PrivacyContact } from '../privacy/PrivacyContact';
import { useCancelSignIn, useSignIn } from './use-session';

type Props = { session: Exclude<SessionState, { status: 'signed-in' }> };

export function SignInScreen({ session }: Props) {
  const { t } = useTranslation();
  const { data: info } = useAppInfo();
  const signIn = useSignIn();
  const cancel = useCancelSignIn();
  const signingIn = session.status === 'signing-in';
  // After an erasure the session ended on purpose: the erasure notice says why, not a "session ended" error.
  const { erasure } = useLocalErasure();

  return (
    <main id="main" className="sign-in" tabIndex={-1}>
      <div className="sign-in__card">
        <h1 className="sign-in__title">{t('app.name')}</h1>
        <p>{t('session.intro')}</p>

        {session.status === 'signed-out' && session.lastError && !erasure && (
          <ErrorAlert error={new BridgeError(session.lastError)} />
        )}
        <LocalErasureNotice />
        {signIn.isError && <ErrorAlert error={signIn.error} />}
        {cancel.isError && <ErrorAlert error={cancel.error} />}

        {signingIn ? (
          <>
            <StatusMessage message={t('session.waiting')} />
            <AuthorizeLink url={session.authorizeUrl} />
            <button type="button" className="button" onClick={() => cancel.mutate()} disabled={cancel.isPending}>
              {t('session.cancel')}
            </button>
          </>
        ) : (
          <>
            <StatusMessage />
            <button
              type="button"
              className="button button--primary button--large"
              onClick={() => signIn.mutate()}
              disabled={signIn.isPending}
            >
              {t('session.signIn')}
            </button>
          </>
        )}

        {info?.embeddedApi && info.demoAccount && (
          <p className="sign-in__demo">
            {/* The two values to type, set apart as such. */}
            <Trans i18nKey="session.demo" values={{ email: info.demoAccount.email, password: info.demoAccount.password }} components={{ value: <code /> }} />
          </p>
        )}
        {/* P5.7: the privacy contact is at hand before signing in, and after an account was deleted. */}
        <PrivacyContact />
      </div>
    </main>
  );
}

/** For locked-down PCs where no browser opens: the user copies the link by hand. */
function AuthorizeLink({ url }: { url: string }) {
  const { t } = useTranslation();
  const field = useRef<HTMLInputElement>(null);
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'failed'>('idle');

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopyState('copied');
    } catch {
      // Clipboard access can be denied by policy; selecting the text leaves Ctrl+C as a way out.
      field.current?.select();
      setCopyState('failed');
    }
  };

  return (
    <div className="field">
      <label htmlFor="authorize-url">{t('session.authorizeUrl')}</label>
      <div className="field__row">
        <input
          id="authorize-url"
          ref={field}
          className="input"
          type="text"
          readOnly
          value={url}
          aria-describedby="authorize-url-hint"
          onFocus={(event) => event.currentTarget.select()}
        />
        <button type="button" className="button" onClick={() => void copy()}>
          {t('session.copyLink')}
        </button>
      </div>
      <p id="authorize-url-hint" className="field__hint">
        {t('session.authorizeUrlHint')}
      </p>
      <p className="field__hint" aria-live="polite">
        {copyState === 'copied' ? t('session.copied') : copyState === 'failed' ? t('session.copyFailed') : ''}
      </p>
    </div>
  );
}
