/** An account's replenishment settings (customer for their own account, helpdesk any). */
export interface ReplenishmentSettings {
  accountId: string;
  autoReplenishment: boolean;
  /** Days without a reading before a device counts as silent. */
  silentAfterDays: number;
  /** Percent below which a supply is low. */
  lowLevelPercent: number;
  /** Days of margin on top of the shipping lead time. */
  safetyDays: number;
}

export const DEFAULT_SETTINGS: Omit<ReplenishmentSettings, 'accountId'> = {
  autoReplenishment: false,
  silentAfterDays: 3,
  lowLevelPercent: 15,
  safetyDays: 7,
};

export function settingsOrDefault(
  accountId: string,
  stored: ReplenishmentSettings | undefined,
): ReplenishmentSettings {
  return stored ?? { accountId, ...DEFAULT_SETTINGS };
}
