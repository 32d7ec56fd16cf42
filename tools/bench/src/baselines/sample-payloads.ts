/** An order-shaped document of the size the ordering service stores (about 2 kB as JSON). */
export function sampleOrderDocument(): Record<string, unknown> {
  return {
    orderNumber: 'MS-261127-BENCH1',
    accountId: '00000000-0000-4000-8000-000000000000',
    company: 'Bench Customer',
    country: 'US',
    serial: 'BENCH00001',
    model: { code: 'LM-C3540', name: 'Lumen C3540 colour MFP', family: 'office' },
    shipTo: { line1: '1 Bench Way', city: 'Springfield', postalCode: '12345', country: 'US' },
    rows: Array.from({ length: 3 }, (_, i) => ({
      reorderNumber: `TN-BENCH-${i}`,
      description: 'Toner cartridge, black, high yield — benchmark row',
      kind: 'toner',
      bottlesPerCarton: 2,
      fullCartonsOnsite: 0,
      bottlesOnsite: 1,
      quantity: 1,
    })),
    channel: 'web',
    shippingMethod: 'standard',
    status: 'placed',
    placedAt: new Date(),
    history: [{ status: 'placed', at: new Date(), by: 'bench' }],
    outbox: [
      { eventId: 'x', type: 'OrderPlaced', topic: 'ordering.order.v1', payload: 'x'.repeat(900) },
    ],
  };
}

/** A message as large as an `OrderPlaced` envelope (about 2 kB). */
export function sampleEventMessage(sequence: number): { key: string; value: string } {
  return {
    key: `BENCH${String(sequence % 500).padStart(5, '0')}`,
    value: JSON.stringify({
      eventId: sequence,
      type: 'BenchBaseline',
      payload: sampleOrderDocument(),
    }),
  };
}
