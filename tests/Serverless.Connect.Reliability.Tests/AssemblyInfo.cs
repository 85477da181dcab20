// The suites below share one PostgreSQL server and two cores with the rest of CI; the 30 s broker outages overlap by
// running their classes in parallel, while tests within a class run one at a time.
[assembly: CollectionBehavior(CollectionBehavior.CollectionPerClass, MaxParallelThreads = 4)]
