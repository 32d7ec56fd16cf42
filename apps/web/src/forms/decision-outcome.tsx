import { useEffect, useRef } from 'react';

/**
 * What a staff decision did (approved, rejected, released …), above the queue. The decided card
 * leaves the queue and takes the focused button with it, so focus moves here: a screen reader
 * reads the outcome and the next Tab goes on from the top of the queue instead of the page's start.
 */
export function DecisionOutcome({ message, testId }: { message: string | null; testId: string }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (message) ref.current?.focus();
  }, [message]);
  if (!message) return null;
  return (
    <p ref={ref} tabIndex={-1} className="notice notice--ok" role="status" data-testid={testId}>
      {message}
    </p>
  );
}
