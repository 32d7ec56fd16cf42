import { ShippingChoice } from './use-helpdesk-order';

interface HelpdeskShippingProps {
  value: ShippingChoice;
  onChange: (value: ShippingChoice) => void;
}

/** The helpdesk is the one channel that may expedite, so both methods are offered here. */
export function HelpdeskShipping({ value, onChange }: HelpdeskShippingProps) {
  const choice = (method: ShippingChoice, label: string) => (
    <label className="shipping-choice">
      <input
        type="radio"
        name="helpdesk-shipping"
        value={method}
        checked={value === method}
        onChange={() => onChange(method)}
      />
      {label}
    </label>
  );
  return (
    <fieldset className="fieldset">
      <legend>Shipping</legend>
      {choice('standard', 'Standard shipping')}
      {choice('expedited', 'Expedited shipping')}
    </fieldset>
  );
}
