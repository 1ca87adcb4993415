/**
 * Chinese and Japanese are written without spaces, so SQLite's unicode61 tokenizer would index a
 * whole sentence as one token. Both the desktop's offline index and the reference API's online
 * index put an invisible separator around each of their characters, making each one a word, and
 * search a run of them as a phrase of characters.
 */
const CJK = /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}]/u;
const CJK_CHAR = /([\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}])/gu;
/** U+200B: a word boundary for unicode61, invisible when shown. */
const CJK_SEPARATOR = '\u200b';

/** Text as it is indexed: each CJK character a word of its own (unchanged when there is none). */
export function segmentCjk(text: string): string {
  return CJK.test(text) ? text.replace(CJK_CHAR, `${CJK_SEPARATOR}$1${CJK_SEPARATOR}`) : text;
}

/** Indexed text back to what the page says. */
export function unsegmentCjk(text: string): string {
  return text.includes(CJK_SEPARATOR) ? text.replaceAll(CJK_SEPARATOR, '') : text;
}
