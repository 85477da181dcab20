// Every test here opens replication slots on the one shared PostgreSQL server; logical decoding of all its WAL by many
// walsenders at once, next to the other projects' tests, made streaming tests starve. Run these one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
