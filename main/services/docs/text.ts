import { segmentCjk, unsegmentCjk } from '../../../shared/cjk-text';

/**
 * One tokenizer for the importer's vocabulary and the query parser, matching what FTS5's unicode61
 * tokenizer (remove_diacritics 2) indexes: lower case, diacritics removed, runs of letters and digits.
 * Chinese and Japanese characters are each a word (segmentCjk in shared/cjk-text.ts), and a version
 * number such as 2.4.1 is one word (see indexText).
 */
const TOKEN = /[\p{L}\p{N}]+/gu;

/**
 * In indexed text the dot between two digits is U+A78F (LATIN LETTER SINOLOGICAL DOT: a letter to
 * unicode61 and to \p{L}, untouched by case folding and NFKD), so that "2.4.1" is one token:
 * "Release 2.4" then matches that release and not every text holding a 2 and a 4.
 * displayText shows it as a dot again.
 */
const VERSION_DOT = '\uA78F';
const DOT_BETWEEN_DIGITS = /(?<=\p{N})\.(?=\p{N})/gu;
const HAS_DOT_BETWEEN_DIGITS = /\p{N}\.\p{N}/u;

/** Text as the indexes store it: CJK characters apart (segmentCjk), version dots joined. */
export function indexText(text: string): string {
  const segmented = segmentCjk(text);
  return hasVersionDots(segmented) ? segmented.replace(DOT_BETWEEN_DIGITS, VERSION_DOT) : segmented;
}

export const hasVersionDots = (text: string) => HAS_DOT_BETWEEN_DIGITS.test(text);

/** Indexed text back to what the page says. */
export function displayText(text: string): string {
  const joined = unsegmentCjk(text);
  return joined.includes(VERSION_DOT) ? joined.replaceAll(VERSION_DOT, '.') : joined;
}

/**
 * Characters that fold to themselves apart from case: ASCII, the version dot, and the punctuation
 * generated manuals are full of (no-break space, ©, ®, °, ¶, §, «», dashes, curly quotes, …), whose
 * compatibility forms, where they have any, are punctuation again. Text made only of these skips the
 * Unicode decomposition, which took most of a phrase check's time on manuals with typographic quotes.
 */
// eslint-disable-next-line no-control-regex -- the ASCII range
const FOLDS_TO_ITSELF = /^[\x00-\x7f\u00a0\u00a7\u00a9\u00ab\u00ad\u00ae\u00b0\u00b1\u00b6\u00b7\u00bb\u2010-\u2027\u2030-\u205e\ua78f]*$/;

export function foldText(text: string): string {
  if (FOLDS_TO_ITSELF.test(text)) return text.toLowerCase();
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

export function tokenize(text: string): string[] {
  return indexedWords(indexText(text));
}

/** The words of text already in indexed form (indexText), without converting it again. */
export function indexedWords(indexed: string): string[] {
  return foldText(indexed).match(TOKEN) ?? [];
}

/**
 * The distinct adjacent word pairs of each text (its words as tokenize gives them), as the pair
 * index stores them ("a_b"): a phrase of common words is found from its pairs' short lists instead
 * of walking "the" and "of" in the word index. The index keeps no positions (detail = none), so a
 * pair repeated in a record is written once: on long pages that halves what FTS5 has to tokenize.
 */
export function adjacentPairs(fields: string[][]): string {
  const pairs = new Set<string>();
  for (const words of fields) {
    for (let i = 0; i + 1 < words.length; i++) pairs.add(`${words[i]}_${words[i + 1]}`);
  }
  return [...pairs].join(' ');
}

const SEPARATOR_RUN = /[^\p{L}\p{N}]+/uy;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * Whether folded, indexed text holds the words in this order with only non-word characters between them
 * (the last one may be a prefix of a longer word). Written as a scan rather than one regular
 * expression per query: V8 takes about 0.7 ms to compile each new pattern with Unicode classes,
 * more than a whole search should cost.
 */
export function containsPhrase(text: string, words: string[], lastIsPrefix: boolean): boolean {
  const [first, ...rest] = words;
  if (!first) return false;
  for (let at = text.indexOf(first); at !== -1; at = text.indexOf(first, at + 1)) {
    if (at > 0 && WORD_CHAR.test(text[at - 1]!)) continue;
    let end = at + first.length;
    const followed = rest.every((word) => {
      SEPARATOR_RUN.lastIndex = end;
      const gap = SEPARATOR_RUN.exec(text);
      if (!gap || !text.startsWith(word, end + gap[0].length)) return false;
      end += gap[0].length + word.length;
      return true;
    });
    if (followed && (lastIsPrefix || end === text.length || !WORD_CHAR.test(text[end]!))) return true;
  }
  return false;
}

/** A title reduced to its words, so "Configuring  Network-Bonding" equals "configuring network bonding". */
export function normalizeTitle(text: string): string {
  return tokenize(text).join(' ');
}

/** Words that carry no meaning alone; dropped from AND queries when other words remain. */
export const STOPWORDS = new Set(
  'a an and are as at be by for from how in into is it of on or that the this to was what when where which with your you'.split(' '),
);
