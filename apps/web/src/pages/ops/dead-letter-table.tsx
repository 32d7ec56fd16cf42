import { DeadLetterRow } from './dead-letter-row';
import { DeadLetter } from './ops-types';

/** The newest dead letters of every service. */
export function DeadLetterTable({
  letters,
  onReplayed,
}: {
  letters: DeadLetter[];
  onReplayed: (message: string) => void;
}) {
  if (!letters.length) return <p>No dead letters. Every message was processed.</p>;
  return (
    <table className="table" aria-label="Dead letters">
      <thead>
        <tr>
          <th scope="col">Original topic</th>
          <th scope="col">Consumer</th>
          <th scope="col">Error</th>
          <th scope="col">Failed</th>
          <th scope="col">Replay</th>
        </tr>
      </thead>
      <tbody>
        {letters.map((letter) => (
          <DeadLetterRow key={letter.id} letter={letter} onReplayed={onReplayed} />
        ))}
      </tbody>
    </table>
  );
}
