// The process tests start real indexers and servers, each busy on every core for seconds, and bound each stop at
// 10 s. Run beside each other on a small machine they would measure each other's load, not the program.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
