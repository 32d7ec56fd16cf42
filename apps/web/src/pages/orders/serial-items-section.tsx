import { Dispatch, ReactNode, SetStateAction } from 'react';
import { addRow, OrderRowDraft, RowErrors } from './order-form';
import { OrderRows } from './order-rows';
import { CatalogItem } from './order-types';
import { useSuggestions } from '../telemetry/use-suggestions';

interface SerialItemsSectionProps {
  serial: string;
  items: readonly CatalogItem[];
  rows: readonly OrderRowDraft[];
  setRows: Dispatch<SetStateAction<OrderRowDraft[]>>;
  errors: Record<number, RowErrors>;
  /** Shown below the rows (e.g. the customer's "Item not in the list?" link). */
  children?: ReactNode;
}

/**
 * "Items for <serial>": the editable order rows of one serial, for customers and the helpdesk,
 * each with telemetry's days to empty and suggested quantity when the device reports.
 */
export function SerialItemsSection({
  serial,
  items,
  rows,
  setRows,
  errors,
  children,
}: SerialItemsSectionProps) {
  const suggestions = useSuggestions(serial);
  return (
    <section aria-labelledby="items-title">
      <h2 id="items-title">
        Items for <code>{serial}</code>
      </h2>
      <OrderRows
        items={items}
        rows={rows}
        errors={errors}
        suggestions={suggestions}
        onAdd={(item) => setRows((list) => addRow(list, item))}
        onRemove={(key) => setRows((list) => list.filter((row) => row.key !== key))}
        onChange={(key, field, value) =>
          setRows((list) =>
            list.map((row) =>
              row.key === key ? { ...row, values: { ...row.values, [field]: value } } : row,
            ),
          )
        }
      />
      {children}
    </section>
  );
}
