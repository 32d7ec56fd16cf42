/**
 * Writes docs/asyncapi.yaml from libs/contracts. Run after changing an event:
 *   npx tsx tools/asyncapi/generate-asyncapi.ts
 * tools/asyncapi/asyncapi.spec.ts fails until the committed document matches the classes.
 */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderAsyncApiYaml } from './render';

const target = join(__dirname, '../../docs/asyncapi.yaml');
writeFileSync(target, renderAsyncApiYaml());
console.log(`wrote ${target}`);
