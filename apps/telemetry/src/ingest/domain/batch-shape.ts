import { MAX_READINGS_PER_BATCH } from '@metered/contracts';
import type { FieldProblem } from '@metered/service-kit';

/**
 * A batch as a whole: `{ agentId, readings: [...] }` with at most MAX_READINGS_PER_BATCH
 * readings, from the agent whose credential sent it. What is wrong here refuses the whole
 * upload (400 / dead letter); each reading is then checked on its own.
 */
export function batchProblems(body: unknown, agentId: string): FieldProblem[] {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return [{ field: '', reason: 'must be a JSON object { agentId, readings }' }];
  }
  const batch = body as Record<string, unknown>;
  const problems: FieldProblem[] = [];
  const unknown = Object.keys(batch).filter((key) => key !== 'agentId' && key !== 'readings');
  for (const field of unknown) problems.push({ field, reason: 'is not a field of a batch' });
  if (typeof batch.agentId !== 'string') {
    problems.push({ field: 'agentId', reason: 'is required' });
  } else if (batch.agentId !== agentId) {
    problems.push({ field: 'agentId', reason: 'is not the agent of the credential' });
  }
  if (!Array.isArray(batch.readings)) {
    problems.push({ field: 'readings', reason: 'must be an array' });
  } else if (batch.readings.length === 0) {
    problems.push({ field: 'readings', reason: 'must not be empty' });
  } else if (batch.readings.length > MAX_READINGS_PER_BATCH) {
    problems.push({
      field: 'readings',
      reason: `at most ${MAX_READINGS_PER_BATCH} readings per batch, got ${batch.readings.length}`,
    });
  }
  return problems;
}
