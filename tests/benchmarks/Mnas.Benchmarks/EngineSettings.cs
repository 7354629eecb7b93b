namespace Mnas.Benchmarks;

/// <summary>The engine benchmark's fixed workload, shared by the .NET and the Python side.</summary>
internal sealed record EngineSettings(int Steps = 20, int Warmup = 3, int Batch = 128, int Threads = 2, int LatencyRuns = 200, int Rounds = 3)
{
    public const double LearningRate = 0.05;
    public const double Momentum = 0.9;
    public const double WeightDecay = 4e-5;
    public const int LatencyWarmup = 20;

    public string PythonArguments =>
        FormattableString.Invariant($"--steps {Steps} --warmup {Warmup} --batch {Batch} --threads {Threads} --latency-runs {LatencyRuns}");
}
