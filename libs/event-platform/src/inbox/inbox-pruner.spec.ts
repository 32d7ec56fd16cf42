import { InboxPruner, inboxRetentionMs } from './inbox-pruner';
import { InboxStore } from './inbox.store';

describe('forgetting handled event ids', () => {
  it('keeps them 14 days by default, longer than the topics keep messages (7 days)', () => {
    expect(inboxRetentionMs({})).toBe(14 * 86_400_000);
    expect(inboxRetentionMs({ INBOX_RETENTION_DAYS: '30' })).toBe(30 * 86_400_000);
  });

  it('refuses a retention below one day', () => {
    expect(() => inboxRetentionMs({ INBOX_RETENTION_DAYS: '0' })).toThrow(/INBOX_RETENTION_DAYS/);
    expect(() => inboxRetentionMs({ INBOX_RETENTION_DAYS: 'soon' })).toThrow(
      /INBOX_RETENTION_DAYS/,
    );
  });

  it('deletes what was handled before the retention window', async () => {
    const cutoffs: Date[] = [];
    const inbox = {
      pruneProcessedBefore: async (cutoff: Date) => {
        cutoffs.push(cutoff);
        return 3;
      },
    } as unknown as InboxStore;
    const now = new Date('2026-11-27T00:00:00Z');
    expect(await new InboxPruner(inbox).prune(now)).toBe(3);
    expect(cutoffs[0].toISOString()).toBe('2026-11-13T00:00:00.000Z');
  });
});
