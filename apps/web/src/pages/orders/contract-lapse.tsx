import { useCountryFormats } from '../../country/country-formats';
import { HelpdeskNumber } from '../../layout/helpdesk-number';

/** A device's contract as the registry (devices) and ordering (catalog) describe it. */
export interface ContractFacts {
  status?: string;
  startsOn?: string;
  endsOn?: string;
}

export type ContractLapse =
  | { kind: 'ended'; on: string }
  | { kind: 'terminated' | 'suspended' }
  | { kind: 'not-started'; on: string }
  | { kind: 'none' };

/** Why a device is not covered today (calendar days, as the registry decides coverage). */
export function contractLapse(
  contract: ContractFacts | null | undefined,
  today = new Date().toISOString().slice(0, 10),
): ContractLapse {
  if (!contract?.endsOn) return { kind: 'none' };
  if (contract.status === 'terminated' || contract.status === 'suspended')
    return { kind: contract.status };
  if (contract.startsOn && contract.startsOn > today)
    return { kind: 'not-started', on: contract.startsOn };
  return { kind: 'ended', on: contract.endsOn };
}

/** Short, for a device's line: starts with "No active Metered Supplies contract". */
export function useLapseSummary(): (lapse: ContractLapse) => string {
  const { date } = useCountryFormats();
  return (lapse) => {
    const lead = 'No active Metered Supplies contract';
    switch (lapse.kind) {
      case 'ended':
        return `${lead}: it ended on ${date(lapse.on)}`;
      case 'terminated':
      case 'suspended':
        return `${lead}: it was ${lapse.kind}`;
      case 'not-started':
        return `${lead} yet: it starts on ${date(lapse.on)}`;
      case 'none':
        return lead;
    }
  };
}

/**
 * What to do about it: renew (or take out) a contract with the Supplies Helpdesk of the
 * customer's country, and meanwhile buy from the store or a partner (help page rule 3).
 */
export function ContractLapseAdvice({ lapse, id }: { lapse: ContractLapse; id?: string }) {
  const summary = useLapseSummary()(lapse);
  if (lapse.kind === 'not-started')
    return (
      <p className="contract-lapse" id={id}>
        {summary}. You can order supplies for it online from that day.
      </p>
    );
  const action = lapse.kind === 'none' ? 'To take out a contract' : 'To renew the contract';
  return (
    <p className="contract-lapse" id={id}>
      {summary}. {action}, call the Supplies Helpdesk at <HelpdeskNumber />. Until then, buy
      supplies from our online store or an authorised partner.
    </p>
  );
}
