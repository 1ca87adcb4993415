/**
 * Find in page with the CSS Custom Highlight API: matches are painted without changing the
 * topic's DOM (React owns it), and the current one is scrolled into view.
 */
export function findMatches(root: HTMLElement, query: string): Range[] {
  const needle = query.trim().toLocaleLowerCase();
  if (!needle) return [];
  const ranges: Range[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent?.toLocaleLowerCase() ?? '';
    for (let at = text.indexOf(needle); at !== -1 && ranges.length < 1000; at = text.indexOf(needle, at + needle.length)) {
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + needle.length);
      ranges.push(range);
    }
  }
  return ranges;
}

export function paintMatches(ranges: Range[], current: number): void {
  if (!('highlights' in CSS)) return;
  CSS.highlights.set('docs-find', new Highlight(...ranges));
  const active = ranges[current];
  if (active) {
    CSS.highlights.set('docs-find-current', new Highlight(active));
    active.startContainer.parentElement?.scrollIntoView({ block: 'center' });
  } else CSS.highlights.delete('docs-find-current');
}

export function clearMatches(): void {
  if (!('highlights' in CSS)) return;
  CSS.highlights.delete('docs-find');
  CSS.highlights.delete('docs-find-current');
}
