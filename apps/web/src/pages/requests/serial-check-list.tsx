import { SerialCheck } from '../validator/registration-types';
import { checkText } from './request-types';

/** Each serial of a machines request with the outcome of the registry's automatic check. */
export function SerialCheckList({ checks }: { checks: SerialCheck[] | undefined }) {
  if (!checks?.length) return <p>The serial numbers are being checked.</p>;
  return (
    <ul className="serial-checks">
      {checks.map((check) => (
        <li
          key={check.serial}
          className={`serial-checks__item serial-checks__item--${check.outcome}`}
          data-testid={`check-${check.serial}`}
        >
          <code>{check.serial}</code>
          {check.model?.name ? ` (${check.model.name})` : ''}: {checkText(check)}
        </li>
      ))}
    </ul>
  );
}
