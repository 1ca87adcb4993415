import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { StatusMessage } from '../../ui/StatusMessage';
import { LogsPanel } from '../logs/LogsPanel';
import { DiagnosticsPanel } from '../network/DiagnosticsPanel';
import { SettingsForm } from './SettingsForm';
import { UpdatesPanel } from './UpdatesPanel';
import './settings.css';
import { useSettings } from './use-settings';

export function SettingsPage() {
  const { t } = useTranslation();
  const settings = useSettings();
  const [status, setStatus] = useState<'saved' | 'noChanges' | undefined>();

  return (
    <section className="page">
      <h1>{t('settings.title')}</h1>
      <p className="page__intro">{t('settings.intro')}</p>
      <StatusMessage message={status && t(`settings.${status}`)} />
      {settings.isPending && <p>{t('app.loading')}</p>}
      {settings.isError && <ErrorAlert error={settings.error} title={t('settings.loadFailed')} onRetry={() => void settings.refetch()} />}
      {settings.data && (
        // The form follows changes made elsewhere itself, keeping what is being edited.
        <SettingsForm settings={settings.data} onSaved={(changed) => setStatus(changed ? 'saved' : 'noChanges')} />
      )}
      <DiagnosticsPanel />
      <UpdatesPanel />
      <LogsPanel />
    </section>
  );
}
