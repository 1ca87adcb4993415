import { AppError } from '../../../shared/errors';
import { runDocsCommand } from './docs-command';

/**
 * `npm run docs -- <command>`: the documentation command line from a source checkout. The installed
 * app runs the same commands as `<app executable> docs <command>` (main/index.ts). `--help` lists them.
 */
try {
  process.exitCode = await runDocsCommand(process.argv.slice(2), {
    program: 'npm run docs --',
    defaultDb: 'esd-docs/local.sqlite',
    env: process.env,
    fetch,
    out: (line) => console.log(line),
    progress: (text) => process.stderr.isTTY && process.stderr.write(`\r${text}`),
  });
} catch (error) {
  console.error(error instanceof AppError ? error.message : error);
  process.exitCode = 1;
}
