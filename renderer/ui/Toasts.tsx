import { useCallback, useEffect, useState } from 'react';

export interface Toast {
  key: number;
  text: string;
  /** The one thing to do about it (open the request, open the page); taking it dismisses the notice. */
  action: { label: string; run: () => void };
  dismissLabel: string;
}

let nextKey = 1;

/** The latest `max` notices of one kind, with a stable key each (a new one for new content). */
export function useToastQueue<T>(max = 3) {
  const [items, setItems] = useState<(T & { key: number })[]>([]);
  const push = useCallback((item: T) => setItems((all) => [...all, { ...item, key: nextKey++ }].slice(-max)), [max]);
  /** Replaces the notice `match` finds (or adds one) with what `make` builds from it: one notice per subject. */
  const upsert = useCallback(
    (match: (old: T) => boolean, make: (old: T | undefined) => T) =>
      setItems((all) => {
        const old = all.find(match);
        return [...all.filter((x) => x !== old), { ...make(old), key: nextKey++ }].slice(-max);
      }),
    [max],
  );
  const removeWhere = useCallback((predicate: (item: T) => boolean) => setItems((all) => (all.some(predicate) ? all.filter((x) => !predicate(x)) : all)), []);
  const dismiss = useCallback((key: number) => setItems((all) => all.filter((x) => x.key !== key)), []);
  return { items, push, upsert, removeWhere, dismiss };
}

type Props = {
  label: string;
  toasts: Toast[];
  onDismiss: (key: number) => void;
  urgency: 'polite' | 'assertive';
  /** News goes by itself after this long; never while the pointer or focus is on a notice (WCAG 2.2.1). */
  autoDismissMs?: number;
};

/**
 * In-app notices (desktop notifications are the platform's job), stacked by the app shell where
 * they cover no content. `polite` for news (a reply), `assertive` for something that went wrong;
 * either way a screen reader announces it without focus being moved.
 */
export function Toasts({ label, toasts, onDismiss, urgency, autoDismissMs }: Props) {
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  return (
    <div
      className="toasts"
      role="region"
      aria-label={label}
      onMouseEnter={() => setHovered(true)}
      onMouseLeave={() => setHovered(false)}
      onFocus={() => setFocused(true)}
      onBlur={(e) => !e.currentTarget.contains(e.relatedTarget) && setFocused(false)}
    >
      <div aria-live={urgency} aria-atomic="false" role={urgency === 'assertive' ? 'alert' : undefined}>
        {toasts.map((toast) => (
          <ToastCard key={toast.key} toast={toast} onDismiss={onDismiss} expiresAfterMs={hovered || focused ? undefined : autoDismissMs} />
        ))}
      </div>
    </div>
  );
}

function ToastCard({ toast, onDismiss, expiresAfterMs }: { toast: Toast; onDismiss: (key: number) => void; expiresAfterMs: number | undefined }) {
  useEffect(() => {
    if (expiresAfterMs === undefined) return;
    const timer = setTimeout(() => onDismiss(toast.key), expiresAfterMs);
    return () => clearTimeout(timer);
  }, [expiresAfterMs, onDismiss, toast.key]);
  return (
    <div className="toast">
      <p className="toast__text">{toast.text}</p>
      <div className="toast__actions">
        <button
          type="button"
          className="button button--small button--primary"
          onClick={() => {
            onDismiss(toast.key);
            toast.action.run();
          }}
        >
          {toast.action.label}
        </button>
        <button type="button" className="button button--small" onClick={() => onDismiss(toast.key)} aria-label={toast.dismissLabel}>
          ×
        </button>
      </div>
    </div>
  );
}
