import { contractLapse, ContractLapseAdvice, useLapseSummary } from './contract-lapse';
import { SerialChoice } from './serial-choices';

export const NO_CONTRACT_ADVICE =
  'No active Metered Supplies contract — buy supplies from our online store or an authorised partner';

interface SerialPickerProps {
  choices: readonly SerialChoice[];
  selected: string | null;
  onSelect: (serial: string) => void;
}

/**
 * The account's serial numbers as a radio group: each shows its model and contract, and only
 * covered ones can be chosen (the others say where to buy supplies instead).
 */
export function SerialPicker({ choices, selected, onSelect }: SerialPickerProps) {
  const lapseSummary = useLapseSummary();
  if (!choices.length) return <p>No devices are linked to your account yet.</p>;
  return (
    <fieldset className="fieldset serial-picker" aria-describedby="serial-picker-hint">
      <legend>Serial number</legend>
      <p className="field__hint" id="serial-picker-hint">
        Select the serial number you wish to order supplies for.
      </p>
      <ul className="serial-picker__list">
        {choices.map((choice) => {
          const id = `serial-choice-${choice.serial}`;
          return (
            <li key={choice.serial}>
              <label
                htmlFor={id}
                data-testid={`device-${choice.serial}`}
                className={`serial-choice${choice.orderable ? '' : ' serial-choice--disabled'}${
                  selected === choice.serial ? ' serial-choice--selected' : ''
                }`}
              >
                <input
                  type="radio"
                  id={id}
                  name="serial"
                  value={choice.serial}
                  checked={selected === choice.serial}
                  disabled={!choice.orderable}
                  aria-describedby={
                    choice.blocked === 'no-contract' ? `${id}-status ${id}-advice` : `${id}-status`
                  }
                  onChange={() => onSelect(choice.serial)}
                />
                <span className="serial-choice__text">
                  <code className="serial-choice__serial">{choice.serial}</code>
                  <span className="serial-choice__model">{choice.modelName}</span>
                  <span id={`${id}-status`}>{statusOf(choice, lapseSummary)}</span>
                </span>
              </label>
              {choice.blocked === 'no-contract' && (
                <ContractLapseAdvice id={`${id}-advice`} lapse={contractLapse(choice.contract)} />
              )}
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}

function statusOf(choice: SerialChoice, lapseSummary: ReturnType<typeof useLapseSummary>) {
  if (choice.blocked === 'no-contract')
    return (
      <span className="badge badge--warn">{lapseSummary(contractLapse(choice.contract))}</span>
    );
  const covered = `Covered${choice.coveredUntil ? ` until ${choice.coveredUntil}` : ''}`;
  if (choice.blocked === 'not-ready')
    return (
      <span className="badge">
        {covered} — being prepared for online ordering, try again in a minute
      </span>
    );
  return <span className="badge badge--ok">{covered}</span>;
}
