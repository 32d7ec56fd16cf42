import { GatewayClient } from '../../../stack/src/demo/gateway-client';

/** One confirmation email of the run, from the notifications' delivery log. */
export interface ConfirmationEmail {
  orderNumber: string;
  /** When the notifications' handler queued it (the event was consumed). */
  createdAtMs: number;
  /** When the SMTP server accepted it; NaN while not sent. */
  sentAtMs: number;
}

interface EmailLogAnswer {
  items: { subject: string; createdAt: string; sentAt: string | null; status: string }[];
}

/**
 * Reads the `order-placed` emails of the given customers from `GET /api/emails` (ops/admin),
 * waiting until `expected` order numbers have been sent or the time is up.
 */
export async function confirmationEmails(
  gateway: GatewayClient,
  adminToken: string,
  customers: readonly string[],
  expected: ReadonlySet<string>,
  timeoutMs = 90000,
): Promise<Map<string, ConfirmationEmail>> {
  const found = new Map<string, ConfirmationEmail>();
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const to of customers) {
      const answer = await gateway.call<EmailLogAnswer>(
        `/api/emails?to=${encodeURIComponent(to)}&template=order-placed&limit=200`,
        { token: adminToken },
      );
      if (answer.status !== 200) continue;
      for (const item of answer.body.items) {
        const orderNumber = /Order (\S+) confirmed/.exec(item.subject)?.[1];
        if (!orderNumber || !expected.has(orderNumber)) continue;
        found.set(orderNumber, {
          orderNumber,
          createdAtMs: Date.parse(item.createdAt),
          sentAtMs: item.sentAt ? Date.parse(item.sentAt) : NaN,
        });
      }
    }
    const sent = [...found.values()].filter((email) => Number.isFinite(email.sentAtMs)).length;
    if (sent >= expected.size) break;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  return found;
}
