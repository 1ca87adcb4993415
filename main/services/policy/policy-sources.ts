import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parsePolicy, type Policy, type PolicyProblem } from './policy';

/** Where each OS keeps this app's policy (the names in electron-builder.yml: appId, executableName). */
export const POLICY_LOCATIONS = {
  windowsKey: 'HKLM\\Software\\Policies\\ExampleSupport\\EnterpriseSupportDesktop',
  macBundleId: 'com.example.support.desktop',
  linuxFile: 'etc/enterprise-support-desktop/policy.json',
} as const;

export type RunCommand = (command: string, args: string[]) => Promise<string>;

export interface PolicySourceOptions {
  platform: NodeJS.Platform;
  /** The file-system root the policy paths hang from: '/' in the app, a temporary folder in tests. */
  root?: string;
  /** Runs `reg` (Windows) and `plutil` (macOS); tests pass a stand-in. */
  run?: RunCommand;
  /** The signed-in OS user, for macOS per-user managed preferences. */
  user?: string;
}

export interface ReadPolicy {
  policy: Policy;
  problems: PolicyProblem[];
  /** The file or registry key it came from; null when this computer has no policy for the app. */
  origin: string | null;
}

const runFile: RunCommand = async (command, args) => (await promisify(execFile)(command, args, { windowsHide: true, timeout: 10_000, maxBuffer: 1024 * 1024 })).stdout;

/**
 * Reads this computer's policy for the app. Never throws: an unreadable policy is reported as a
 * problem (and logged by the caller) and the app starts without it.
 */
export async function readPolicy(options: PolicySourceOptions): Promise<ReadPolicy> {
  const root = options.root ?? '/';
  const run = options.run ?? runFile;
  try {
    const found = options.platform === 'win32' ? await readRegistry(run) : options.platform === 'darwin' ? await readManagedPreferences(root, run, options.user) : readJsonFile(join(root, POLICY_LOCATIONS.linuxFile));
    if (!found) return { policy: { lockedSettings: [] }, problems: [], origin: null };
    return { ...parsePolicy(found.values), origin: found.origin };
  } catch (error) {
    return { policy: { lockedSettings: [] }, problems: [{ key: '*', reason: `the policy could not be read: ${error instanceof Error ? error.message : String(error)}` }], origin: null };
  }
}

type Found = { values: Record<string, unknown>; origin: string } | null;

function readJsonFile(file: string): Found {
  if (!existsSync(file)) return null;
  const value: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error(`${file} does not hold a JSON object`);
  return { values: value as Record<string, unknown>, origin: file };
}

/** Managed preferences (a configuration profile pushed by MDM): the user's own first, then the computer's. */
async function readManagedPreferences(root: string, run: RunCommand, user?: string): Promise<Found> {
  const folder = join(root, 'Library', 'Managed Preferences');
  const candidates = [...(user ? [join(folder, user, `${POLICY_LOCATIONS.macBundleId}.plist`)] : []), join(folder, `${POLICY_LOCATIONS.macBundleId}.plist`)];
  const file = candidates.find((candidate) => existsSync(candidate));
  if (!file) return null;
  // plutil reads both the binary and the XML plist format that MDM tools write.
  const value: unknown = JSON.parse(await run('/usr/bin/plutil', ['-convert', 'json', '-o', '-', file]));
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error(`${file} does not hold a dictionary`);
  return { values: value as Record<string, unknown>, origin: file };
}

/** `reg query` prints one value a line: four spaces, name, four spaces, type, four spaces, data. */
const REG_LINE = /^ {4}(.+?) {4}(REG_[A-Z_]+)(?: {4}(.*))?$/;

export function parseRegQuery(output: string): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const line of output.split(/\r?\n/)) {
    const match = REG_LINE.exec(line);
    if (!match) continue;
    const [, name, type, data = ''] = match as unknown as [string, string, string, string | undefined];
    if (type === 'REG_DWORD' || type === 'REG_QWORD') values[name] = Number.parseInt(data, 16);
    else if (type === 'REG_MULTI_SZ') values[name] = data.split('\\0').filter(Boolean);
    else values[name] = data;
  }
  return values;
}

async function readRegistry(run: RunCommand): Promise<Found> {
  let output: string;
  try {
    output = await run('reg', ['query', POLICY_LOCATIONS.windowsKey]);
  } catch (error) {
    // reg exits with 1 when the key does not exist: no policy, the usual case.
    if ((error as { code?: unknown }).code === 1) return null;
    throw error;
  }
  return { values: parseRegQuery(output), origin: POLICY_LOCATIONS.windowsKey };
}
