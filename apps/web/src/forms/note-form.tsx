import { FormEvent } from 'react';

interface NoteFormProps {
  /** The textarea's id (its error gets `<id>-error`). */
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  submitLabel: string;
  /** `danger` for refusals (reject, decline, cancel). */
  tone: 'primary' | 'danger';
  busy: boolean;
  error?: string | null;
  maxLength?: number;
}

/** A short text (a reason, a note) and the button that sends it: staff decisions use it. */
export function NoteForm({
  id,
  label,
  value,
  onChange,
  onSubmit,
  submitLabel,
  tone,
  busy,
  error,
  maxLength = 500,
}: NoteFormProps) {
  return (
    <form className="registration__reject" noValidate onSubmit={onSubmit}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <textarea
        id={id}
        className="field__input"
        rows={2}
        maxLength={maxLength}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      {error && (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
      <button type="submit" className={`button button--${tone}`} disabled={busy}>
        {submitLabel}
      </button>
    </form>
  );
}
