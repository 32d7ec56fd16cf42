import type { Producer } from 'kafkajs';

/**
 * A producer connected on first use and thrown away after a failure, so the next attempt
 * starts clean (kafkajs' idempotent producer state can be stale after a broker restart).
 */
export class LazyProducer {
  private producer?: Promise<Producer>;

  constructor(private readonly create: () => Producer) {}

  get(): Promise<Producer> {
    if (!this.producer) {
      const producer = this.create();
      const connecting = producer.connect().then(() => producer);
      // Forget a connection attempt that failed, so the next get() tries again.
      connecting.catch(() => {
        if (this.producer === connecting) this.producer = undefined;
        void producer.disconnect().catch(() => undefined);
      });
      this.producer = connecting;
    }
    return this.producer;
  }

  async reset(): Promise<void> {
    const current = this.producer;
    this.producer = undefined;
    if (current) await current.then((producer) => producer.disconnect()).catch(() => undefined);
  }
}
