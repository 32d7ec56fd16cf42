/**
 * Work that refreshes gauges right before a scrape (outbox backlog, consumer lag), so they
 * cost nothing while nobody looks. Hooks are registered by the libraries that own the data
 * (the event platform); each gets a time limit, so a slow database cannot stall `/metrics`.
 */
export type ScrapeHook = () => Promise<void>;

const hooks = new Set<ScrapeHook>();

export function addScrapeHook(hook: ScrapeHook): () => void {
  hooks.add(hook);
  return () => hooks.delete(hook);
}

export async function runScrapeHooks(timeoutMs = 2000): Promise<void> {
  await Promise.all(
    [...hooks].map((hook) =>
      Promise.race([
        hook().catch(() => undefined),
        new Promise<void>((resolve) => setTimeout(resolve, timeoutMs).unref()),
      ]),
    ),
  );
}
