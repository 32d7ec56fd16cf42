import { commandsPerOrder } from '../pipeline/database-commands';
import { databaseCommandsBrief, databaseCommandsSection } from './database-commands-table';

describe('the database commands section', () => {
  it('lists commands per order with the total and says what is counted', () => {
    const figure = commandsPerOrder(
      'url',
      { counts: { find: 100, insert: 10, hello: 5 } },
      { counts: { find: 700, insert: 210, hello: 45 } },
      100,
    );
    const section = databaseCommandsSection(figure);
    expect(section).toContain('| find | 6 | 600 |');
    expect(section).toContain('| insert | 2 | 200 |');
    expect(section).toContain('| **total** | **8** | 800 |');
    expect(section).not.toContain('| hello |');
    expect(section).toContain(
      'All database commands during the main run ÷ orders accepted in it (100)',
    );
    expect(section).toMatch(/housekeeping: hello, .*ping/);
    expect(databaseCommandsBrief(figure)).toBe('8 (find 6, insert 2)');
  });

  it('gives the reason when there is no figure', () => {
    const figure = commandsPerOrder(
      'url',
      { error: 'url did not answer (fetch failed)' },
      { counts: {} },
      9,
    );
    expect(databaseCommandsSection(figure)).toBe(
      'Not measured: before the main run: url did not answer (fetch failed).',
    );
    expect(databaseCommandsBrief(figure)).toBe(
      'n/a (before the main run: url did not answer (fetch failed))',
    );
  });
});
