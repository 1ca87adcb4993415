import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../../..');

/**
 * Checks whose findings cannot be judged here, excluded with the reason:
 * AvailableSecurityFixesGlobalCheck downloads Electron's release list from GitHub (no Internet on
 * our build machines); whether our Electron is current is checked against the npm registry in
 * test/security/dependency-audit.test.ts instead.
 */
const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];

export interface Finding {
  rule: string;
  /** As the SARIF names it: relative to the scanned folder, or a path inside the ASAR. */
  file: string;
  line: number;
  /** 'note' when Electronegativity asks for a manual review, 'warning' otherwise. */
  level: string;
  message: string;
}

interface Sarif {
  runs: {
    results: {
      ruleId: string;
      level: string;
      message: { text: string };
      locations?: { physicalLocation?: { artifactLocation?: { uri?: string }; region?: { startLine?: number; startColumn?: number } } }[];
    }[];
  }[];
}

/** The Electron version we ship: the scanner cannot read it from a packaged app (devDependencies are stripped). */
export function shippedElectronVersion(): string {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
  return pkg.devDependencies.electron!.replace(/^[^\d]*/, '');
}

const SEVERITY_RANK: Record<string, number> = { INFORMATIONAL: 0, LOW: 1, MEDIUM: 2, HIGH: 3 };

/** Finding key shared by both outputs; the SARIF writer maps a missing file to file:/// and line 0 to 1. */
const key = (rule: string, file: string, line: number, column: number) => `${rule}|${file === 'N/A' ? 'file:///' : file}|${line === 0 ? 1 : line}|${column}`;

/**
 * The CSV output's severity per finding. Electronegativity's SARIF carries no severity, and its
 * `-s` option filters only the console table, not the files, so the same scan is also written as
 * CSV (same findings, same order) to learn each one's severity.
 */
function severities(csv: string): Map<string, string> {
  const bySeverity = new Map<string, string>();
  for (const row of csv.matchAll(/^([A-Z0-9_]+),"(\w+)","\w+","((?:[^"]|"")*)","(\d+):(\d+)"/gm)) {
    const [, rule, severity, file, line, column] = row as unknown as [string, string, string, string, string, string];
    bySeverity.set(key(rule, file.replace(/""/g, '"'), Number(line), Number(column) + 1), severity);
  }
  return bySeverity;
}

async function scan(input: string, output: string): Promise<void> {
  await run(
    join(ROOT, 'node_modules', '.bin', 'electronegativity'),
    ['-i', input, '-o', output, '-r', '-v', 'false', '-e', shippedElectronVersion(), '-x', EXCLUDED_CHECKS.join(',')],
    {
      cwd: ROOT,
      maxBuffer: 16 * 1024 * 1024,
      env: { ...process.env, NODE_OPTIONS: `--import ${pathToFileURL(join(import.meta.dirname, 'offline.mjs')).href}`, LANG: 'en-US' },
    },
  );
}

/**
 * Runs Electronegativity (node_modules/.bin) on a folder or an .asar and returns its SARIF findings
 * of medium severity or above. It exits 0 whatever it finds, so callers must judge the findings.
 * A SARIF finding whose severity cannot be told counts as medium or above.
 */
export async function scanForMediumOrAbove(input: string): Promise<Finding[]> {
  const dir = mkdtempSync(join(tmpdir(), 'electronegativity-'));
  try {
    await Promise.all([scan(input, join(dir, 'findings.sarif')), scan(input, join(dir, 'findings.csv'))]);
    const sarif = JSON.parse(readFileSync(join(dir, 'findings.sarif'), 'utf8')) as Sarif;
    const severity = severities(readFileSync(join(dir, 'findings.csv'), 'utf8'));
    return sarif.runs.flatMap((r) =>
      r.results.flatMap((result) => {
        const location = result.locations?.[0]?.physicalLocation;
        const finding: Finding = {
          rule: result.ruleId,
          file: location?.artifactLocation?.uri ?? '',
          line: location?.region?.startLine ?? 0,
          level: result.level,
          message: result.message.text,
        };
        const rank = SEVERITY_RANK[severity.get(key(finding.rule, finding.file, finding.line, location?.region?.startColumn ?? 1)) ?? 'HIGH'] ?? 3;
        return rank >= SEVERITY_RANK.MEDIUM! ? [finding] : [];
      }),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
