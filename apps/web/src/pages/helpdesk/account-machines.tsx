import { FormEvent, useState } from 'react';
import { useApiResource } from '../../api/use-api-resource';
import { useSession } from '../../session/session-context';
import { actionProblem } from './action-problem';
import { MachineView } from './helpdesk-types';
import { MachineCard } from './machine-card';

/** The account's machines with their contracts and items; machines added or removed here. */
export function AccountMachines({
  accountId,
  onChanged,
}: {
  accountId: string;
  onChanged: () => void;
}) {
  const { callWithSession } = useSession();
  const base = `/api/accounts/${encodeURIComponent(accountId)}/devices`;
  const [machines, reload] = useApiResource<{ items: MachineView[] }>(base);
  const [serial, setSerial] = useState('');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const changed = (message: string) => {
    setOutcome(message);
    void reload();
    onChanged();
  };

  const addMachine = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const value = serial.trim().toUpperCase();
    if (!value) return setProblem('Enter the serial number to add.');
    setBusy(true);
    setProblem(null);
    setOutcome(null);
    const body = reason.trim() ? { serial: value, reason: reason.trim() } : { serial: value };
    const result = await callWithSession(base, { method: 'POST', body });
    setBusy(false);
    if (result.kind !== 'ok') return setProblem(actionProblem(result, 'Adding the machine'));
    setSerial('');
    setReason('');
    changed(`Added ${value} to the account.`);
  };

  return (
    <section aria-labelledby="machines-title">
      <h2 id="machines-title">Machines</h2>
      {outcome && (
        <p className="notice notice--ok" role="status" data-testid="machines-outcome">
          {outcome}
        </p>
      )}
      {machines.state === 'loading' && <p role="status">Loading the machines…</p>}
      {machines.state === 'failed' && (
        <p className="notice notice--error" role="alert">
          The machines could not be loaded (reference {machines.reference}).
        </p>
      )}
      {machines.state === 'ready' && !machines.data.items.length && (
        <p>No machines are linked to this account.</p>
      )}
      {machines.state === 'ready' &&
        machines.data.items.map((machine) => (
          <MachineCard
            key={machine.serial}
            accountId={accountId}
            machine={machine}
            onChanged={changed}
          />
        ))}
      <form
        className="inline-form"
        noValidate
        aria-label="Add a machine"
        onSubmit={(e) => void addMachine(e)}
      >
        <label className="field__label" htmlFor="add-machine-serial">
          Serial number to add
        </label>
        <input
          id="add-machine-serial"
          className="field__input"
          value={serial}
          onChange={(event) => setSerial(event.target.value)}
        />
        <label className="field__label" htmlFor="add-machine-reason">
          Note (optional)
        </label>
        <input
          id="add-machine-reason"
          className="field__input"
          maxLength={500}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
        />
        <button type="submit" className="button button--secondary" disabled={busy}>
          Add machine
        </button>
      </form>
      {problem && (
        <p className="notice notice--error" role="alert" data-testid="add-machine-problem">
          {problem}
        </p>
      )}
    </section>
  );
}
