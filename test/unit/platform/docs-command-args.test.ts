import { describe, expect, it } from 'vitest';
import { docsCommandArgs } from '../../../main/platform/docs-command-args';

describe('<app executable> docs <command> (Electron binary not run: argv only)', () => {
  it('an installed app takes the arguments after "docs"; a development build skips the app folder too', () => {
    expect(docsCommandArgs({ isPackaged: true }, ['/opt/esd/esd', 'docs', 'update', '--all'])).toEqual(['update', '--all']);
    expect(docsCommandArgs({ isPackaged: false }, ['/x/electron', '.', 'docs', '--help'])).toEqual(['--help']);
  });

  it('anything else starts the app with its window (an opened package, a deep link, no arguments)', () => {
    expect(docsCommandArgs({ isPackaged: true }, ['/opt/esd/esd', '/home/a/manual.esdlib'])).toBeNull();
    expect(docsCommandArgs({ isPackaged: true }, ['/opt/esd/esd'])).toBeNull();
    expect(docsCommandArgs({ isPackaged: true }, ['/opt/esd/esd', '--docs'])).toBeNull();
  });
});
