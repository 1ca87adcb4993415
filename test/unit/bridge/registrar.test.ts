import { describe, expect, it } from 'vitest';
import { createDispatcher, type SenderInfo } from '../../../main/bridge/registrar';
import { AppError } from '../../../shared/errors';
import { recordingHandlers } from '../../fakes/fake-services';

const APP: SenderInfo = { url: 'app://bundle/index.html', isTopFrame: true };
const trusted = (url: string) => url.startsWith('app://bundle/');

function setup() {
  const { handlers, calls } = recordingHandlers();
  return { dispatch: createDispatcher({ handlers, isTrustedOrigin: trusted }), calls };
}

describe('bridge registrar refusals (no service is called)', () => {
  const unknownChannels: [string, unknown][] = [
    ['a method that does not exist', 'profile.delete'],
    ['an empty name', ''],
    ['a prototype key', '__proto__'],
    ['constructor', 'constructor'],
    ['toString', 'toString'],
    ['a number', 42],
    ['null', null],
    ['an object', { method: 'profile.get' }],
    ['a near miss in case', 'Profile.get'],
    ['a trailing space', 'profile.get '],
  ];
  it.each(unknownChannels)('refuses %s as unknown_channel', async (_label, method) => {
    const { dispatch, calls } = setup();
    const result = await dispatch(method, undefined, APP);
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    expect(calls).toEqual([]);
  });

  const foreignSenders: [string, SenderInfo][] = [
    ['an iframe of the app', { url: 'app://bundle/index.html', isTopFrame: false }],
    ['a web page', { url: 'https://evil.example/', isTopFrame: true }],
    ['a file URL', { url: 'file:///home/user/index.html', isTopFrame: true }],
    ['a look-alike host', { url: 'app://bundle.evil/index.html', isTopFrame: true }],
    ['an empty URL', { url: '', isTopFrame: true }],
  ];
  it.each(foreignSenders)('refuses %s as forbidden_sender', async (_label, sender) => {
    const { dispatch, calls } = setup();
    const result = await dispatch('profile.get', undefined, sender);
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    expect(calls).toEqual([]);
  });

  const malformed: [string, string, unknown][] = [
    ['input where none is expected', 'profile.get', { id: 'someone-else' }],
    ['a string where none is expected', 'session.signOut', 'now'],
    ['an empty profile patch', 'profile.update', {}],
    ['an unknown profile field', 'profile.update', { isAdmin: true }],
    ['an invalid e-mail', 'profile.update', { email: 'not-an-email' }],
    ['a number as name', 'profile.update', { name: 42 }],
    ['an empty name', 'profile.update', { name: '   ' }],
    ['a 10,000-character job', 'profile.update', { job: 'x'.repeat(10_000) }],
    ['a bad country code', 'profile.update', { country: 'Germany' }],
    ['letters as phone', 'profile.update', { phone: 'call me' }],
    ['a patch that is an array', 'profile.update', [{ name: 'A' }]],
    ['null as patch', 'profile.update', null],
    ['an unknown setting', 'settings.update', { nodeIntegration: true }],
    ['a language we do not have', 'settings.update', { language: 'xx' }],
    ['a font size out of range', 'settings.update', { fontSize: 400 }],
    ['a javascript: API URL', 'settings.update', { apiUrl: 'javascript:alert(1)' }],
    ['openExternal without url', 'app.openExternal', {}],
    ['openExternal with an extra key', 'app.openExternal', { url: 'https://support.example.com', force: true }],
    ['openExternal with a huge url', 'app.openExternal', { url: `https://support.example.com/${'a'.repeat(5000)}` }],
    ['a prototype-polluting patch', 'settings.update', JSON.parse('{"__proto__": {"polluted": true}}')],
  ];
  it.each(malformed)('refuses %s as validation', async (_label, method, input) => {
    const { dispatch, calls } = setup();
    const result = await dispatch(method, input, APP);
    expect(result).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(calls).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('says which field is wrong', async () => {
    const { dispatch } = setup();
    const result = await dispatch('profile.update', { email: 'nope' }, APP);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.fields).toHaveProperty('email');
  });
});

describe('bridge registrar calls', () => {
  it('passes the parsed input to the handler and wraps its value', async () => {
    const { dispatch, calls } = setup();
    const result = await dispatch('profile.update', { phone: ' +49 30 1234567 ', country: 'de' }, APP);
    expect(result).toEqual({ ok: true, value: undefined });
    expect(calls).toEqual([{ method: 'profile.update', input: { phone: '+49 30 1234567', country: 'DE' } }]);
  });

  it('returns a service AppError as a typed error', async () => {
    const { handlers } = recordingHandlers();
    handlers['profile.get'] = () => {
      throw new AppError('offline', 'No network');
    };
    const dispatch = createDispatcher({ handlers, isTrustedOrigin: trusted });
    expect(await dispatch('profile.get', undefined, APP)).toEqual({ ok: false, error: { code: 'offline', message: 'No network' } });
  });

  it('hides the details of an unexpected exception and reports it', async () => {
    const { handlers } = recordingHandlers();
    handlers['profile.get'] = () => {
      throw new Error('SQLITE_CORRUPT at /home/alice/secret.db');
    };
    const reported: string[] = [];
    const dispatch = createDispatcher({ handlers, isTrustedOrigin: trusted, onInternalError: (m) => reported.push(m) });
    const result = await dispatch('profile.get', undefined, APP);
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toContain('secret.db');
    expect(reported).toEqual(['profile.get']);
  });
});
