import type { TokenResponse } from '../../../shared/api';
import type { SessionState } from '../../../shared/contract';
import type { Settings } from '../../../shared/contract/settings';
import { AppError, toErrorShape } from '../../../shared/errors';
import { Emitter } from '../emitter';
import { startLoopbackReceiver, type LoopbackReceiver } from './loopback-receiver';
import type { OAuthClient } from './oauth-client';
import { codeChallengeS256, createCodeVerifier, createState } from './pkce';
import type { StoredTokens, TokenVault } from './token-vault';
import { logFailure } from '../logging/log';

export interface SessionServiceDeps {
  oauth: OAuthClient;
  vault: TokenVault;
  /** Opens the system browser (RFC 8252: never an embedded web view for sign-in). */
  openBrowser: (url: string) => Promise<void>;
  now?: () => number;
  signInTimeoutMs?: number;
  /** Refresh this long before the access token expires, so no call fails on a token that just ran out. */
  refreshSkewMs?: number;
  /** The app's language: the API's sign-in page (ui_locales) and the finish page speak it. */
  language?: () => Settings['language'];
}

interface Attempt {
  receiver: LoopbackReceiver;
  done: Promise<void>;
}

export class SessionService {
  readonly onDidChange = new Emitter<SessionState>();
  private state: SessionState = { status: 'signed-out' };
  private attempt: Attempt | null = null;
  private refreshing: Promise<string> | null = null;
  private readonly now: () => number;

  constructor(private readonly deps: SessionServiceDeps) {
    this.now = deps.now ?? Date.now;
  }

  get(): SessionState {
    return this.state;
  }

  /** Picks up tokens saved by an earlier run, if they belong to the API in use now. */
  async restore(): Promise<SessionState> {
    const tokens = await this.deps.vault.load();
    if (tokens && tokens.apiUrl === this.deps.oauth.apiUrl) this.signedIn(tokens);
    else if (tokens) await this.deps.vault.wipe();
    return this.state;
  }

  /** Starts the browser sign-in and returns at once; the result arrives as a state change. */
  async signIn(): Promise<{ authorizeUrl: string }> {
    this.cancelSignIn();
    const language = this.deps.language?.() ?? 'en';
    const receiver = await startLoopbackReceiver('/callback', language);
    const verifier = createCodeVerifier();
    const state = createState();
    const authorizeUrl = this.deps.oauth.authorizeUrl({ redirectUri: receiver.redirectUri, state, codeChallenge: codeChallengeS256(verifier), uiLocales: language });
    const attempt: Attempt = { receiver, done: Promise.resolve() };
    attempt.done = this.finishSignIn(attempt, state, verifier);
    this.attempt = attempt;
    this.setState({ status: 'signing-in', authorizeUrl });
    // The page also shows the link, so a browser that fails to open is not a dead end.
    // The sign-in screen shows the link to copy by hand, so a browser that does not open is no dead end.
    this.deps.openBrowser(authorizeUrl).catch(logFailure('sign-in: the system browser did not open'));
    return { authorizeUrl };
  }

  /** Resolves when the current sign-in attempt has ended, however it ended. */
  async settled(): Promise<SessionState> {
    await this.attempt?.done;
    return this.state;
  }

  cancelSignIn(): void {
    const attempt = this.attempt;
    if (!attempt) return;
    this.attempt = null;
    attempt.receiver.close();
    if (this.state.status === 'signing-in') this.setState({ status: 'signed-out' });
  }

  async signOut(): Promise<void> {
    this.cancelSignIn();
    const tokens = this.deps.vault.current;
    await this.deps.vault.wipe();
    this.setState({ status: 'signed-out' });
    if (!tokens) return;
    // Best effort: a sign-out while offline still ends the session on this computer.
    await Promise.allSettled([
      this.deps.oauth.revoke(tokens.refreshToken, 'refresh_token'),
      this.deps.oauth.revoke(tokens.accessToken, 'access_token'),
    ]);
  }

