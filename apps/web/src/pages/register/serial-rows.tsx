import { SerialRow } from './register-form';

interface SerialRowsProps {
  rows: SerialRow[];
  rowErrors: Record<number, string[]>;
  /** Problems with the list as a whole (none given, too many, duplicates without an index). */
  listErrors?: string[];
  onChange: (rows: SerialRow[]) => void;
}

let nextKey = 1;
export function newSerialRow(value = ''): SerialRow {
  return { key: nextKey++, value };
}

/** One input per device serial number; rows can be added and removed (at least one stays). */
export function SerialRows({ rows, rowErrors, listErrors, onChange }: SerialRowsProps) {
  const update = (key: number, value: string) =>
    onChange(rows.map((row) => (row.key === key ? { ...row, value } : row)));
  const remove = (key: number) => onChange(rows.filter((row) => row.key !== key));
  const listErrorId = listErrors?.length ? 'register-serials-error' : undefined;

  return (
    <fieldset
      className={`fieldset${listErrorId ? ' fieldset--invalid' : ''}`}
      aria-describedby={['register-serials-hint', listErrorId].filter(Boolean).join(' ')}
    >
      <legend>Device serial numbers</legend>
      <p className="field__hint" id="register-serials-hint">
        The serial number is on the label of each device (8–15 letters and digits, e.g. E72345A6N1).
        Add every device you want to order supplies for.
      </p>
      {listErrorId && (
        <p className="field__error" id={listErrorId}>
          {listErrors?.map((message, index) => (
            <span key={index} className="field__error-line">
              {message}
            </span>
          ))}
        </p>
      )}
      <ol className="serial-rows">
        {rows.map((row, index) => {
          const id = `register-serial-${row.key}`;
          const errors = rowErrors[row.key] ?? [];
          const errorId = errors.length ? `${id}-error` : undefined;
          return (
            <li key={row.key} className={`serial-row${errorId ? ' field--invalid' : ''}`}>
              <label className="field__label" htmlFor={id}>
                Serial number {index + 1}
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
                    aria-label={`Remove serial number ${index + 1}`}
                    onClick={() => remove(row.key)}
                  >
                    Remove
                  </button>
                )}
              </div>
              {errorId && (
                <p className="field__error" id={errorId}>
                  {errors.map((message, line) => (
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
      <button
        type="button"
        className="button button--secondary"
        onClick={() => onChange([...rows, newSerialRow()])}
      >
        Add another serial number
      </button>
    </fieldset>
  );
}
