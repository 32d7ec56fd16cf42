import { useState } from 'react';
import { useSession } from '../../session/session-context';
import { useCountryFormats } from '../../country/country-formats';
import { DeadLetter } from './ops-types';

interface DeadLetterRowProps {
  letter: DeadLetter;
  onReplayed: (message: string) => void;
}

/** One parked message: where from, why, and Replay (after a confirmation). */
export function DeadLetterRow({ letter, onReplayed }: DeadLetterRowProps) {
  const { dateTime: formatDateTime } = useCountryFormats();
  const { callWithSession } = useSession();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const replay = async () => {
    setBusy(true);
    setProblem(null);
    const result = await callWithSession(
      `/api/dead-letters/${encodeURIComponent(letter.id)}/replay`,
      { method: 'POST', body: {} },
    );
    setBusy(false);
    setConfirming(false);
    if (result.kind === 'ok') {
      onReplayed(`Replayed the message to ${letter.originalTopic ?? 'its topic'}.`);
    } else if (result.kind === 'http-error' && result.status === 409) {
      setProblem('Already replayed (or it cannot be replayed).');
    } else {
      setProblem(`The replay failed (reference ${result.correlationId}). Try again.`);
    }
  };

  return (
    <tr data-testid={`dead-letter-${letter.id}`}>
      <td>
        <code>{letter.originalTopic ?? '?'}</code>
        <div className="ops-tile__meta">
          key <code>{letter.key ?? '—'}</code> · partition {letter.originalPartition ?? '?'} ·
          offset {letter.originalOffset ?? '?'}
        </div>
      </td>
      <td>{letter.consumerGroup}</td>
      <td>
        <span className="badge badge--warn">{letter.reason}</span>
        <div className="ops-error">{letter.error}</div>
      </td>
      <td>{formatDateTime(letter.failedAt)}</td>
      <td>
        {letter.status === 'parked' && !confirming && (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => setConfirming(true)}
          >
            Replay
          </button>
        )}
        {letter.status === 'parked' && confirming && (
          <span className="ops-confirm" role="group" aria-label="Confirm the replay">
            Put it back on {letter.originalTopic}?{' '}
            <button
              type="button"
              className="button button--primary"
              disabled={busy}
              onClick={() => void replay()}
            >
              Confirm replay
            </button>{' '}
            <button
              type="button"
              className="button button--secondary"
              disabled={busy}
              onClick={() => setConfirming(false)}
            >
              Cancel
            </button>
          </span>
        )}
        {letter.status !== 'parked' && (
          <span className="badge badge--ok">
            {letter.status}
            {letter.replayedBy ? ` by ${letter.replayedBy.email}` : ''}
          </span>
        )}
        {problem && (
          <p className="notice notice--error" role="alert">
            {problem}
          </p>
        )}
      </td>
    </tr>
  );
}
