import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { collectOpenedPackages } from '../../../main/platform/opened-packages';

// Electron cannot run here: a plain EventEmitter stands in for `app` and its open-file/second-instance events.
function fakeApp() {
  const emitter = new EventEmitter();
  return { app: emitter as never, emit: (event: string, ...args: unknown[]) => emitter.emit(event, ...args) };
}

describe('documentation packages opened from the file manager', () => {
  it('imports a package passed at launch, once the importer is ready', () => {
    const { app } = fakeApp();
    const opened = collectOpenedPackages(app, ['/opt/app/esd', '/home/ana/Downloads/router-7.1.esdlib', '--flag', 'relative.esdlib']);
    const imported: string[] = [];
    opened.start((file) => imported.push(file));
    expect(imported).toEqual(['/home/ana/Downloads/router-7.1.esdlib']);
  });

  it('imports files macOS opens before and after start, and files a second instance hands over', () => {
    const { app, emit } = fakeApp();
    const opened = collectOpenedPackages(app, ['/opt/app/esd']);
    const prevented: string[] = [];
    const event = (file: string) => ({ preventDefault: () => prevented.push(file) });
    emit('open-file', event('/Users/ana/early.esdlib'), '/Users/ana/early.esdlib');
    const imported: string[] = [];
    opened.start((file) => imported.push(file));
    emit('open-file', event('/Users/ana/later.ESDLIB'), '/Users/ana/later.ESDLIB');
    emit('second-instance', {}, ['/opt/app/esd', 'C:\\not-absolute-here.esdlib', '/tmp/second.esdlib']);
    expect(imported).toEqual(['/Users/ana/early.esdlib', '/Users/ana/later.ESDLIB', '/tmp/second.esdlib']);
    expect(prevented).toEqual(['/Users/ana/early.esdlib', '/Users/ana/later.ESDLIB']);
  });

  it('ignores files that are not documentation packages', () => {
    const { app, emit } = fakeApp();
    const opened = collectOpenedPackages(app, ['/opt/app/esd', '/etc/passwd', '/tmp/x.esdlib.exe']);
    const imported: string[] = [];
    opened.start((file) => imported.push(file));
    emit('open-file', { preventDefault: () => imported.push('prevented') }, '/tmp/notes.txt');
    expect(imported).toEqual([]);
  });
});
