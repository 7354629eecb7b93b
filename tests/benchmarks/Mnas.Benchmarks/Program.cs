using Mnas.Benchmarks;

var which = args.FirstOrDefault() ?? "engine";
int Arg(int index, int fallback) => args.Length > index && int.TryParse(args[index], out var v) && v > 0 ? v : fallback;
switch (which)
{
    case "engine":
        return EngineBenchmark.Run(new EngineSettings(Rounds: Arg(1, 3)));
    case "latency":
        return LatencyBenchmark.Run(architectures: Arg(1, 30), seed: Arg(2, 1), tablePath: Environment.GetEnvironmentVariable("MNAS_LATENCY_TABLE"));
    case "train":
        return TrainBenchmark.Run(subset: Arg(1, 10_000), epochs: Arg(2, 1), batch: Arg(3, 64));
    case "orchestrator":
        return await OrchestratorBenchmark.Run(workers: Arg(1, 8), childSeconds: 2, children: Arg(2, 64));
    case "cluster":
        return await ClusterBenchmark.Run(workerCounts: [.. new[] { 1, 2, 4, 8, 16 }.Where(n => n <= Arg(2, 16))], childSeconds: 2, childrenPerWorker: Arg(1, 6));
    case "dnas":
        return await DnasBenchmark.Run(subset: Arg(1, 4000), epochs: Arg(2, 2));
    case "bnnas":
        return BnNasBenchmark.Run(new BnNasSettings(Subset: Arg(1, 8000), ChildEpochs: Arg(2, 2), SupernetEpochs: Arg(3, 10), Subnets: Arg(4, 20), Seed: Arg(5, 1)));
    case "fbnetv3":
        return await Fbnetv3Benchmark.Run(subset: Arg(1, 2000), epochs: Arg(2, 2), rounds: Arg(3, 3), perRound: Arg(4, 6));
    case "memnas":
        return await MemnasBenchmark.Run(subset: Arg(1, 4000), epochs: Arg(2, 2), rounds: Arg(3, 10), topK: Arg(4, 4));
    case "supernet-memory":
        return SupernetMemoryBenchmark.Run();
    case "supernet-memory-one":
        return SupernetMemoryBenchmark.RunOne(args[1], Arg(2, 1));
    default:
        Console.Error.WriteLine($"unknown benchmark '{which}'; known: engine, latency, train, orchestrator, cluster, supernet-memory, dnas, bnnas, fbnetv3, memnas");
        return 2;
}
