import { useEffect, useRef } from 'react';

interface SerialChangeConfirmProps {
  from: string;
  to: string;
  rowCount: number;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * Rows belong to one serial's items, so switching serial asks before it clears them. It takes
 * the focus when it appears; Escape keeps the serial (as "Keep …" does).
 */
export function SerialChangeConfirm({
  from,
  to,
  rowCount,
  onConfirm,
  onCancel,
}: SerialChangeConfirmProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [to]);
  return (
    <div
      ref={ref}
      tabIndex={-1}
      className="notice notice--warn"
      role="alertdialog"
      aria-labelledby="serial-change-title"
      data-testid="serial-change-confirm"
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        onCancel();
      }}
    >
      <p id="serial-change-title">
        Change to serial <code>{to}</code>? The{' '}
        {rowCount === 1 ? 'order row' : `${rowCount} order rows`} for <code>{from}</code> will be
        removed.
      </p>
      <p className="order-confirmation__actions">
        <button type="button" className="button button--secondary" onClick={onConfirm}>
          Change serial and remove rows
        </button>
        <button type="button" className="link-button" onClick={onCancel}>
          Keep {from}
        </button>
      </p>
    </div>
  );
}
