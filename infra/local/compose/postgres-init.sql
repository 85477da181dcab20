-- The seed's database for the compose stack: the orders tables, the replication user and the publication that
-- examples/connectors/postgres-source.yaml expects. Runs once, when the data volume is created.
CREATE DATABASE orders;
\connect orders
CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL, email text);
CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint REFERENCES customers (id), total numeric(12, 2), created_at timestamptz DEFAULT now());
CREATE USER debezium WITH REPLICATION PASSWORD 'secret';
GRANT SELECT ON ALL TABLES IN SCHEMA public TO debezium;
CREATE PUBLICATION dbz_publication FOR TABLE orders, customers;
