/**
 * The stack's PostgreSQL serves FerretDB's pushed-down filters from an index. FerretDB sends
 * `{_id: x}` as `_jsonb -> '_id' @> '"x"'`, which its own btree indexes cannot answer; the
 * event trigger of tools/stack/postgres/ferretdb-pushdown-indexes.sql adds a GIN companion
 * for each key of each index FerretDB creates. Without it every lookup is a sequential scan.
 *
 * Only meaningful where FerretDB runs on the stack's own PostgreSQL: with STACK_DB_BACKEND=sqlite,
 * no PostgreSQL, or an external MONGO_URL this suite fails and says so instead of passing.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { FERRETDB_DATABASE } from '../../../tools/stack/src/components/postgres';
import { resolveDbBackend } from '../../../tools/stack/src/components/postgres-binaries';
import { readSettings } from '../../../tools/stack/src/settings';

const DOCUMENTS = 1000;

/** `mongodb://…/<test prefix>_pushdown_<random>`: a database of this run only. */
function testDatabaseUri(): URL {
  const prefix = process.env.MONGO_DB_PREFIX ?? 'metered_test';
  if (!prefix.includes('test')) throw new Error(`refusing a non-test database prefix "${prefix}"`);
  const url = new URL(process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017');
  url.pathname = `/${prefix}_pushdown_${randomBytes(4).toString('hex')}`;
  return url;
}

/** psql against the stack's PostgreSQL, the way tools/stack/src/components/postgres.ts runs it. */
type Psql = (sql: string) => string;

/** Mirrors how tools/stack decides FerretDB's backend; throws a clear reason when it is not ours. */
async function stackPostgres(): Promise<Psql> {
  const settings = readSettings(process.env);
  if (settings.external.mongoUrl)
    throw new Error(
      `MONGO_URL=${settings.external.mongoUrl} is not the stack's own FerretDB: its PostgreSQL ` +
        `(and the companion indexes) cannot be checked here — run without MONGO_URL`,
    );
  const backend = await resolveDbBackend(settings, { mayInstall: false });
  if (backend.kind !== 'postgresql')
    throw new Error(
      'FerretDB runs on SQLite here (STACK_DB_BACKEND=sqlite or no PostgreSQL installed): the ' +
        'companion indexes exist only on the PostgreSQL backend — this check does not apply',
    );
  const env = {
    ...process.env,
    PGHOST: '127.0.0.1',
    PGPORT: String(settings.ports.postgres),
    PGUSER: 'postgres',
  };
  return (sql) => {
    const psql = spawnSync(
      join(backend.install.binDir, 'psql'),
      ['-d', FERRETDB_DATABASE, '-X', '-tA', '-v', 'ON_ERROR_STOP=1', '-c', sql],
      { env, encoding: 'utf8' },
    );
    if (psql.status !== 0) throw new Error(`psql failed: ${psql.stderr || psql.error?.message}`);
    return psql.stdout.trim();
  };
}

interface Part {
  _id: string;
  sku: string;
  status: string;
  since: Date;
  note: string;
}

type PlanNode = Record<string, unknown> & { Plans?: PlanNode[] };

/** A PostgreSQL JSON plan (as FerretDB's explain returns it) and all nodes below it. */
function planNodes(plan: PlanNode | undefined): PlanNode[] {
  return plan ? [plan, ...(plan.Plans ?? []).flatMap(planNodes)] : [];
}

describe("FerretDB's pushed-down filters on the stack's PostgreSQL", () => {
  let client: MongoClient;
  let psql: Psql;
  let schema: string;

  beforeAll(async () => {
    psql = await stackPostgres();
    const url = testDatabaseUri();
    schema = url.pathname.slice(1);
    client = await new MongoClient(url.toString()).connect();
  });

  afterAll(async () => {
    await client?.db(schema).dropDatabase();
    await client?.close();
  });

  it('gets a GIN companion for _id and each key of every index, and uses it for an equality', async () => {
    const parts = client.db(schema).collection<Part>('parts');
    await parts.createIndex({ sku: 1 });
    // A compound index (like the emails' and the outbox's): one companion per key.
    await parts.createIndex({ status: 1, since: 1 });
    await parts.insertMany(
      Array.from({ length: DOCUMENTS }, (_, i) => ({
        _id: `p-${i}`,
        sku: `sku-${i}`,
        status: i % 2 ? 'queued' : 'sent',
        since: new Date(),
        note: 'n'.repeat(200),
      })),
    );

    // FerretDB keeps each database in a schema of that name, each collection in a table it names.
    const table = psql(
      `SELECT _jsonb->>'table' FROM "${schema}"._ferretdb_database_metadata WHERE _jsonb->>'_id' = 'parts'`,
    );
    if (!table)
      throw new Error(
        `the collection is not in schema "${schema}" of the stack's PostgreSQL: the FerretDB at ` +
          `MONGO_URL does not store its data there`,
      );
    const indexes = psql(
      `SELECT indexname || ' ' || indexdef FROM pg_indexes WHERE schemaname = '${schema}' AND tablename = '${table}'`,
    ).split('\n');
    for (const field of ['_id', 'sku', 'status', 'since']) {
      const gin = new RegExp(
        `^${table}_pd_\\w{12} .* USING gin \\(\\(\\(_jsonb -> '${field}'::text\\)\\) jsonb_path_ops\\)$`,
      );
      expect({ field, companion: indexes.some((index) => gin.test(index)) }).toEqual({
        field,
        companion: true,
      });
    }

    // Statistics as autovacuum would have them: the index must win on its merits.
    psql(`ANALYZE "${schema}"."${table}"`);
    const plan = psql(
      `EXPLAIN SELECT _jsonb FROM "${schema}"."${table}" WHERE _jsonb -> '_id' @> '"p-7"'`,
    );
    expect(plan).toMatch(new RegExp(`Bitmap Index Scan on ${table}_pd_`));
    expect(plan).not.toMatch(/Seq Scan/);

    // And FerretDB's own query (its parameters, its plan) for a lookup by _id and by sku.
    for (const filter of [{ _id: 'p-7' }, { sku: 'sku-7' }]) {
      const explained = await client
        .db(schema)
        .command({ explain: { find: 'parts', filter }, verbosity: 'queryPlanner' });
      expect({ filter, pushdown: explained.filterPushdown }).toEqual({ filter, pushdown: true });
      const scans = planNodes(explained.queryPlanner?.Plan)
        .filter((node) => node['Node Type'] === 'Bitmap Index Scan')
        .map((node) => String(node['Index Name']));
      expect(scans.some((name) => name.startsWith(`${table}_pd_`))).toBe(true);
    }
    await expect(parts.findOne({ _id: 'p-7' })).resolves.toMatchObject({ sku: 'sku-7' });
  });
});
