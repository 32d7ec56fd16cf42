import { ReactNode } from 'react';

/** One serial number input of a list; `key` keeps React's and the API's row identity. */
export interface SerialNumberRow {
  key: number;
  value: string;
}

let nextKey = 1;
export function newSerialNumberRow(value = ''): SerialNumberRow {
  return { key: nextKey++, value };
}

interface SerialNumberRowsProps {
  rows: SerialNumberRow[];
  rowErrors: Record<number, string[]>;
  /** Problems with the list as a whole (none given, too many, duplicates without an index). */
  listErrors?: string[];
  onChange: (rows: SerialNumberRow[]) => void;
  /** Prefix of the element ids, e.g. `register-serial`. */
  idPrefix: string;
  legend: string;
  hint: ReactNode;
  /** Each input's label before its number, e.g. "Serial number" → "Serial number 2". */
  rowLabel: string;
  /** At most this many rows; no limit when absent. */
  max?: number;
}

/**
 * One input per serial number; rows can be added and removed (at least one stays). The
 * registration form and the "add machines" request both use it.
 */
export function SerialNumberRows({
  rows,
  rowErrors,
  listErrors,
  onChange,
  idPrefix,
  legend,
  hint,
  rowLabel,
  max,
}: SerialNumberRowsProps) {
  const update = (key: number, value: string) =>
    onChange(rows.map((row) => (row.key === key ? { ...row, value } : row)));
  const remove = (key: number) => onChange(rows.filter((row) => row.key !== key));
  const hintId = `${idPrefix}s-hint`;
  const listErrorId = listErrors?.length ? `${idPrefix}s-error` : undefined;

  return (
    <fieldset
      className={`fieldset${listErrorId ? ' fieldset--invalid' : ''}`}
      aria-describedby={[hintId, listErrorId].filter(Boolean).join(' ')}
    >
      <legend>{legend}</legend>
      <p className="field__hint" id={hintId}>
        {hint}
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
          const id = `${idPrefix}-${row.key}`;
          const errors = rowErrors[row.key] ?? [];
          const errorId = errors.length ? `${id}-error` : undefined;
          return (
            <li key={row.key} className={`serial-row${errorId ? ' field--invalid' : ''}`}>
              <label className="field__label" htmlFor={id}>
                {rowLabel} {index + 1}
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
                    aria-label={`Remove ${rowLabel.toLowerCase()} ${index + 1}`}
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
      {(max === undefined || rows.length < max) && (
        <button
          type="button"
          className="button button--secondary"
          onClick={() => onChange([...rows, newSerialNumberRow()])}
        >
          Add another serial number
        </button>
      )}
    </fieldset>
  );
}
