import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The architecture's import rules are only worth something if lint really fails on a breach.
const eslint = new ESLint();
async function violations(filePath: string, code: string): Promise<{ rule: string; message: string }[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => ({ rule: m.ruleId ?? 'parse error', message: m.message }));
}

// Each breach must be refused by the boundary rule itself, with the layer's own explanation: a typo
// that only fails to parse, or an unrelated rule, would otherwise pass for a working boundary.
const IMPORT_RULE = 'no-restricted-imports';

describe('import boundaries (ARCHITECTURE.md), enforced at error', () => {
  it.each([
    ['renderer/app/x.ts', "import 'electron';", IMPORT_RULE, /Only main\/platform/],
    ['renderer/features/profile/x.tsx', "import { ipcRenderer } from 'electron';\nexport const a = ipcRenderer;", IMPORT_RULE, /Only main\/platform/],
    ['shared/x.ts', "import 'electron';", IMPORT_RULE, /shared\/ imports no/],
    ['shared/x.ts', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;", IMPORT_RULE, /No Node built-ins/],
    ['shared/x.ts', "import axios from 'axios';\nexport const a = axios;", IMPORT_RULE, /shared\/ imports nothing/],
    ['renderer/app/x.ts', "import { join } from 'node:path';\nexport const a = join;", IMPORT_RULE, /No Node built-ins/],
    ['renderer/app/x.ts', "import { SessionService } from '../../main/services/session/session-service';\nexport const a = SessionService;", IMPORT_RULE, /session-service' import is restricted/],
    ['main/services/session/x.ts', "import { app } from 'electron';\nexport const a = app;", IMPORT_RULE, /Only main\/platform/],
    ['main/services/session/x.ts', "import { x } from '../../../renderer/app/bridge';\nexport const a = x;", IMPORT_RULE, /renderer\/app\/bridge' import is restricted/],
    ['server/x.ts', "import { x } from '../main/compose';\nexport const a = x;", IMPORT_RULE, /This layer/],
    ['preload/x.ts', "import { x } from '../main/compose';\nexport const a = x;", IMPORT_RULE, /This layer/],
    ['conformance/x.ts', "import { x } from '../server/app';\nexport const a = x;", IMPORT_RULE, /This layer/],
    ['renderer/features/profile/ProfileView.tsx', 'export const a = window.support;', 'no-restricted-properties', /Call the bridge from the feature/],
  ] as const)('%s: refuses %j with %s', async (file, code, rule, explanation) => {
    const found = await violations(file, code);
    expect(found.length).toBeGreaterThan(0);
    // Every error is the boundary rule (no parse error or other rule hiding among them) ...
    expect(found.map((violation) => violation.rule)).toEqual(found.map(() => rule));
    // ... and one of them gives this boundary's reason.
    expect(found.some((violation) => explanation.test(violation.message))).toBe(true);
  });

  it.each([
    ['main/platform/x.ts', "import { app } from 'electron';\nexport const a = app;"],
    ['preload/x.ts', "import { contextBridge } from 'electron';\nexport const a = contextBridge;"],
    ['renderer/features/profile/profile.api.ts', 'export const a = window.support;'],
    ['shared/x.ts', "import { z } from 'zod';\nexport const a = z;"],
  ])('%s: allows %j', async (file, code) => {
    expect(await violations(file, code)).toEqual([]);
  });
});
