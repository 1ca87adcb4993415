import electronUpdater from 'electron-updater';
import type { UpdaterAdapter } from '../services/desktop/update-service';

/**
 * electron-updater over the generic feed in electron-builder.yml (`publish`). It downloads and
 * checks the sha512 itself; UpdateService checks the file again with our own code, and only then
 * turns on install-at-quit or restarts into the installer.
 */
export function electronUpdaterAdapter(channel?: 'latest' | 'beta'): UpdaterAdapter {
  const { autoUpdater } = electronUpdater;
  // Enterprise policy UpdateChannel pins the feed (latest.yml or beta.yml).
  if (channel) autoUpdater.channel = channel;
  autoUpdater.autoDownload = false;
  autoUpdater.autoInstallOnAppQuit = false;
  autoUpdater.allowDowngrade = false;
  autoUpdater.allowPrerelease = false;
  return {
    async check() {
      const result = await autoUpdater.checkForUpdates();
      if (!result?.isUpdateAvailable) return null;
      const file = result.updateInfo.files[0];
      if (!file) return null;
      return { version: result.updateInfo.version, sha512: file.sha512, size: file.size };
    },
    async download(onProgress) {
      const listener = (progress: { percent: number }) => onProgress(progress.percent);
      autoUpdater.on('download-progress', listener);
      try {
        const files = await autoUpdater.downloadUpdate();
        const file = files[0];
        if (!file) throw new Error('The update download produced no file.');
        return file;
      } finally {
        autoUpdater.off('download-progress', listener);
      }
    },
    install(_file, restartNow) {
      if (restartNow) autoUpdater.quitAndInstall(false, true);
      else autoUpdater.autoInstallOnAppQuit = true;
    },
  };
}
