// Independent Parquet reader for the S3 sink tests: runs one SQL statement in DuckDB and prints the rows as JSON.
// Usage: node query.mjs "<sql>"   (the SQL reads local files, e.g. read_parquet('/tmp/x/*.parquet'))
import { DuckDBInstance } from '@duckdb/node-api';

const sql = process.argv[2];
const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
const reader = await connection.runAndReadAll(sql);
const rows = reader.getRowObjectsJson();
process.stdout.write(JSON.stringify(rows));
