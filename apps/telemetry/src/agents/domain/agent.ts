/** A data collection agent of an account: it uploads readings with its own credential. */
export interface Agent {
  agentId: string;
  accountId: string;
  name: string;
  /** SHA-256 (hex) of the credential's secret; the credential itself is never stored. */
  secretHash: string;
  createdAt: Date;
  lastSeenAt?: Date;
  revokedAt?: Date;
}

/** Who sent a batch: an agent whose credential checked out, and the account it reports for. */
export interface AgentPrincipal {
  agentId: string;
  accountId: string;
}
