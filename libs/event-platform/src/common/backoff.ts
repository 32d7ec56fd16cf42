/** Capped exponential backoff: initialMs, 2×, 4×, … never above maxMs. */
export interface BackoffPolicy {
  initialMs: number;
  maxMs: number;
  /** Growth per attempt; 2 unless told otherwise. */
  factor?: number;
}

/**
 * Delay before retry number `attempt` (1 = the first retry). Deterministic on purpose:
 * callers that need jitter (many replicas hammering one broker) add it themselves.
 */
export function backoffDelay(attempt: number, policy: BackoffPolicy): number {
  if (!Number.isInteger(attempt) || attempt < 1) {
    throw new Error(`backoff attempt must be a whole number ≥ 1, got ${attempt}`);
  }
  const factor = policy.factor ?? 2;
  const delay = policy.initialMs * Math.pow(factor, attempt - 1);
  return Math.min(policy.maxMs, Math.round(delay));
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Error text for logs and headers, whatever was thrown. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  if (typeof error === 'string') return error;
  try {
    return JSON.stringify(error);
  } catch {
    return String(error);
  }
}
