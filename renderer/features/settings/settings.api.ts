import type { Settings, SettingsPatch } from '../../../shared/contract';
import type { UpdateStatus } from '../../../shared/contract/desktop-contract';
import { call, support } from '../../app/bridge';

export const settingsApi = {
  get: () => call(support().settings.get()),
  update: (patch: SettingsPatch) => call(support().settings.update(patch)),
  onDidChange: (callback: (settings: Settings) => void) => support().on('settings.onDidChange', callback),
};

/** Where downloads go now (the software domain resolves the system's Downloads folder). */
export const downloadFolderApi = {
  current: () => call(support().software.downloadFolder()),
};

export const updatesApi = {
  status: () => call(support().desktop.updateStatus()),
  check: () => call(support().desktop.checkForUpdates()),
  download: () => call(support().desktop.downloadUpdate()),
  install: () => call(support().desktop.installUpdate()),
  onStatus: (callback: (status: UpdateStatus) => void) => support().on('desktop.onUpdateStatus', callback),
};
