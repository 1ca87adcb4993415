/**
 * A deterministic synthetic documentation corpus for the docs benchmark: Zipf-distributed
 * vocabulary, manual-like titles ("Configuring …"), paragraphs, code blocks and tables, and a query
 * set with known answers (titles, 3-5-word body phrases, one-edit typos of titles, titles whose
 * last word is cut short). Generated at bench time, never committed.
 */
import { prng } from '../../server/docs/demo-helpers';

export interface BenchTopic {
  id: string;
  title: string;
  body: string;
  html: string;
}

export type QueryKind = 'title' | 'phrase' | 'typo' | 'prefix';
export interface BenchQuery {
  kind: QueryKind;
  text: string;
  answer: string;
}

const TECH = (
  'network interface bonding vlan route firewall policy address gateway cluster node volume snapshot replica storage pool disk array ' +
  'controller firmware upgrade license certificate tenant token session proxy cache backup restore archive quota user group role ' +
  'permission audit log alarm event metric threshold port switch link tunnel encryption key service daemon agent module driver kernel ' +
  'memory processor fabric zone host target initiator path queue buffer timeout retry schedule task job report dashboard template'
).split(' ');
const VERBS = ['Configuring', 'Creating', 'Deleting', 'Modifying', 'Viewing', 'Troubleshooting', 'Monitoring', 'Upgrading', 'Installing', 'Planning', 'Enabling', 'Disabling', 'Exporting', 'Importing', 'Verifying', 'Restoring'];
const FUNCTION_WORDS = 'the a of to and in is for on with that by this be are as from at or can when an it if not you your which must each after before'.split(' ');
const SYLLABLES = 'ba be bi bo bu ca ce ci co cu da de di do du fa fe fi fo ga ge gi go ka ke ki ko la le li lo lu ma me mi mo mu na ne ni no nu pa pe pi po ra re ri ro ru sa se si so su ta te ti to tu va ve vi vo za ze zi zo tra tre tri pro pre stra ster lin lon mar mor ver vor dex tex plex rax'.split(' ');

export function buildCorpus(count: number, seed = 20261128): BenchTopic[] {
  const random = prng(seed);
  const vocabulary: string[] = [...TECH];
  const seen = new Set(vocabulary.concat(FUNCTION_WORDS));
  while (vocabulary.length < 24_000) {
    let word = '';
    const parts = 1 + Math.floor(random() * 3.2);
    for (let i = 0; i < parts; i++) word += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
    if (word.length >= 3 && !seen.has(word)) {
      seen.add(word);
      vocabulary.push(word);
    }
  }
  // Zipf: the k-th word is drawn with weight 1/k, as in real text.
  const cumulative: number[] = [];
  let sum = 0;
  for (let k = 1; k <= vocabulary.length; k++) cumulative.push((sum += 1 / k));
  const zipf = () => {
    const x = random() * sum;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return vocabulary[lo]!;
  };
  const titleWord = () => vocabulary[Math.floor(random() ** 1.5 * 6000)]!;
  const topics: BenchTopic[] = [];
  const titles = new Set<string>();
  for (let i = 0; i < count; i++) {
    let title = '';
    do {
      const words = [titleWord(), titleWord()];
      if (random() < 0.5) words.push(titleWord());
      title = `${VERBS[Math.floor(random() * VERBS.length)]} ${words.join(' ')}${random() < 0.2 ? ` for ${titleWord()}` : ''}`;
    } while (titles.has(title));
    titles.add(title);
    const titleWords = title.toLowerCase().split(' ');
    const paragraphs: string[] = [];
    const paragraphCount = 2 + Math.floor(random() * 4);
    for (let p = 0; p < paragraphCount; p++) {
      const words: string[] = [];
      const length = 18 + Math.floor(random() * 30);
      for (let w = 0; w < length; w++) {
        const r = random();
        words.push(r < 0.35 ? FUNCTION_WORDS[Math.floor(random() * FUNCTION_WORDS.length)]! : r < 0.42 ? titleWords[1 + Math.floor(random() * (titleWords.length - 1))]! : zipf());
      }
      paragraphs.push(`${words.join(' ')}.`);
    }
    const command = `cli ${titleWords[1]} ${titleWords[0]!.replace(/ing$/, '')} --id ${i}`;
    const body = `${paragraphs.join(' ')} ${command}`;
    const table = random() < 0.3 ? `<table><tr><th>Parameter</th><th>Default</th></tr><tr><td>${zipf()}</td><td>${Math.floor(random() * 100)}</td></tr></table>` : '';
    const html = `<html><head><title>${title}</title></head><body><h1>${title}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}<pre><code>${command}</code></pre>${table}</body></html>`;
    topics.push({ id: `t${i}`, title, body, html });
  }
  return topics;
}

export function buildQueries(topics: BenchTopic[], perKind: number, seed = 7): BenchQuery[] {
  const random = prng(seed);
  const pick = () => topics[Math.floor(random() * topics.length)]!;
  const queries: BenchQuery[] = [];
  for (let i = 0; i < perKind; i++) {
    const t = pick();
    queries.push({ kind: 'title', text: t.title, answer: t.id });
  }
  for (let i = 0; i < perKind; i++) {
    const t = pick();
    const words = t.body.replace(/[.]/g, '').split(' ').slice(0, -5);
    const length = 3 + Math.floor(random() * 3);
    const start = Math.floor(random() * Math.max(1, words.length - length));
    queries.push({ kind: 'phrase', text: words.slice(start, start + length).join(' '), answer: t.id });
  }
  for (let i = 0; i < perKind; i++) {
    const t = pick();
    const words = t.title.split(' ');
    const candidates = words.map((w, j) => [w, j] as const).filter(([w]) => w.length >= 5);
    const [word, j] = candidates[Math.floor(random() * candidates.length)]!;
    words[j] = oneEdit(word, random);
    queries.push({ kind: 'typo', text: words.join(' '), answer: t.id });
  }
  for (let i = 0; i < perKind; i++) {
    const t = pick();
    const words = t.title.split(' ');
    const last = words[words.length - 1]!;
    words[words.length - 1] = last.slice(0, Math.max(2, Math.ceil(last.length / 2)));
    queries.push({ kind: 'prefix', text: words.join(' '), answer: t.id });
  }
  return queries;
}

export function oneEdit(word: string, random: () => number): string {
  const at = 1 + Math.floor(random() * (word.length - 2));
  const letter = 'abcdefghijklmnopqrstuvwxyz'[Math.floor(random() * 26)]!;
  const kind = Math.floor(random() * 4);
  const edited =
    kind === 0 ? word.slice(0, at) + letter + word.slice(at + 1)
    : kind === 1 ? word.slice(0, at) + letter + word.slice(at)
    : kind === 2 ? word.slice(0, at) + word.slice(at + 1)
    : word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
  return edited === word ? word.slice(0, at) + word.slice(at + 1) : edited;
}
