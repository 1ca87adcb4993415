import type { Settings, SettingsPatch } from '../../../shared/contract';
import { call, support } from '../../app/bridge';

export const settingsApi = {
  get: () => call(support().settings.get()),
  update: (patch: SettingsPatch) => call(support().settings.update(patch)),
  onDidChange: (callback: (settings: Settings) => void) => support().on('settings.onDidChange', callback),
};
