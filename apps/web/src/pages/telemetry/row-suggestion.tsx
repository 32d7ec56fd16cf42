import { forecastText } from './supply-wording';
import { SuggestionItem } from './telemetry-types';

/**
 * Under an order row: the item's days to empty from the device's readings and the suggested
 * quantity, with a button that puts it in the quantity field. Nothing is filled in unless the
 * user presses it, and the quantity stays theirs to change.
 */
export function RowSuggestion({
  suggestion,
  itemName,
  onUse,
  inUse,
}: {
  suggestion: SuggestionItem;
  itemName: string;
  onUse: (quantity: number) => void;
  /** The quantity field already holds the suggestion. */
  inUse: boolean;
}) {
  const quantity = suggestion.suggestedQuantity;
  return (
    <div className="row-suggestion" data-testid="row-suggestion">
      <p className="row-suggestion__forecast" data-testid="row-days-to-empty">
        {forecastText(suggestion)}
        {suggestion.onsiteUnits > 0 &&
          ` · ${suggestion.onsiteUnits} unit${suggestion.onsiteUnits === 1 ? '' : 's'} onsite counted`}
      </p>
      {quantity > 0 ? (
        <p className="row-suggestion__quantity">
          <span data-testid="row-suggested">Suggested: {quantity}</span>{' '}
          <button
            type="button"
            className="link-button"
            // The accessible name starts with the visible text (WCAG 2.5.3, axe label-content-name-mismatch).
            aria-label={`${inUse ? 'In use' : `Use ${quantity}`}: the suggested quantity for ${itemName}`}
            disabled={inUse}
            onClick={() => onUse(quantity)}
          >
            {inUse ? 'In use' : `Use ${quantity}`}
          </button>
        </p>
      ) : suggestion.state === 'forecast' ? (
        <p className="row-suggestion__quantity" data-testid="row-suggested">
          Suggested: none for now — what is onsite lasts beyond the delivery time.
        </p>
      ) : (
        // Learning, cannot forecast or stale: nothing to base a number on, so none is offered.
        <p className="row-suggestion__quantity" data-testid="row-no-suggestion">
          No suggested quantity for this item yet.
        </p>
      )}
    </div>
  );
}
