import { describe, expect, it } from 'vitest';
import { extractPage, MAX_RECORD_TEXT } from '../../../main/services/docs/html-extract';
import { LibraryWriter } from '../../../main/services/docs/library-writer';
import { docsDb } from './docs-fixtures';

/** What keeps the import of a very large manual within its memory: bounded records and batches. */
describe('import memory bounds', () => {
  it('indexes at most MAX_RECORD_TEXT characters of a huge page, cut between words, and keeps its whole markup for the reader', () => {
    const words = Array.from({ length: 300_000 }, (_, i) => `word${i}`);
    const html = `<title>Generated listing</title><body><pre>${words.join(' ')}</pre><p>last-paragraph</p></body>`;
    const page = extractPage(html, 'x');
    const text = page.sections[0]!.text;
    expect(text.length).toBeLessThanOrEqual(MAX_RECORD_TEXT);
    expect(text.length).toBeGreaterThan(MAX_RECORD_TEXT - 20);
    expect(words).toContain(text.split(' ').at(-1)); // no half word at the cut
    expect(text).not.toContain('last-paragraph');
    expect(page.bodyHtml).toContain('last-paragraph');
  });

  it('writes a batch once its pages hold 8 MB of markup, without waiting for 400 pages', () => {
    const { db } = docsDb();
    const writer = new LibraryWriter(db, { libraryId: 'big', product: 'Big', version: '1', language: 'en', title: 'Big', source: 'folder', updatedAt: '2026-01-01T00:00:00.000Z', toc: [] });
    const html = `<p>${'x '.repeat(1_500_000)}</p>`; // 3 MB
    const count = () => (db.prepare('SELECT count(*) AS n FROM docs_topics').get() as { n: number }).n;
    for (let i = 0; i < 3; i++) writer.add({ topicId: `p${i}`, title: `Page ${i}`, path: `p${i}.html`, html, sections: [{ anchor: '', title: `Page ${i}`, headings: '', text: 'short', linkShare: 0 }] });
    expect(count()).toBe(3);
    writer.add({ topicId: 'p3', title: 'Page 3', path: 'p3.html', html: '<p>small</p>', sections: [{ anchor: '', title: 'Page 3', headings: '', text: 'small', linkShare: 0 }] });
    expect(count()).toBe(3); // a small page waits for its batch
    writer.finish(0);
    expect(count()).toBe(4);
    db.close();
  });
});
