import { ChangeEvent, KeyboardEvent, useRef, useState } from 'react';
import { TextField } from '../../forms/text-field';
import { onsiteBottles, OrderRowDraft, RowErrors, RowField } from './order-form';
import { CatalogItem } from './order-types';
import { RowSuggestion } from '../telemetry/row-suggestion';
import { SuggestionItem } from '../telemetry/telemetry-types';

interface OrderRowsProps {
  items: readonly CatalogItem[];
  rows: readonly OrderRowDraft[];
  errors: Record<number, RowErrors>;
  onAdd: (item: CatalogItem) => void;
  onChange: (key: number, field: RowField, value: string) => void;
  onRemove: (key: number) => void;
  /** Telemetry's days to empty and suggested quantity per reorder number (may be empty). */
  suggestions?: ReadonlyMap<string, SuggestionItem>;
}

/** Keys that change a closed pull-down's value in place. */
const BROWSE_KEYS = new Set(['ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown']);

const LABELS: Record<RowField, string> = {
  fullCartonsOnsite: 'Full cartons onsite',
  bottlesOnsite: 'Individual bottles onsite',
  quantity: 'Quantity to order',
};

/**
 * The order rows and, just below them, the "Choose your items to be ordered" pull-down:
 * choosing an item adds its row right above the list (as the help page describes it).
 */
export function OrderRows({
  items,
  rows,
  errors,
  onAdd,
  onChange,
  onRemove,
  suggestions,
}: OrderRowsProps) {
  const inOrder = new Set(rows.map((row) => row.item.reorderNumber));
  // Chromium and Firefox (not on macOS) change a closed pull-down's value with each arrow key:
  // a keyboard user going through the list would add a row per item passed. So a change that
  // comes from an arrow key only moves the choice, and Enter adds it; a choice made in the open
  // list (mouse, touch, or Space/Alt+↓ then Enter) still adds its row at once.
  const [browsed, setBrowsed] = useState('');
  const arrowKeyDown = useRef(false);
  const add = (reorderNumber: string) => {
    setBrowsed('');
    const item = items.find((candidate) => candidate.reorderNumber === reorderNumber);
    if (item) onAdd(item);
  };
  const choose = (event: ChangeEvent<HTMLSelectElement>) => {
    if (arrowKeyDown.current) setBrowsed(event.target.value);
    else add(event.target.value);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLSelectElement>) => {
    if (BROWSE_KEYS.has(event.key) && !event.altKey) {
      // The change event of this key press comes within the key's default action.
      arrowKeyDown.current = true;
      window.setTimeout(() => (arrowKeyDown.current = false));
    } else if (event.key === 'Enter' && browsed) {
      event.preventDefault();
      add(browsed);
    }
  };

  return (
    <div className="order-rows">
      {rows.length > 0 && (
        <ol className="order-rows__list" aria-label="Order rows">
          {rows.map((row) => (
            <li key={row.key}>
              <OrderRowFields
                row={row}
                errors={errors[row.key] ?? {}}
                onChange={onChange}
                onRemove={onRemove}
                suggestion={suggestions?.get(row.item.reorderNumber)}
              />
            </li>
          ))}
        </ol>
      )}
      <div className="field">
        <label className="field__label" htmlFor="order-item-chooser">
          Choose your items to be ordered
        </label>
        {items.length ? (
          <select
            id="order-item-chooser"
            className="field__input"
            value={browsed}
            onChange={choose}
            onKeyDown={onKeyDown}
            aria-describedby="order-item-chooser-hint"
          >
            <option value="">Select a supply item…</option>
            {items.map((item) => (
              <option
                key={item.reorderNumber}
                value={item.reorderNumber}
                disabled={inOrder.has(item.reorderNumber)}
              >
                {item.description} ({item.reorderNumber})
                {inOrder.has(item.reorderNumber) ? ' — already in your order' : ''}
              </option>
            ))}
          </select>
        ) : (
          <p className="notice">No supply items are tied to this serial number yet.</p>
        )}
        <p className="field__hint" id="order-item-chooser-hint">
          Only the items tied to this serial number are listed. Missing one? Ask the Supplies
          Helpdesk to add it, giving the serial number and the item’s reorder number. With the
          keyboard: the arrow keys go through the items, Enter adds the one shown.
        </p>
      </div>
    </div>
  );
}

interface OrderRowFieldsProps {
  row: OrderRowDraft;
  errors: RowErrors;
  onChange: (key: number, field: RowField, value: string) => void;
  onRemove: (key: number) => void;
  suggestion?: SuggestionItem;
}

function OrderRowFields({ row, errors, onChange, onRemove, suggestion }: OrderRowFieldsProps) {
  const { item } = row;
  const onsite = onsiteBottles(row);
  const idBase = `order-row-${row.key}`;
  const field = (name: RowField, hint?: string) => (
    <TextField
      id={`${idBase}-${name}`}
      label={LABELS[name]}
      hint={hint}
      inputMode="numeric"
      autoComplete="off"
      value={row.values[name]}
      error={errors[name]}
      onChange={(event) => onChange(row.key, name, event.target.value)}
    />
  );
  return (
    <fieldset
      className={`fieldset order-row${errors.item?.length ? ' fieldset--invalid' : ''}`}
      data-testid={`order-row-${item.reorderNumber}`}
    >
      <legend>
        {item.description} <code>{item.reorderNumber}</code>
      </legend>
      {errors.item?.length ? (
        <p className="field__error">
          {errors.item.map((message, index) => (
            <span key={index} className="field__error-line">
              {message}
            </span>
          ))}
        </p>
      ) : null}
      {suggestion && (
        <RowSuggestion
          suggestion={suggestion}
          itemName={`${item.description} (${item.reorderNumber})`}
          inUse={row.values.quantity.trim() === String(suggestion.suggestedQuantity)}
          onUse={(quantity) => onChange(row.key, 'quantity', String(quantity))}
        />
      )}
      <div className="order-row__fields">
        {field('fullCartonsOnsite', `${item.bottlesPerCarton} bottles per carton`)}
        {field('bottlesOnsite', 'Loose bottles besides the full cartons')}
        {field('quantity', item.maxQuantity ? `At most ${item.maxQuantity}` : 'Bottles to send')}
      </div>
      <div className="order-row__footer">
        <span className="field__hint">
          {onsite === null ? '' : `Onsite now: ${onsite} bottle${onsite === 1 ? '' : 's'}`}
        </span>
        <button
          type="button"
          className="link-button"
          aria-label={`Remove ${item.description} (${item.reorderNumber})`}
          onClick={() => onRemove(row.key)}
        >
          Remove
        </button>
      </div>
    </fieldset>
  );
}
