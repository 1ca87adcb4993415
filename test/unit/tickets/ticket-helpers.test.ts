import { describe, expect, it } from 'vitest';
import { diagnosticsBundle, redactSettings } from '../../../main/services/tickets/diagnostics';
import { emptyDraft } from '../../../main/services/tickets/ticket-drafts';

describe('the diagnostics bundle the user previews', () => {
  it('keeps settings but drops passwords, tokens and credentials in proxy URLs (P6.1)', () => {
    const settings = {
      language: 'en',
      proxy: { mode: 'manual', url: 'http://bob:hunter2@proxy.example:8080', password: 'hunter2' },
      apiToken: 'abc',
      accessKey: 'k',
    };
    expect(redactSettings(settings)).toEqual({ language: 'en', proxy: { mode: 'manual', url: 'http://proxy.example:8080' } });
  });

  it("holds app version, OS, redacted settings, recent log lines and the end of the app's log file (issue 14), nothing else", () => {
    const appLog = ['{"level":40,"msg":"tickets: reading the change feed failed"}'];
    const text = diagnosticsBundle({ version: '1.2.3', platform: 'linux', settings: { token: 'x', theme: 'dark' }, log: ['outbox #1: create delivered'], appLog, outbox: { waiting: 0 }, now: 0 });
    const bundle = JSON.parse(text);
    expect(Object.keys(bundle)).toEqual(['generatedAt', 'app', 'os', 'settings', 'outbox', 'recentLog', 'appLog']);
    expect(bundle.appLog).toEqual(appLog);
    expect(bundle.settings).toEqual({ theme: 'dark' });
    expect(text).not.toContain('"token"');
  });
});

describe('a new draft', () => {
  it('remembers the documentation page it came from ("this did not help", P1.5)', () => {
    expect(emptyDraft({}, 'edge-router-9.2/bgp-troubleshooting').origin).toEqual({ kind: 'doc', ref: 'edge-router-9.2/bgp-troubleshooting' });
  });

  it('ignores an origin that is not a plain page reference', () => {
    expect(emptyDraft({}, '<img src=x onerror=alert(1)>').origin).toBeNull();
    expect(emptyDraft({}, '').origin).toBeNull();
  });

  it('takes the contact details it is given and leaves the rest empty', () => {
    expect(emptyDraft({ name: 'Alice', email: 'a@example.com' }).contact).toEqual({ name: 'Alice', email: 'a@example.com', phone: '', country: '', contactAddress: '', company: '' });
  });
});

