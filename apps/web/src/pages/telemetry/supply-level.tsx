import { levelPercent, levelWithoutPercent, LOW_PERCENT } from './supply-wording';
import { FleetSupply } from './telemetry-types';

/**
 * A supply's level: a bar with role `meter` (value, text and name for assistive technology)
 * and the percentage written beside it, so the level never depends on colour alone. Devices
 * that report no number get their own words instead of a bar.
 */
export function SupplyLevel({ supply }: { supply: FleetSupply }) {
  const percent = levelPercent(supply);
  if (percent === null)
    return (
      <span className="supply-level supply-level--words" data-testid="supply-level">
        {levelWithoutPercent(supply)}
      </span>
    );
  const low = percent <= LOW_PERCENT;
  const text = `${percent}%${low ? ' (low)' : ''}`;
  return (
    <span className="supply-level" data-testid="supply-level">
      <span
        className="meter"
        role="meter"
        aria-label={`${supply.description} level`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={text}
      >
        <span
          className={`meter__fill${low ? ' meter__fill--low' : ''}`}
          style={{ width: `${percent}%` }}
        />
      </span>
      <span
        className={`supply-level__text${low ? ' supply-level__text--low' : ''}`}
        aria-hidden="true"
      >
        {text}
      </span>
    </span>
  );
}
