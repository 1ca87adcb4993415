/**
 * What the session needs from the OS to keep tokens at rest. In the app this is Electron's
 * safeStorage (main/platform); elsewhere an in-memory stand-in that never persists.
 */
export interface SecretStore {
  /** 'os': keychain/DPAPI/libsecret; 'basic_text': Linux without a keyring (a hard-coded key); 'unavailable'. */
  backend(): 'os' | 'basic_text' | 'unavailable';
  encrypt(plain: string): Buffer;
  decrypt(cipher: Buffer): string;
}

export const memoryOnlySecretStore: SecretStore = {
  backend: () => 'unavailable',
  encrypt: () => {
    throw new Error('No secret store: tokens stay in memory.');
  },
  decrypt: () => {
    throw new Error('No secret store: tokens stay in memory.');
  },
};
