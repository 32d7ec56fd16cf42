-- Indexes that FerretDB 1.24's pushed-down filters can use (PostgreSQL backend).
--
-- FerretDB sends an equality filter such as {_id: "o-1"} or {status: "queued"} to
-- PostgreSQL as
--     _jsonb -> '_id' @> '"o-1"'
-- but the indexes it creates for the collection's indexes are btree indexes on
-- (_jsonb -> '_id'), and a btree cannot serve the jsonb containment operator @>. So
-- every pushed-down lookup, even by _id, is a sequential scan that de-TOASTs each row:
-- measured 43-81 ms for one order by _id among 2 500 orders, 0.02 ms with the index below.
--
-- For every key of every btree index FerretDB creates, this adds a GIN jsonb_path_ops
-- index on the same expression, which serves @>. FerretDB does not see these indexes (it
-- lists indexes from its own metadata), PostgreSQL drops them with their table, and
-- MongoDB in production needs none of this. An event trigger adds them as collections and
-- indexes are created; the last statement adds them to what exists already. Idempotent:
-- `npm run stack` applies it at every start; apply it to any other FerretDB database with
--     psql -d <ferretdb database> -v ON_ERROR_STOP=1 -f ferretdb-pushdown-indexes.sql

CREATE OR REPLACE FUNCTION metered_pushdown_companions(index_oid oid) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  target record;
  key_number int;
  key_expression text;
BEGIN
  SELECT i.indnkeyatts AS keys, am.amname AS method, t.relname AS table_name,
         n.nspname AS schema_name
    INTO target
    FROM pg_index i
    JOIN pg_class ic ON ic.oid = i.indexrelid
    JOIN pg_am am ON am.oid = ic.relam
    JOIN pg_class t ON t.oid = i.indrelid
    JOIN pg_namespace n ON n.oid = t.relnamespace
   WHERE i.indexrelid = index_oid;
  IF NOT FOUND OR target.method <> 'btree'
     OR target.schema_name IN ('pg_catalog', 'information_schema')
     OR target.schema_name LIKE 'pg_toast%' THEN
    RETURN;
  END IF;
  FOR key_number IN 1..target.keys LOOP
    key_expression := pg_get_indexdef(index_oid, key_number, true);
    -- FerretDB's keys are expressions on its one column, _jsonb.
    CONTINUE WHEN position('_jsonb' IN key_expression) = 0;
    EXECUTE format(
      'CREATE INDEX IF NOT EXISTS %I ON %I.%I USING gin ((%s) jsonb_path_ops)',
      left(target.table_name, 40) || '_pd_' || left(md5(key_expression), 12),
      target.schema_name, target.table_name, key_expression);
  END LOOP;
END $$;

CREATE OR REPLACE FUNCTION metered_pushdown_on_create_index() RETURNS event_trigger
LANGUAGE plpgsql AS $$
DECLARE
  command record;
BEGIN
  FOR command IN
    SELECT objid FROM pg_event_trigger_ddl_commands()
     WHERE command_tag = 'CREATE INDEX' AND object_type = 'index'
  LOOP
    PERFORM metered_pushdown_companions(command.objid);
  END LOOP;
END $$;

DROP EVENT TRIGGER IF EXISTS metered_pushdown_companions;
CREATE EVENT TRIGGER metered_pushdown_companions ON ddl_command_end
  WHEN TAG IN ('CREATE INDEX')
  EXECUTE FUNCTION metered_pushdown_on_create_index();

SELECT count(metered_pushdown_companions(i.indexrelid)) AS indexes_seen
  FROM pg_index i
  JOIN pg_class t ON t.oid = i.indrelid
  JOIN pg_namespace n ON n.oid = t.relnamespace
 WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'public')
   AND n.nspname NOT LIKE 'pg_toast%';
