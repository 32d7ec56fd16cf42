import { forwardRef, InputHTMLAttributes } from 'react';

type TextFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> & {
  id: string;
  label: string;
  /** Shown under the field and announced with it; also marks the field invalid. */
  error?: string | readonly string[];
  hint?: string;
};

/** A labelled input whose hint and error are tied to it for screen readers. */
export const TextField = forwardRef<HTMLInputElement, TextFieldProps>(function TextField(
  { id, label, error, hint, 'aria-describedby': extraDescription, ...input },
  ref,
) {
  const errors = typeof error === 'string' ? [error] : (error ?? []);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors.length ? `${id}-error` : undefined;
  const describedBy = [hintId, extraDescription, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${errorId ? ' field--invalid' : ''}`}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      <input
        ref={ref}
        id={id}
        className="field__input"
        aria-invalid={errorId ? true : undefined}
        aria-describedby={describedBy}
        {...input}
      />
      {errorId && (
        <p className="field__error" id={errorId}>
          {errors.map((message, index) => (
            <span key={index} className="field__error-line">
              {message}
            </span>
          ))}
        </p>
      )}
    </div>
  );
});
