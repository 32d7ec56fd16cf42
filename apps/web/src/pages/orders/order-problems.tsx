import { forwardRef } from 'react';
import { countOrderProblems, OrderErrors } from './order-form';

interface OrderProblemsProps {
  /** A refusal of the whole order (not covered, unavailable, …). */
  problem: string | null;
  errors: OrderErrors;
}

/** The summary above the form; focused after a refused submit so it is read out first. */
export const OrderProblems = forwardRef<HTMLDivElement, OrderProblemsProps>(function OrderProblems(
  { problem, errors },
  ref,
) {
  const count = countOrderProblems(errors);
  return (
    <div ref={ref} tabIndex={-1}>
      {problem && (
        <div className="notice notice--error" role="alert" data-testid="order-problem">
          <p>{problem}</p>
        </div>
      )}
      {count > 0 && (
        <div className="notice notice--error" role="alert" data-testid="order-summary">
          <p>
            {count === 1 ? 'One thing needs your attention' : `${count} things need your attention`}
            {Object.keys(errors.rows).length ? ': see the messages at the order rows.' : '.'}
          </p>
          {errors.other.map((line) => (
            <p key={line}>{line}</p>
          ))}
        </div>
      )}
    </div>
  );
});
