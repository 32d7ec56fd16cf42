import { GatewayClient } from '../../../tools/stack/src/demo/gateway-client';

export interface EmailLogItem {
  messageId: string;
  template: string;
  to: string;
  status: 'queued' | 'sending' | 'sent' | 'failed';
  attempts: number;
  lastError: string | null;
}

/** The newest emails of the delivery log (GET /api/emails, ops/admin) whose recipient contains `tag`. */
export async function emailLog(
  gateway: GatewayClient,
  token: string,
  tag: string,
  query = '',
): Promise<EmailLogItem[]> {
  const { items } = await gateway.expect<{ items: EmailLogItem[] }>(
    200,
    `/api/emails?limit=200${query}`,
    { token },
  );
  return items.filter((item) => item.to.includes(tag));
}
