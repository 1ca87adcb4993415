import { useQuery } from '@tanstack/react-query';
import type { UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { formatBytes, formatNumber } from '../../i18n/format';
import { Field } from '../../ui/Field';
import { downloadFolderApi } from './settings.api';
import type { SettingsFormInput, SettingsFormOutput } from '../../../shared/settings-form';

type Props = { form: UseFormReturn<SettingsFormInput, unknown, SettingsFormOutput>; managedNote: (field: string) => string | undefined };

const MIN_STORAGE_MB = 100;

/** Documents and downloads: disk space for offline libraries, the download folder, remote content (P3.3). */
export function DocumentFields({ form, managedNote }: Props) {
  const { t, i18n } = useTranslation();
  const {
    register,
    formState: { errors },
  } = form;
  const storageError = errors.docsStorageLimitMb;
  const saved = form.formState.defaultValues?.downloadFolder ?? '';
  // Keyed by the saved value: after a save the form remounts and asks again.
  const current = useQuery({ queryKey: ['settings', 'download-folder', saved], queryFn: downloadFolderApi.current, retry: false });
  const folderHint = [t('settings.downloadFolderHint'), current.data ? t('settings.downloadFolderNow', { folder: current.data.folder }) : ''].filter(Boolean).join(' ');
  const hint = t('settings.docsStorageLimitHint', {
    min: formatNumber(MIN_STORAGE_MB, i18n.language),
    example: formatNumber(5120, i18n.language),
    exampleGb: formatBytes(5120 * 1024 * 1024, i18n.language),
  });

  return (
    <fieldset className="fieldset">
      <legend>{t('settings.sections.documents')}</legend>
      <Field
        id="settings-docs-storage"
        managedNote={managedNote('docsStorageLimitMb')}
        label={t('settings.docsStorageLimit')}
        hint={hint}
        error={storageError && (storageError.type === 'server' ? storageError.message : t('settings.fieldErrors.docsStorageLimitMb', { min: MIN_STORAGE_MB }))}
      >
        {(control) => <input className="input input--narrow" type="number" min={MIN_STORAGE_MB} step={100} {...control} {...register('docsStorageLimitMb', { valueAsNumber: true })} />}
      </Field>
      <Field
        id="settings-download-folder"
        managedNote={managedNote('downloadFolder')}
        label={t('settings.downloadFolder')}
        hint={folderHint}
        error={errors.downloadFolder && (errors.downloadFolder.type === 'server' ? errors.downloadFolder.message : t('settings.fieldErrors.downloadFolder'))}
      >
        {(control) => <input className="input" spellCheck={false} autoComplete="off" placeholder={current.data?.isDefault ? current.data.folder : undefined} {...control} {...register('downloadFolder')} />}
      </Field>
      <Field id="settings-docs-remote" managedNote={managedNote('docsLoadRemoteContent')} label={t('settings.docsLoadRemoteContent')} hint={t('settings.docsLoadRemoteContentHint')}>
        {(control) => <input className="checkbox" type="checkbox" {...control} {...register('docsLoadRemoteContent')} />}
      </Field>
    </fieldset>
  );
}
