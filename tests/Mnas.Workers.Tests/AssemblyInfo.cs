// Children are built and trained with libtorch's process-wide generator and thread count: tests
// that seed it must not run beside one another.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
