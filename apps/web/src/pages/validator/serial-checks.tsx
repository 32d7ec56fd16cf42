import { OUTCOME_LABELS, SerialCheck } from './registration-types';

interface SerialChecksProps {
  registrationId: string;
  checks: SerialCheck[];
  chosen: string[];
  disabled: boolean;
  onToggle: (serial: string, on: boolean) => void;
}

/** The registry's verdict per serial; eligible ones get an "Approve" checkbox. */
export function SerialChecks({
  registrationId,
  checks,
  chosen,
  disabled,
  onToggle,
}: SerialChecksProps) {
  return (
    <table className="table">
      <caption className="visually-hidden">Serial number checks</caption>
      <thead>
        <tr>
          <th scope="col">Approve</th>
          <th scope="col">Serial number</th>
          <th scope="col">Check</th>
          <th scope="col">Model</th>
        </tr>
      </thead>
      <tbody>
        {checks.map((check) => {
          const id = `approve-${registrationId}-${check.serial}`;
          return (
            <tr key={check.serial} data-testid={`check-${check.serial}`}>
              <td>
                {check.outcome === 'eligible' ? (
                  <input
                    type="checkbox"
                    id={id}
                    aria-label={`Approve ${check.serial}`}
                    checked={chosen.includes(check.serial)}
                    disabled={disabled}
                    onChange={(event) => onToggle(check.serial, event.target.checked)}
                  />
                ) : (
                  <span aria-hidden="true">—</span>
                )}
              </td>
              <td>
                <code>{check.serial}</code>
              </td>
              <td>
                <span className={`badge badge--${check.outcome}`}>
                  {OUTCOME_LABELS[check.outcome] ?? check.outcome}
                </span>{' '}
                <span className="registration__check-message">{check.message}</span>
              </td>
              <td>{check.model?.name ?? '—'}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
