import { readFileSync } from 'node:fs';
import type { AppSettings } from '@metered/service-kit/config';
import { APP_SETTINGS } from './app-settings';
import { CONFIGURATION_DOC } from './generate-settings-docs';
import { renderSettingsTable, TABLE_BEGIN, TABLE_END, withSettingsTable } from './settings-table';

describe('the generated settings table (docs/configuration.md)', () => {
  it('is current with what the apps declare (regenerate: npm run settings-docs)', () => {
    const document = readFileSync(CONFIGURATION_DOC, 'utf8');
    expect(document).toBe(withSettingsTable(document, renderSettingsTable(APP_SETTINGS)));
  });

  it('lists every variable an app declares', () => {
    const table = renderSettingsTable(APP_SETTINGS);
    for (const { settings } of APP_SETTINGS) {
      for (const { name } of settings) expect(table).toContain(`| \`${name}\` |`);
    }
  });

  it('merges a variable read by several apps and says where the requirement differs', () => {
    const apps: AppSettings[] = [
      {
        app: 'identity',
        settings: [
          {
            name: 'IDENTITY_URL',
            kind: 'service-url',
            requirement: 'optional',
            description: 'own keys',
          },
          {
            name: 'PORTAL_URL',
            kind: 'public-url',
            requirement: 'outside-development',
            description: 'links | mail',
          },
        ],
      },
      {
        app: 'ordering',
        settings: [
          {
            name: 'IDENTITY_URL',
            kind: 'service-url',
            requirement: 'outside-development',
            description: 'keys',
          },
        ],
      },
    ];
    expect(renderSettingsTable(apps).split('\n').slice(2)).toEqual([
      '| `IDENTITY_URL` | every service | no (ordering: in production) | service-url | own keys; keys |',
      '| `PORTAL_URL` | identity | in production | public-url | links \\| mail |',
    ]);
  });

  it('refuses a document without the markers instead of writing the table anywhere', () => {
    expect(() => withSettingsTable('# Configuration\n', 'table')).toThrow(TABLE_BEGIN);
    expect(withSettingsTable(`a\n${TABLE_BEGIN}\nold\n${TABLE_END}\nb`, 'new')).toBe(
      `a\n${TABLE_BEGIN}\n\nnew\n\n${TABLE_END}\nb`,
    );
  });
});
