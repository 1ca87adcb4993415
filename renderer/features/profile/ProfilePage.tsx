import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { StatusMessage } from '../../ui/StatusMessage';
import { ProfileForm } from './ProfileForm';
import { ProfileView } from './ProfileView';
import { useProfile } from './use-profile';

type Status = 'saved' | 'noChanges' | undefined;

export function ProfilePage() {
  const { t } = useTranslation();
  const profile = useProfile();
  const [editing, setEditing] = useState(false);
  const [status, setStatus] = useState<Status>();
  const editButton = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);

  // Leaving the form removes the focused element; put focus back where the user started.
  useEffect(() => {
    if (!editing && returnFocus.current) {
      returnFocus.current = false;
      editButton.current?.focus();
    }
  }, [editing]);

  const close = (next: Status) => {
    returnFocus.current = true;
    setStatus(next);
    setEditing(false);
  };

  return (
    <section className="page">
      <h1>{t('profile.title')}</h1>
      <p className="page__intro">{t('profile.intro')}</p>
      <StatusMessage message={status && t(`profile.${status}`)} />
      {profile.isPending && <p>{t('app.loading')}</p>}
      {profile.isError && (
        <ErrorAlert error={profile.error} title={t('profile.loadFailed')} onRetry={() => void profile.refetch()} />
      )}
      {profile.data &&
        (editing ? (
          <ProfileForm profile={profile.data} onDone={close} />
        ) : (
          <>
            <ProfileView profile={profile.data} />
            <div className="form__actions">
              <button
                ref={editButton}
                type="button"
                className="button button--primary"
                onClick={() => {
                  setStatus(undefined);
                  setEditing(true);
                }}
              >
                {t('profile.edit')}
              </button>
            </div>
          </>
        ))}
    </section>
  );
}
