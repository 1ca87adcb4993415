import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The architecture's import rules are only worth something if lint really fails on a breach.
const eslint = new ESLint();
async function violations(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => m.ruleId ?? 'parse');
}

describe('import boundaries (ARCHITECTURE.md), enforced at error', () => {
  it.each([
    ['renderer/app/x.ts', "import 'electron';"],
    ['renderer/features/profile/x.tsx', "import { ipcRenderer } from 'electron';\nexport const a = ipcRenderer;"],
    ['shared/x.ts', "import 'electron';"],
    ['shared/x.ts', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;"],
    ['shared/x.ts', "import axios from 'axios';\nexport const a = axios;"],
    ['renderer/app/x.ts', "import { join } from 'node:path';\nexport const a = join;"],
    ['renderer/app/x.ts', "import { SessionService } from '../../main/services/session/session-service';\nexport const a = SessionService;"],
    ['main/services/session/x.ts', "import { app } from 'electron';\nexport const a = app;"],
    ['main/services/session/x.ts', "import { x } from '../../../renderer/app/bridge';\nexport const a = x;"],
    ['server/x.ts', "import { x } from '../main/compose';\nexport const a = x;"],
    ['preload/x.ts', "import { x } from '../main/compose';\nexport const a = x;"],
    ['conformance/x.ts', "import { x } from '../server/app';\nexport const a = x;"],
    ['renderer/features/profile/ProfileView.tsx', 'export const a = window.support;'],
  ])('%s: refuses %j', async (file, code) => {
    expect(await violations(file, code)).not.toEqual([]);
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
