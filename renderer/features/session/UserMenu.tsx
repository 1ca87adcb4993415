import { useTranslation } from 'react-i18next';
import type { SessionState } from '../../../shared/contract';
import { errorText } from '../../ui/error-text';
import { useSignOut } from './use-session';

type Props = { session: Extract<SessionState, { status: 'signed-in' }> };

export function UserMenu({ session }: Props) {
  const { t } = useTranslation();
  const signOut = useSignOut();
  const memoryOnly = session.tokenStorage === 'memory';

  return (
    <div className="user">
      <span className="user__name" title={memoryOnly ? t('session.memoryTokens') : session.user.email}>
        {t('session.signedInAs', { name: session.user.name })}
      </span>
      <button type="button" className="button button--small" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
        {signOut.isPending ? t('session.signingOut') : t('session.signOut')}
      </button>
      {signOut.isError && (
        <span className="user__error" role="alert">
          {errorText(t, signOut.error).summary}
        </span>
      )}
    </div>
  );
}
