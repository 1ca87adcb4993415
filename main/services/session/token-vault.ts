import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { z } from 'zod';
import type { SecretStore } from './secret-store';

export const StoredTokensSchema = z.object({
  apiUrl: z.string(),
  accessToken: z.string(),
  refreshToken: z.string(),
  /** epoch ms */
  expiresAt: z.number(),
  user: z.object({ id: z.string(), name: z.string(), email: z.string() }),
});
export type StoredTokens = z.infer<typeof StoredTokensSchema>;

/**
 * Keeps tokens in memory, and on disk only as the OS secret store's ciphertext. On Linux's
 * basic_text backend the "encryption" uses a fixed key, so tokens persist only if the user agreed.
 */
export class TokenVault {
  private tokens: StoredTokens | null = null;

  constructor(
    private readonly file: string,
    private readonly secrets: SecretStore,
    private readonly allowWeakStorage: () => boolean,
  ) {}

  get current(): StoredTokens | null {
    return this.tokens;
  }

  /** Where the next save goes: 'encrypted' (on disk, ciphertext) or 'memory'. */
  storage(): 'encrypted' | 'memory' {
    const backend = this.secrets.backend();
    return backend === 'os' || (backend === 'basic_text' && this.allowWeakStorage()) ? 'encrypted' : 'memory';
  }

  async load(): Promise<StoredTokens | null> {
    if (this.storage() !== 'encrypted') return null;
    try {
      const plain = this.secrets.decrypt(await readFile(this.file));
      this.tokens = StoredTokensSchema.parse(JSON.parse(plain));
    } catch {
      this.tokens = null; // missing, from another OS user, or corrupt: start signed out
    }
    return this.tokens;
  }

  async save(tokens: StoredTokens): Promise<void> {
    this.tokens = tokens;
    if (this.storage() !== 'encrypted') {
      await rm(this.file, { force: true });
      return;
    }
    // Write then rename, so a crash never leaves half a token file.
    const temp = `${this.file}.${process.pid}.tmp`;
    await writeFile(temp, this.secrets.encrypt(JSON.stringify(tokens)), { mode: 0o600 });
    await rename(temp, this.file);
  }

  async wipe(): Promise<void> {
    this.tokens = null;
    await rm(this.file, { force: true });
  }
}
