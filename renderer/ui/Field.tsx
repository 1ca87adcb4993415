import type { ReactNode } from 'react';

export type ControlProps = {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
  disabled?: boolean;
};

type Props = {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  /** Set by the organisation's policy (issue 14): the control is disabled and the hint says so. */
  managedNote?: string | undefined;
  /** Renders the input with the ids and ARIA state that tie it to its label, hint and error. */
  children: (control: ControlProps) => ReactNode;
};

/** A labelled form control whose hint and inline error are read out with it. */
export function Field({ id, label, hint: ownHint, error, managedNote, children }: Props) {
  const hint = managedNote ?? ownHint;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  const control: ControlProps = { id };
  if (describedBy) control['aria-describedby'] = describedBy;
  if (error) control['aria-invalid'] = true;
  if (managedNote) control.disabled = true;

  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children(control)}
      {hint && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="field__error">
          {error}
        </p>
      )}
    </div>
  );
}
