import type { App } from 'electron';

/**
 * The arguments after `docs` when the app was started as `<app executable> docs <command> ...`
 * (a development build is `electron . docs ...`), else null: then the app starts normally.
 */
export function docsCommandArgs(app: Pick<App, 'isPackaged'>, argv: readonly string[] = process.argv): string[] | null {
  const args = argv.slice(app.isPackaged ? 1 : 2);
  return args[0] === 'docs' ? args.slice(1) : null;
}
