import { useEffect, useState } from 'react';
import { fetchSystemStatus, SystemStatus } from './system-status';

const REFRESH_MS = 60_000;

/** A one-line system status; refreshed every minute while the page is open. */
export function StatusWidget() {
  const [status, setStatus] = useState<SystemStatus | null>(null);

  useEffect(() => {
    let active = true;
    const refresh = () =>
      void fetchSystemStatus().then((next) => {
        if (active) setStatus(next);
      });
    refresh();
    const timer = window.setInterval(refresh, REFRESH_MS);
    return () => {
      active = false;
      window.clearInterval(timer);
    };
  }, []);

  const { tone, text } = describe(status);
  return (
    <p
      className={`status-widget status-widget--${tone}`}
      role="status"
      aria-live="polite"
      data-testid="system-status"
    >
      <span className="status-widget__dot" aria-hidden="true" />
      {text}
    </p>
  );
}

function describe(status: SystemStatus | null): { tone: string; text: string } {
  if (!status) return { tone: 'pending', text: 'Checking system status…' };
  switch (status.kind) {
    case 'operational':
      return { tone: 'ok', text: 'All systems operational' };
    case 'degraded':
      return {
        tone: 'down',
        text: status.down.length
          ? `Service disruption: ${status.down.join(', ')} unavailable`
          : 'Service disruption',
      };
    case 'unknown':
      return { tone: 'unknown', text: 'System status unavailable' };
  }
}
