import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../../../main/services/api/api-client';
import { OAuthClient } from '../../../main/services/session/oauth-client';
import { SessionService } from '../../../main/services/session/session-service';
import { TokenVault } from '../../../main/services/session/token-vault';
import { DEMO_ACCOUNT } from '../../../server/db/seed-demo';
import { CatalogueSchema, LicenceSchema } from '../../../shared/api/software';
import { negotiateLocale } from '../../../shared/locale';
import { testSecrets } from '../../fakes/test-secrets';
import { tokenFor } from '../software/helpers';
import { authorizeParams, authorizeUrl, createPkce, postForm, readLoginForm } from '../helpers/oauth-flow';
import { startTestApi, type TestApi } from './helpers';

// Issue 15, item 7: the reference API's sign-in page, the app's sign-in finish page and the texts the
// API holds (product summaries, licences) speak the app's language. A live server on loopback.
let api: TestApi;
beforeAll(async () => void (api = await startTestApi()));
afterAll(() => api.close());

const langOf = (html: string) => /<html lang="([^"]+)"/.exec(html)?.[1];
const signInPage = (params: Record<string, string | undefined>, headers: Record<string, string> = {}) =>
  fetch(authorizeUrl(api.url, authorizeParams(createPkce().challenge, params)), { headers }).then(async (r) => ({ status: r.status, html: await r.text() }));

describe('the language of the sign-in page', () => {
  it('follows the app (ui_locales) first, then the browser (Accept-Language), then English', async () => {
    const byApp = await signInPage({ ui_locales: 'zh-CN' }, { 'Accept-Language': 'en-US,en;q=0.9' });
    expect(langOf(byApp.html)).toBe('zh-CN');
    expect(byApp.html).toContain('<label for="email">电子邮件</label>');
    expect(byApp.html).toContain('<button type="submit">登录</button>');
    const byBrowser = await signInPage({}, { 'Accept-Language': 'de-DE, zh-Hans;q=0.8, en;q=0.5' });
    expect(langOf(byBrowser.html)).toBe('zh-CN');
    const appSaysEnglish = await signInPage({ ui_locales: 'en' }, { 'Accept-Language': 'zh-CN' });
    expect(langOf(appSaysEnglish.html)).toBe('en');
    expect(appSaysEnglish.html).toContain('<label for="email">E-mail</label>');
    expect(langOf((await signInPage({})).html)).toBe('en');
    // A bad link is refused in the user's language too.
    const bad = await signInPage({ ui_locales: 'zh-CN', client_id: 'someone-else' });
    expect(bad.status).toBe(400);
    expect(bad.html).toContain('此登录链接无效');
  });

  it('keeps the language after a wrong password (the form carries it), without the browser saying it again', async () => {
    const pageUrl = authorizeUrl(api.url, authorizeParams(createPkce().challenge, { ui_locales: 'zh-CN' }));
    const form = readLoginForm(await (await fetch(pageUrl)).text(), pageUrl);
    expect(form.fields.ui_locales).toBe('zh-CN');
    const wrong = await postForm(form.action, { ...form.fields, email: DEMO_ACCOUNT.email, password: 'not-the-password' });
    expect(wrong.status).toBe(401);
    const html = await wrong.text();
    expect(langOf(html)).toBe('zh-CN');
    expect(html).toContain('电子邮件或密码错误。');
  });

  it('negotiates tags by quality and refuses traditional Chinese rather than show simplified', () => {
    expect(negotiateLocale(undefined, 'fr;q=1, en;q=0.2, zh;q=0.7')).toBe('zh-CN');
    expect(negotiateLocale(undefined, 'zh-TW, en;q=0.1')).toBe('en');
    expect(negotiateLocale('fr zh-CN', 'en')).toBe('zh-CN');
    expect(negotiateLocale(undefined, 'zh-CN;q=0')).toBe('en');
    expect(negotiateLocale(42, undefined)).toBe('en');
  });
});

describe('signing in from the app in Chinese', () => {
  it('asks for the Chinese sign-in page and shows the finish page in Chinese', async () => {
    const publicApi = new ApiClient({ baseUrl: api.url, fetch, language: () => 'zh-CN' });
    const vault = new TokenVault(join(mkdtempSync(join(tmpdir(), 'esd-lang-')), 'session.bin'), testSecrets('os'), () => false);
    const seen: { login?: string; finish?: string } = {};
    // The system browser: opens the page the app asks for (no Accept-Language of its own), signs in, follows the redirect.
    const openBrowser = async (url: string) => {
      const login = await (await fetch(url)).text();
      seen.login = login;
      const form = readLoginForm(login, url);
      const response = await postForm(form.action, { ...form.fields, email: DEMO_ACCOUNT.email, password: DEMO_ACCOUNT.password });
      seen.finish = await (await fetch(response.headers.get('location')!)).text();
    };
    const session = new SessionService({ oauth: new OAuthClient(publicApi), vault, openBrowser, language: () => 'zh-CN' });
    const { authorizeUrl: opened } = await session.signIn();
    expect(new URL(opened).searchParams.get('ui_locales')).toBe('zh-CN');
    expect(await session.settled()).toMatchObject({ status: 'signed-in' });
    expect(langOf(seen.login!)).toBe('zh-CN');
    expect(langOf(seen.finish!)).toBe('zh-CN');
    expect(seen.finish).toContain('<h1>您已登录</h1>');
    await session.signOut();
  });
});

describe('product summaries and licence texts', () => {
  const clientIn = (language: string) => new ApiClient({ baseUrl: api.url, fetch, language: () => language });
  const summaries = async (language: string) =>
    Object.fromEntries((await clientIn(language).request({ method: 'GET', path: '/software/catalogue', schema: CatalogueSchema })).products.map((p) => [p.id, p.summary]));

  it('come in the app language for every demo product, in English otherwise', async () => {
    const zh = await summaries('zh-CN');
    const en = await summaries('en');
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const id of Object.keys(en)) {
      expect(en[id], id).toMatch(/^[A-Z][\x20-\x7e]+$/);
      // Chinese text: mostly CJK characters, not the English summary.
      expect(zh[id], id).toMatch(/[\u4e00-\u9fff]{6}/);
    }
    const token = await tokenFor(api.url, DEMO_ACCOUNT);
    const zhLicence = await clientIn('zh-CN').request({ method: 'GET', path: '/software/products/nwos/licence', schema: LicenceSchema, bearer: token });
    const enLicence = await clientIn('en').request({ method: 'GET', path: '/software/products/nwos/licence', schema: LicenceSchema, bearer: token });
    expect(zhLicence.text).toContain('许可协议');
    expect(enLicence.text).toContain('licence agreement');
    // One licence, two wordings: accepting the Chinese text accepts the version the English one names.
    expect(zhLicence.version).toBe(enLicence.version);
  });
});
