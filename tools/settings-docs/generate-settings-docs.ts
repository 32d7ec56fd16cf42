/** Rewrites the generated settings table of docs/configuration.md (`npm run settings-docs`). */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { APP_SETTINGS } from './app-settings';
import { renderSettingsTable, withSettingsTable } from './settings-table';

export const CONFIGURATION_DOC = join(__dirname, '..', '..', 'docs', 'configuration.md');

if (require.main === module) {
  const current = readFileSync(CONFIGURATION_DOC, 'utf8');
  writeFileSync(CONFIGURATION_DOC, withSettingsTable(current, renderSettingsTable(APP_SETTINGS)));
  console.log(`wrote ${CONFIGURATION_DOC}`);
}
