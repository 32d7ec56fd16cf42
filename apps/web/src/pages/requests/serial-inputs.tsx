import { SerialDraft } from './request-form';

interface SerialInputsProps {
  rows: SerialDraft[];
  errors: Record<number, string[]>;
  /** Problems with the list as a whole (too many, duplicates). */
  listErrors?: string[];
  onChange: (rows: SerialDraft[]) => void;
  /** At most this many rows (the API takes 1–20 serials). */
  max: number;
}

let nextKey = 1;
export function newSerialDraft(value = ''): SerialDraft {
  return { key: nextKey++, value };
}

/** One input per serial number to add; rows can be added and removed (at least one stays). */
export function SerialInputs({ rows, errors, listErrors, onChange, max }: SerialInputsProps) {
  const update = (key: number, value: string) =>
    onChange(rows.map((row) => (row.key === key ? { ...row, value } : row)));
  return (
    <fieldset
      className={`fieldset${listErrors?.length ? ' fieldset--invalid' : ''}`}
      aria-describedby={
        listErrors?.length ? 'add-serials-hint add-serials-error' : 'add-serials-hint'
      }
    >
      <legend>Machines to add</legend>
      <p className="field__hint" id="add-serials-hint">
        The serial number is on the label of each machine (8–15 letters and digits).
      </p>
      {listErrors?.length ? (
        <p className="field__error" id="add-serials-error">
          {listErrors.map((message, index) => (
            <span key={index} className="field__error-line">
              {message}
            </span>
          ))}
        </p>
      ) : null}
      <ol className="serial-rows">
        {rows.map((row, index) => {
          const id = `add-serial-${row.key}`;
          const rowErrors = errors[row.key] ?? [];
          const errorId = rowErrors.length ? `${id}-error` : undefined;
          return (
            <li key={row.key} className={`serial-row${errorId ? ' field--invalid' : ''}`}>
              <label className="field__label" htmlFor={id}>
                Serial number to add {index + 1}
              </label>
              <div className="serial-row__controls">
                <input
                  id={id}
                  className="field__input"
                  value={row.value}
                  autoComplete="off"
                  spellCheck={false}
                  aria-invalid={errorId ? true : undefined}
                  aria-describedby={errorId}
                  onChange={(event) => update(row.key, event.target.value)}
                />
                {rows.length > 1 && (
                  <button
                    type="button"
                    className="link-button"
                    aria-label={`Remove serial number to add ${index + 1}`}
                    onClick={() => onChange(rows.filter((other) => other.key !== row.key))}
                  >
                    Remove
                  </button>
                )}
              </div>
              {errorId && (
                <p className="field__error" id={errorId}>
                  {rowErrors.map((message, line) => (
                    <span key={line} className="field__error-line">
                      {message}
                    </span>
                  ))}
                </p>
              )}
            </li>
          );
        })}
      </ol>
      {rows.length < max && (
        <button
          type="button"
          className="button button--secondary"
          onClick={() => onChange([...rows, newSerialDraft()])}
        >
          Add another serial number
        </button>
      )}
    </fieldset>
  );
}
