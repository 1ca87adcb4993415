import { isAbsolute } from 'node:path';
import type { App } from 'electron';

/** Documentation package files, associated with the app by the installers (electron-builder.yml). */
export const isPackagePath = (arg: string): boolean => isAbsolute(arg) && arg.toLowerCase().endsWith('.esdlib');

type OpenEvents = Pick<App, 'on'>;

/**
 * A .esdlib file the user opened from the file manager. macOS sends 'open-file' (even before the app
 * is ready); Windows and Linux start the app, or a second instance that hands over its argv, with
 * the path as an argument. Files wait until `start` hands them to the importer, which checks the
 * package (checksums, paths, sizes) like any other import.
 */
export function collectOpenedPackages(app: OpenEvents, argv: readonly string[] = process.argv) {
  const waiting: string[] = argv.slice(1).filter(isPackagePath);
  let importer: ((file: string) => void) | null = null;
  const accept = (file: string) => (importer ? importer(file) : waiting.push(file));

  app.on('open-file', (event, file) => {
    if (!isPackagePath(file)) return;
    event.preventDefault();
    accept(file);
  });
  app.on('second-instance', (_event, secondArgv) => secondArgv.slice(1).filter(isPackagePath).forEach(accept));

  return {
    start(handler: (file: string) => void): void {
      importer = handler;
      waiting.splice(0).forEach(handler);
    },
  };
}
