import { useCallback, useState } from 'react';

export interface Toast {
  key: number;
  text: string;
  /** The one thing to do about it (open the request, open the page); taking it dismisses the notice. */
  action: { label: string; run: () => void };
  dismissLabel: string;
}

let nextKey = 1;

/** The latest `max` notices of one kind, with a stable key each. */
export function useToastQueue<T>(max = 3) {
  const [items, setItems] = useState<(T & { key: number })[]>([]);
  const push = useCallback((item: T, replaces?: (old: T) => boolean) => setItems((all) => [...all.filter((old) => !replaces?.(old)), { ...item, key: nextKey++ }].slice(-max)), [max]);
  const dismiss = useCallback((key: number) => setItems((all) => all.filter((x) => x.key !== key)), []);
  return { items, push, dismiss };
}

/**
 * In-app notices (desktop notifications are the platform's job), stacked bottom right by the app
 * shell. `polite` for news (a reply), `assertive` for something that went wrong; either way a
 * screen reader announces it without focus being moved.
 */
export function Toasts({ label, toasts, onDismiss, urgency }: { label: string; toasts: Toast[]; onDismiss: (key: number) => void; urgency: 'polite' | 'assertive' }) {
  return (
    <div className="toasts" role="region" aria-label={label}>
      <div aria-live={urgency} aria-atomic="false" role={urgency === 'assertive' ? 'alert' : undefined}>
        {toasts.map((toast) => (
          <div key={toast.key} className="toast">
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
        ))}
      </div>
    </div>
  );
}
