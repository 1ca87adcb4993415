type Props = { message?: string | undefined };

/**
 * A polite live region. It is always rendered (empty when idle) because screen readers only
 * announce changes to a region that already exists.
 */
export function StatusMessage({ message }: Props) {
  return (
    <p className={message ? 'status' : 'status status--empty'} role="status">
      {message}
    </p>
  );
}