  /** A valid access token, refreshed first when it is about to expire. */
  async getAccessToken(): Promise<string> {
    const tokens = this.deps.vault.current;
    if (!tokens || this.state.status !== 'signed-in') throw new AppError('unauthorized', 'Please sign in first.');
    if (tokens.expiresAt - this.now() > (this.deps.refreshSkewMs ?? 60_000)) return tokens.accessToken;
    this.refreshing ??= this.refresh(tokens).finally(() => (this.refreshing = null));
    return this.refreshing;
  }

  /** The server refused our token: the session is over on this computer too. */
  async endSession(reason = 'Your session has ended. Please sign in again.'): Promise<void> {
    if (this.state.status !== 'signed-in') return;
    // State first: the screen must change at once, even if the disk is slow.
    this.setState({ status: 'signed-out', lastError: { code: 'unauthorized', message: reason } });
    await this.deps.vault.wipe();
  }

  /** Keeps the name and e-mail in the header current after the profile changed. */
  async updateUser(user: { name: string; email: string }): Promise<void> {
    const tokens = this.deps.vault.current;
    if (!tokens || this.state.status !== 'signed-in') return;
    await this.save({ ...tokens, user: { ...tokens.user, ...user } });
  }

  /** Re-saves the tokens under the current storage policy (disk or memory only). */
  async reapplyTokenStorage(): Promise<void> {
    const tokens = this.deps.vault.current;
    if (tokens && this.state.status === 'signed-in') await this.save(tokens);
  }

  private async refresh(tokens: StoredTokens): Promise<string> {
    try {
      const fresh = await this.deps.oauth.refresh(tokens.refreshToken);
      await this.save(this.toStored(fresh, tokens.user));
      return fresh.access_token;
    } catch (error) {
      if (error instanceof AppError && error.code === 'unauthorized') await this.endSession();
      throw error;
    }
  }

  private async finishSignIn(attempt: Attempt, expectedState: string, verifier: string): Promise<void> {
    const timeout = setTimeout(() => attempt.receiver.close(), this.deps.signInTimeoutMs ?? 5 * 60_000);
    try {
      const query = await attempt.receiver.callback;
      if (query.get('state') !== expectedState) {
        throw new AppError('forbidden', 'The sign-in answer did not belong to this sign-in (state mismatch). Please try again.');
      }
      const serverError = query.get('error');
      if (serverError) throw new AppError('unauthorized', `The sign-in page refused the request (${serverError}).`);
      const code = query.get('code');
      if (!code) throw new AppError('unauthorized', 'The sign-in page sent no authorization code.');
      const tokens = await this.deps.oauth.exchangeCode(code, attempt.receiver.redirectUri, verifier);
      const me = await this.deps.oauth.whoAmI(tokens.access_token);
      if (this.attempt !== attempt) return; // cancelled while we waited
      await this.save(this.toStored(tokens, { id: me.id, name: me.name, email: me.email }));
    } catch (error) {
      if (this.attempt !== attempt) return;
      const shape = toErrorShape(error);
      this.setState({ status: 'signed-out', lastError: shape.code === 'cancelled' ? { code: 'timeout', message: 'Sign-in took too long. Please try again.' } : shape });
    } finally {
      clearTimeout(timeout);
      if (this.attempt === attempt) {
        this.attempt = null;
        attempt.receiver.close();
      }
    }
  }

  private toStored(tokens: TokenResponse, user: StoredTokens['user']): StoredTokens {
    return {
      apiUrl: this.deps.oauth.apiUrl,
      accessToken: tokens.access_token,
      refreshToken: tokens.refresh_token,
      expiresAt: this.now() + tokens.expires_in * 1000,
      user,
    };
  }

  private async save(tokens: StoredTokens): Promise<void> {
    await this.deps.vault.save(tokens);
    this.signedIn(tokens);
  }

  private signedIn(tokens: StoredTokens): void {
    this.setState({ status: 'signed-in', user: tokens.user, tokenStorage: this.deps.vault.storage() });
  }

  private setState(state: SessionState): void {
    this.state = state;
    this.onDidChange.fire(state);
  }
}
