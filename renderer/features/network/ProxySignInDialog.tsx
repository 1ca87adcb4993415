import * as Dialog from '@radix-ui/react-dialog';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProxyLoginRequest } from '../../../shared/contract/desktop-contract';
import { proxySignInApi } from './network.api';
import '../palette/palette.css';

/**
 * Asks for the proxy's credentials when main reports a 407. Mounted for the whole app (also on the
 * sign-in screen: signing in needs the proxy too). Closing the dialog cancels the sign-in.
 */
export function ProxySignInDialog() {
  const { t } = useTranslation();
  const [request, setRequest] = useState<ProxyLoginRequest | null>(null);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');

  useEffect(() => {
    const offRequest = proxySignInApi.onRequest((next) => {
      setRequest(next);
      setPassword('');
    });
    const offSettled = proxySignInApi.onSettled(({ id }) => setRequest((current) => (current?.id === id ? null : current)));
    return () => {
      offRequest();
      offSettled();
    };
  }, []);

  if (!request) return null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!username) return;
    void proxySignInApi.answer(request.id, { username, password });
    setRequest(null);
  };
  const cancel = () => {
    void proxySignInApi.cancel(request.id);
    setRequest(null);
  };

  return (
    <Dialog.Root open onOpenChange={(open) => !open && cancel()}>
      <Dialog.Portal>
        <Dialog.Overlay className="modal__overlay" />
        <Dialog.Content className="modal" aria-describedby="proxy-sign-in-body">
          <Dialog.Title>{t('network.proxySignIn.title')}</Dialog.Title>
          <p id="proxy-sign-in-body">{t('network.proxySignIn.body', { host: request.host, port: request.port })}</p>
          {request.realm && <p>{t('network.proxySignIn.realm', { realm: request.realm })}</p>}
          {request.retry && (
            <p className="field__error" role="alert">
              {t('network.proxySignIn.retry')}
            </p>
          )}
          <form onSubmit={submit} noValidate>
            <div className="field">
              <label htmlFor="proxy-username">{t('network.proxySignIn.username')}</label>
              <input id="proxy-username" className="input" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} required />
            </div>
            <div className="field">
              <label htmlFor="proxy-password">{t('network.proxySignIn.password')}</label>
              <input id="proxy-password" className="input" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
            </div>
            <p className="field__hint">{t('network.proxySignIn.note')}</p>
            <div className="form__actions">
              <button type="submit" className="button button--primary" disabled={!username}>
                {t('network.proxySignIn.submit')}
              </button>
              <button type="button" className="button" onClick={cancel}>
                {t('network.proxySignIn.cancel')}
              </button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
