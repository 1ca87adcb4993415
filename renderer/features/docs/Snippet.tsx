/** Renders a snippet whose matches are marked with \u0002…\u0003 as text and <mark>: no HTML is parsed. */
const START = String.fromCharCode(2);
const END = String.fromCharCode(3);

export function Snippet({ text }: { text: string }) {
  const parts = text.replaceAll(END, START).split(START);
  return (
    <p className="docs-hit__snippet">
      {parts.map((part, i) => (i % 2 === 1 ? <mark key={i}>{part}</mark> : part))}
    </p>
  );
}
