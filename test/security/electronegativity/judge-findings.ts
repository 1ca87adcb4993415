import type { Finding } from './run-electronegativity';
import { SUPPRESSIONS, type Suppression } from './suppressions';

export interface Judgement {
  /** Findings no suppression covers: each one fails the scan. */
  unreviewed: string[];
  /** Suppressions that covered fewer or more findings than they declare. */
  miscounted: string[];
}

/**
 * Splits findings into reviewed (suppressed) and unreviewed, reading each flagged line through `lineAt`.
 */
export function judgeFindings(findings: Finding[], lineAt: (file: string, line: number) => string): Judgement {
  const applicable = SUPPRESSIONS;
  const used = new Map<Suppression, number>();
  const unreviewed: string[] = [];
  for (const finding of findings) {
    const global = finding.file === '' || finding.file === 'file:///';
    const text = global ? '' : lineAt(finding.file, finding.line).trim();
    const match = applicable.find(
      (s) => s.rule === finding.rule && (s.line === null ? global : !global && s.line.test(text)) && (!s.file || s.file.test(finding.file)),
    );
    if (match) used.set(match, (used.get(match) ?? 0) + 1);
    else unreviewed.push(`${finding.rule} at ${finding.file}:${finding.line} (${text || finding.message})`);
  }
  const miscounted = applicable.filter((s) => s.count !== 'any' && (used.get(s) ?? 0) !== s.count).map(
    (s) => `${s.rule} ${s.line ?? '(global)'}: expected ${s.count} finding(s), saw ${used.get(s) ?? 0}`,
  );
  return { unreviewed, miscounted };
}
