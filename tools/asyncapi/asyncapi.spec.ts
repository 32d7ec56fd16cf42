import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Parser } from '@asyncapi/parser';
import { load } from 'js-yaml';
import { ALL_EVENTS, ALL_TOPICS } from '@metered/contracts';
import { renderAsyncApiYaml } from './render';

const committedPath = join(__dirname, '../../docs/asyncapi.yaml');
const committed = readFileSync(committedPath, 'utf8');

interface AsyncApiDoc {
  channels: Record<string, { address: string; messages: Record<string, unknown> }>;
  components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
}

describe('the event contract (docs/asyncapi.yaml)', () => {
  it('matches the event classes of libs/contracts (regenerate: npx tsx tools/asyncapi/generate-asyncapi.ts)', () => {
    // Compared as data first, for a readable diff, then as text (key order, formatting).
    expect(load(committed)).toEqual(load(renderAsyncApiYaml()));
    expect(committed).toBe(renderAsyncApiYaml());
  });

  it('is a valid AsyncAPI 3.0 document', async () => {
    const { document, diagnostics } = await new Parser().parse(committed);
    const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 0);
    expect(errors.map((error) => `${error.path.join('.')}: ${error.message}`)).toEqual([]);
    expect(document?.version()).toBe('3.0.0');
  });

  it('has a channel for every topic and a message with its payload schema for every event version', () => {
    const doc = load(committed) as AsyncApiDoc;
    const addresses = Object.values(doc.channels).map((channel) => channel.address);
    expect(addresses).toEqual(expect.arrayContaining([...ALL_TOPICS]));
    for (const event of ALL_EVENTS) {
      const channel = Object.values(doc.channels).find((c) => c.address === event.topic);
      expect(channel?.messages).toHaveProperty(`${event.type}V${event.version}`);
      expect(doc.components.schemas[event.payloadClass.name]?.properties).toBeDefined();
    }
  });
});
