import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { ClearLocalDataDialog } from './ClearLocalDataDialog';
import { formatSize } from './format';
import { TrustedSites } from './TrustedSites';
import { useDeviceData } from './use-privacy';

/** P3.2: what this computer keeps (the desktop's cookies), with sizes, and the button that deletes it all. */
export function DeviceDataSection() {
  const { t, i18n } = useTranslation();
  const device = useDeviceData();
  // A table a newer feature added and this screen has no words for yet is "other records", never its SQL name.
  const tableName = (name: string) => t([`privacy.device.tables.${name}`, 'privacy.device.otherTable']);
  return (
    <div>
      <h2>{t('privacy.device.title')}</h2>
      <p>{t('privacy.device.intro')}</p>
      {device.isError && <ErrorAlert error={device.error} title={t('privacy.loadFailed')} onRetry={() => void device.refetch()} />}
      {device.data && (
        <>
          <p>{t('privacy.device.folder', { folder: device.data.dataFolder, size: formatSize(device.data.totalBytes, i18n.language) })}</p>
          <p>{t(device.data.tokenStored ? 'privacy.device.tokenStored' : 'privacy.device.tokenNotStored')}</p>
          <p id="device-database-key">{t(`privacy.device.databaseKey.${device.data.databaseKey}`)}</p>
          <p id="device-database-key">{t(`privacy.device.databaseKey.${device.data.databaseKey}`)}</p>
          <table className="privacy__table privacy__device-table">
            <caption className="privacy__sr-only">{t('privacy.device.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('privacy.device.kind')}</th>
                <th scope="col">{t('privacy.device.size')}</th>
                <th scope="col">{t('privacy.device.contents')}</th>
              </tr>
            </thead>
            <tbody>
              {device.data.items.map((item) => (
                <tr key={item.id}>
                  <th scope="row">{t(`privacy.device.kinds.${item.id}`)}</th>
                  <td className="privacy__size">{formatSize(item.bytes, i18n.language)}</td>
                  <td>
                    {item.tables.length > 0
                      ? item.tables.map((table) => t('privacy.device.rows', { table: tableName(table.name), count: table.rows })).join(t('privacy.device.separator'))
                      : t('privacy.device.files', { count: item.files.length })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <TrustedSites />
      <ClearLocalDataDialog />
    </div>
  );
}
