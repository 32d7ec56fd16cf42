import type {
  SerialAddedPayload,
  SerialRemovedPayload,
  SupplyItemAddedPayload,
  SupplyItemRemovedPayload,
} from '@metered/contracts';

/** A supply item that can be ordered for a device. */
export interface DeviceItem {
  reorderNumber: string;
  description: string;
  kind: string;
  bottlesPerCarton: number;
}

/** telemetry's copy of a registry device: whose it is, where, and its items. */
export interface DeviceView {
  serial: string;
  /** The account it belongs to; absent once removed from it. */
  accountId?: string;
  country?: string;
  modelCode?: string;
  modelName?: string;
  items: DeviceItem[];
  linkedAt?: Date;
  unlinkedAt?: Date;
}

type Change = (current: DeviceView | null) => DeviceView | null;

const empty = (serial: string): DeviceView => ({ serial, items: [] });

/** Linked to an account — unless a removal newer than this link is already known. */
export function serialAdded(payload: SerialAddedPayload): Change {
  const at = new Date(payload.addedAt);
  return (current) => {
    if (current?.unlinkedAt && current.unlinkedAt > at) return null;
    if (current?.linkedAt && current.linkedAt > at) return null;
    return {
      ...(current ?? empty(payload.serial)),
      accountId: payload.accountId,
      country: payload.country,
      modelCode: payload.model.code,
      modelName: payload.model.name,
      items: payload.supplyItems.map(({ reorderNumber, description, kind, bottlesPerCarton }) => ({
        reorderNumber,
        description,
        kind,
        bottlesPerCarton,
      })),
      linkedAt: at,
      unlinkedAt: undefined,
    };
  };
}

export function serialRemoved(payload: SerialRemovedPayload): Change {
  const at = new Date(payload.removedAt);
  return (current) => {
    if (!current || (current.linkedAt && current.linkedAt > at)) return null;
    if (current.accountId !== payload.accountId) return null;
    return { ...current, accountId: undefined, unlinkedAt: at };
  };
}

export function supplyItemAdded(payload: SupplyItemAddedPayload): Change {
  return (current) => {
    if (!current) return null;
    const { reorderNumber, description, kind, bottlesPerCarton } = payload.item;
    const items = current.items.filter((item) => item.reorderNumber !== reorderNumber);
    return {
      ...current,
      items: [...items, { reorderNumber, description, kind, bottlesPerCarton }],
    };
  };
}

export function supplyItemRemoved(payload: SupplyItemRemovedPayload): Change {
  return (current) => {
    if (!current) return null;
    return {
      ...current,
      items: current.items.filter((item) => item.reorderNumber !== payload.reorderNumber),
    };
  };
}
