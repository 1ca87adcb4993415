/**
 * enterprise-support:// links from e-mails, chat and the browser. Anything on the command line or
 * from the OS is hostile until proven otherwise, so only three exact shapes are accepted and each
 * part must match a strict pattern: no encoding tricks, no traversal, no credentials, no queries.
 */
export const DEEP_LINK_SCHEME = 'enterprise-support';

export type DeepLink =
  | { kind: 'ticket'; id: string }
  | { kind: 'doc'; library: string; topic: string }
  | { kind: 'software'; id: string };

const MAX_LENGTH = 512;
const ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
// Library and topic names may contain dots (versions such as 7.2) but never a "..".
const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
const isName = (value: string) => NAME.test(value) && !value.includes('..');

export function parseDeepLink(input: unknown): DeepLink | null {
  if (typeof input !== 'string' || input.length > MAX_LENGTH) return null;
  // Only printable ASCII: no control characters, spaces, backslashes, percent-encoding or Unicode look-alikes.
  if (!/^[\x21-\x7e]+$/.test(input) || /[\\%]/.test(input)) return null;
  const prefix = `${DEEP_LINK_SCHEME}://`;
  if (!input.toLowerCase().startsWith(prefix)) return null;
  const rest = input.slice(prefix.length);
  if (/[?#@:]/.test(rest)) return null;
  const parts = rest.replace(/\/$/, '').split('/');
  const [section, ...args] = parts;
  switch (section?.toLowerCase()) {
    case 'tickets':
      return args.length === 1 && ID.test(args[0]!) ? { kind: 'ticket', id: args[0]! } : null;
    case 'software':
      return args.length === 1 && ID.test(args[0]!) ? { kind: 'software', id: args[0]! } : null;
    case 'docs':
      return args.length === 2 && isName(args[0]!) && isName(args[1]!) ? { kind: 'doc', library: args[0]!, topic: args[1]! } : null;
    default:
      return null;
  }
}

/** The renderer route that shows what the link points at. */
export function deepLinkPath(link: DeepLink): string {
  switch (link.kind) {
    case 'ticket':
      return `/tickets/${link.id}`;
    case 'software':
      // The software screen has no page per product: the catalogue opens with that product asked for.
      return `/software?product=${link.id}`;
    case 'doc':
      return `/docs/read/${link.library}/${link.topic}`;
  }
}

/** Windows and Linux hand a link to the app as a command-line argument (first or second instance). */
export function findDeepLinkInArgv(argv: readonly string[]): DeepLink | null {
  for (const arg of argv) {
    if (arg.toLowerCase().startsWith(`${DEEP_LINK_SCHEME}:`)) return parseDeepLink(arg);
  }
  return null;
}
