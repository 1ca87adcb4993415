import './checksum.css';

/** A SHA-256 in full, monospaced, at least half of it per line: two lines at most, compared by eye. */
export function Checksum({ value }: { value: string }) {
  return <code className="checksum">{value}</code>;
}
