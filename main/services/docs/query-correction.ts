import { parseQuery } from './query-parser';
import { tokenize } from './text';
import type { Vocabulary } from './vocabulary';

/**
 * The query as the engine understood it, when it corrected a typo: "creating snapshto" is searched as
 * "creating snapshot", and the person should read that ("showing results for …") rather than wonder.
 * The rule is the engine's own (SearchEngine.fix and expandPrefix): a word the vocabulary does not
 * know (and holds no digit: a version is never a typo) becomes its most frequent one-edit
 * neighbour; a word being typed that begins no known word becomes the most frequent word a one-edit variant of it begins. Null when nothing was corrected.
 */
export function correctedQuery(input: string, vocabulary: Vocabulary): string | null {
  const parsed = parseQuery(input);
  const fixes = new Map<string, string>();
  for (const clause of parsed.groups.flat()) {
    if (clause.phrase) continue; // a quoted phrase is searched as written
    const word = clause.words[0]!;
    if (clause === parsed.prefixClause) {
      if (vocabulary.complete(word, 1).length > 0) continue;
      const prefix = vocabulary.correctPrefix(word);
      const completed = prefix ? vocabulary.complete(prefix, 1)[0] : undefined;
      if (completed) fixes.set(word, completed);
    } else if (!vocabulary.has(word) && !/\p{N}/u.test(word)) {
      const fixed = vocabulary.correct(word);
      if (fixed) fixes.set(word, fixed);
    }
  }
  if (fixes.size === 0) return null;
  // Rebuilt from what was typed, so quotes, exclusions and OR stay where the person put them.
  return input
    .trim()
    .split(/(\s+)/)
    .map((token) => {
      const words = tokenize(token);
      return words.length === 1 && fixes.has(words[0]!) ? token.replace(/[\p{L}\p{N}]+/u, fixes.get(words[0]!)!) : token;
    })
    .join('');
}
