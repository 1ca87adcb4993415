import type { SafeStorage } from 'electron';
import type { SecretStore } from '../services/session/secret-store';

/** Electron safeStorage behind the session's SecretStore interface. */
export function safeStorageSecrets(safeStorage: SafeStorage, platform: NodeJS.Platform): SecretStore {
  return {
    backend() {
      if (!safeStorage.isEncryptionAvailable()) return 'unavailable';
      // On Linux without a keyring Chromium falls back to a hard-coded key: not real protection.
      if (platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') return 'basic_text';
      return 'os';
    },
    encrypt: (plain) => safeStorage.encryptString(plain),
    decrypt: (cipher) => safeStorage.decryptString(cipher),
  };
}
