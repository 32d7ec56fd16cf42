import { forwardRef } from 'react';
import { countProblems, RequestErrors } from './request-form';

/** The summary above a request form: how many problems, and those with no field of their own. */
export const RequestProblems = forwardRef<HTMLDivElement, { errors: RequestErrors }>(
  function RequestProblems({ errors }, ref) {
    const count = countProblems(errors);
    return (
      <div ref={ref} tabIndex={-1} aria-live="polite">
        {count > 0 && (
          <div className="notice notice--error" role="alert" data-testid="request-problems">
            <p>
              {count === 1
                ? 'The request was not sent: 1 problem.'
                : `The request was not sent: ${count} problems.`}
            </p>
            {errors.other.map((message, index) => (
              <p key={index}>{message}</p>
            ))}
          </div>
        )}
      </div>
    );
  },
);
