/**
 * One tokenizer for the importer's vocabulary and the query parser, matching what FTS5's unicode61
 * tokenizer (remove_diacritics 2) indexes: lower case, diacritics removed, runs of letters and digits.
 */
const TOKEN = /[\p{L}\p{N}]+/gu;

export function foldText(text: string): string {
  // Most manual text is ASCII: skip the Unicode decomposition it does not need.
  // eslint-disable-next-line no-control-regex -- the ASCII range
  if (/^[\x00-\x7f]*$/.test(text)) return text.toLowerCase();
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

export function tokenize(text: string): string[] {
  return foldText(text).match(TOKEN) ?? [];
}

/** A title reduced to its words, so "Configuring  Network-Bonding" equals "configuring network bonding". */
export function normalizeTitle(text: string): string {
  return tokenize(text).join(' ');
}

/** Words that carry no meaning alone; dropped from AND queries when other words remain. */
export const STOPWORDS = new Set(
  'a an and are as at be by for from how in into is it of on or that the this to was what when where which with your you'.split(' '),
);
