using Mnas.Grains.Contracts;
using Mnas.Grains.Trainer;
using Mnas.SearchSpace.Architectures;
using Mnas.SearchSpace.Space;
using Mnas.Workers.Latency;

namespace Mnas.Grains.Tests;

/// <summary>
/// A worker's latency table job on the real engine: only the operators asked for are timed, each once, found in the
/// architectures the job carries; a key none of them holds is refused naming it; the simulated runner answers the
/// same keys with latencies that grow with an operator's multiply-adds.
/// </summary>
public sealed class OperatorTimingTests : IAsyncLifetime
{
    private readonly TemporaryDirectories directories = new("mnas-operators");

    private static readonly ModelSpace Space = new(Fbnetv3CampaignTests.Spec);

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        directories.Dispose();
        return Task.CompletedTask;
    }

    private static (TrainChild Job, IReadOnlyList<NetworkOperator> Operators) Job(int seed, Func<IReadOnlyList<NetworkOperator>, IEnumerable<string>> keys)
    {
        var views = Enumerable.Range(seed, 2).Select(s => Space.Freeze(Space.Random(new Random(s)))).ToList();
        var operators = views.SelectMany(NetworkOperators.Of).ToList();
        return (new TrainChild("c", TrainChild.LatencyTableSequence, 1, "", "", Job: ChildJob.LatencyTable,
            Architectures: views.Select(ArchitectureFile.ToJson).ToArray(), OperatorKeys: keys(operators).ToArray()), operators);
    }

    [Fact(Timeout = 60_000)]
    public async Task the_pipeline_times_only_the_operators_asked_for_each_once()
    {
        var runner = new PipelineChildRunner(new RuntimeOptions { DataDirectory = directories.New(), LatencyRuns = 3, LatencyWarmup = 0 });
        var (job, operators) = Job(1, ops => [ops[0].Key, ops[^1].Key, ops[0].Key]);

        var timed = await runner.TimeOperatorsAsync(job, CancellationToken.None);

        Assert.Equal(new[] { operators[0].Key, operators[^1].Key }.Order(StringComparer.Ordinal), timed.Keys.Order(StringComparer.Ordinal));
        Assert.All(timed.Values, ms => Assert.True(double.IsFinite(ms) && ms > 0, $"{ms} ms"));
    }

    [Fact]
    public async Task a_key_none_of_the_architectures_holds_is_refused_naming_it()
    {
        var runner = new PipelineChildRunner(new RuntimeOptions { DataDirectory = directories.New(), LatencyRuns = 3, LatencyWarmup = 0 });
        var (job, _) = Job(1, ops => [ops[0].Key, "stem-k3-3to99-s1-32x32-relu"]);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => runner.TimeOperatorsAsync(job, CancellationToken.None));

        Assert.Contains("stem-k3-3to99-s1-32x32-relu", error.Message);
        Assert.Throws<ArgumentException>(() => SimulatedChildRunner.OperatorLatencies(job));
        await Assert.ThrowsAsync<ArgumentException>(() => runner.TimeOperatorsAsync(job with { OperatorKeys = null }, CancellationToken.None));
    }

    [Fact]
    public void the_simulated_runner_answers_every_key_once_more_for_more_multiply_adds()
    {
        var (job, operators) = Job(3, ops => ops.Select(o => o.Key));

        var timed = SimulatedChildRunner.OperatorLatencies(job);

        Assert.Equal(operators.Select(o => o.Key).Distinct().Order(StringComparer.Ordinal), timed.Keys.Order(StringComparer.Ordinal));
        var byMacs = operators.DistinctBy(o => o.Key).OrderBy(o => o.Macs).ToList();
        Assert.True(byMacs[^1].Macs > byMacs[0].Macs);
        Assert.True(timed[byMacs[^1].Key] > timed[byMacs[0].Key]);
        Assert.All(timed.Values, ms => Assert.True(ms > 0));
    }
}
