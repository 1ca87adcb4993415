import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { HealthSchema } from '../../../shared/api';

it('runs alone with `npm run server` flags, prints the URL and demo sign-in, and stops cleanly on SIGTERM', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'support-api-cli-'));
  const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');
  const child = spawn(tsx, ['server/cli.ts', '--port', '0', '--db', join(dir, 'api.sqlite')], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    let output = '';
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`No URL printed: ${output}`)), 60_000); // a guard, not a timing: tsx compiles the server first, slow on a loaded machine
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
        if (match?.[1] && output.includes('Demo sign-in:')) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
      child.once('exit', (code) => reject(new Error(`Exited early (${code}): ${output}`)));
    });
    expect(output).toContain('Demo sign-in: alice@northwind.example / support-demo-2026');
    expect(HealthSchema.parse(await (await fetch(`${url}/health`)).json()).status).toBe('ok');

    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
}, 90_000);
