import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * The real HTML manuals the docs benchmark imports: Debian's documentation packages, each a folder
 * of HTML written by a tool we did not choose (Apache's XSLT, SQLite's Tcl, AsciiDoc, Sphinx,
 * rustdoc and mdBook). The engine knows none of them: they are only folders to import.
 */
export interface RealManual {
  /** Short name used in figure keys: real.<name>.<figure>. */
  name: string;
  /** The Debian package that installs it. */
  aptPackage: string;
  /** The folder imported, as the package installs it. */
  folder: string;
  /** Very large: the in-memory MiniSearch baseline is skipped unless DOCS_REAL_MINISEARCH_ALL=1. */
  large?: boolean;
}

export const REAL_MANUALS: readonly RealManual[] = [
  // The English pages only: the package also holds the same manual in nine other languages.
  { name: 'apache', aptPackage: 'apache2-doc', folder: '/usr/share/doc/apache2-doc/manual/en' },
  { name: 'sqlite', aptPackage: 'sqlite3-doc', folder: '/usr/share/doc/sqlite3' },
  { name: 'git', aptPackage: 'git-doc', folder: '/usr/share/doc/git-doc' },
  { name: 'django', aptPackage: 'python-django-doc', folder: '/usr/share/doc/python-django-doc/html' },
  { name: 'rust', aptPackage: 'rust-doc', folder: '/usr/share/doc/rust-doc/html', large: true },
];

/**
 * DOCS_REAL_MANUALS=sqlite,git picks manuals (default: all). A manual whose folder is missing is
 * installed with apt-get; one that cannot be installed is reported and left out of the figures.
 */
export function selectedManuals(): RealManual[] {
  const wanted = process.env.DOCS_REAL_MANUALS?.split(',').map((s) => s.trim()).filter(Boolean);
  if (!wanted) return [...REAL_MANUALS];
  const unknown = wanted.filter((name) => !REAL_MANUALS.some((m) => m.name === name));
  if (unknown.length) throw new Error(`DOCS_REAL_MANUALS: no manual ${unknown.join(', ')} (known: ${REAL_MANUALS.map((m) => m.name).join(', ')}).`);
  return REAL_MANUALS.filter((m) => wanted.includes(m.name));
}

/** Installs the packages whose folders are missing; returns why a manual is unavailable, per name. */
export function ensureInstalled(manuals: RealManual[]): Map<string, string> {
  const unavailable = new Map<string, string>();
  const missing = manuals.filter((m) => !existsSync(m.folder));
  if (missing.length === 0) return unavailable;
  const canInstall = process.getuid?.() === 0 && spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
  if (!canInstall) {
    for (const m of missing) unavailable.set(m.name, `${m.aptPackage} is not installed and apt-get cannot run here (needs root): install it with "apt-get install ${m.aptPackage}"`);
    return unavailable;
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const install = (pkg: string) => spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', pkg], { env, encoding: 'utf8' });
  let updated = false;
  // One package at a time, so one that cannot be installed does not take the others with it.
  for (const m of missing) {
    console.log(`docs bench: ${m.aptPackage} is not installed; installing it with apt-get ...`);
    let result = install(m.aptPackage);
    if (result.status !== 0 && !updated) {
      updated = true; // a fresh machine has no package lists yet
      spawnSync('apt-get', ['update', '-qq'], { env, stdio: 'ignore' });
      result = install(m.aptPackage);
    }
    if (existsSync(m.folder)) continue;
    const reason = result.status === 0 ? `installed, but ${m.folder} is not there` : (result.stderr || result.stdout || 'apt-get failed').trim().split('\n').slice(-2).join(' ');
    unavailable.set(m.name, `${m.aptPackage} is missing and could not be installed: ${reason}`);
  }
  return unavailable;
}
