import type { CheckResult } from './kit';

const MARK = { passed: 'PASS', failed: 'FAIL', skipped: 'SKIP' } as const;

/** One line per check (mark, id, time, title or what failed), then the counts; plain text for any terminal or CI log. */
export function formatTable(results: CheckResult[]): string {
  const width = Math.max(...results.map((r) => r.id.length), 5);
  const lines = [`${'     '} ${'check'.padEnd(width)}  ${'ms'.padStart(6)}  what`, `${'-'.repeat(5)} ${'-'.repeat(width)}  ${'-'.repeat(6)}  ${'-'.repeat(40)}`];
  for (const r of results) {
    lines.push(`${MARK[r.status].padEnd(5)} ${r.id.padEnd(width)}  ${String(r.ms).padStart(6)}  ${r.title}`);
    if (r.detail) lines.push(`${' '.repeat(width + 16)}${r.status === 'failed' ? '-> ' : ''}${r.detail}`);
  }
  return `${lines.join('\n')}\n\n${summary(results)}`;
}

/** The closing line: `N passed, N failed, N skipped`. */
export function summary(results: CheckResult[]): string {
  const count = (status: CheckResult['status']) => results.filter((r) => r.status === status).length;
  return `conformance: ${count('passed')} passed, ${count('failed')} failed, ${count('skipped')} skipped`;
}
