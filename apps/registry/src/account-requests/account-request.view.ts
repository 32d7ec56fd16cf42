import type { AccountRequest } from './domain/account-request';
import type { AccountRequestDto } from './dto/account-request.dto';

/** A request as the API shows it: people by id and email only. */
export function toRequestDto(request: AccountRequest): AccountRequestDto {
  const person = (actor: { userId: string; email: string }) => ({
    userId: actor.userId,
    email: actor.email,
  });
  const { decision } = request;
  return {
    requestId: request.requestId,
    kind: request.kind,
    accountId: request.accountId,
    company: request.company,
    country: request.country,
    status: request.status,
    requestedBy: person(request.requestedBy),
    requestedAt: new Date(request.requestedAt).toISOString(),
    ...(request.proofSerial ? { proofSerial: request.proofSerial } : {}),
    ...(request.checks ? { checks: request.checks } : {}),
    ...(request.serial ? { serial: request.serial } : {}),
    ...(request.reorderNumber ? { reorderNumber: request.reorderNumber } : {}),
    ...(request.note ? { note: request.note } : {}),
    ...(decision
      ? {
          decision: {
            decision: decision.decision,
            ...(decision.approvedSerials ? { approvedSerials: decision.approvedSerials } : {}),
            ...(decision.reason ? { reason: decision.reason } : {}),
            decidedBy: person(decision.decidedBy),
            decidedAt: new Date(decision.decidedAt).toISOString(),
          },
        }
      : {}),
  };
}
