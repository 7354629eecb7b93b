using Mnas.SearchSpace.Supernet;
using Mnas.Torch;
using Mnas.Workers.Networks.Child;
using Mnas.Workers.Supernet;
using Mnas.Workers.Training;

namespace Mnas.Workers.Tests.Supernet;

public class DnasSearchTests
{
    private static readonly TrainingOptions Recipe = new() { LearningRate = 0.05, Seed = 3, Threads = 2 };

    [Fact]
    public void warm_up_trains_the_weights_only_then_the_logits_move_and_sampled_architectures_build_as_children()
    {
        var space = TinySupernet.Space();
        using var latency = SupernetLatency.From(space, TinySupernet.MadeUpTable(space));
        using var search = new DnasSearch(space, latency, new DnasOptions { Epochs = 3, WarmupEpochs = 1, Samples = 4 }, Recipe);
        var data = new SyntheticData(256, 64, 32);

        var first = search.RunEpoch(data, new SyntheticData(64, 16, 32, seed: 8));
        var uniform = first.Distributions;
        var rest = search.Run(data, new SyntheticData(64, 16, 32, seed: 8));

        Assert.False(first.ThetaTrained);
        Assert.Equal(5.0, first.Temperature, 12);
        int Offered(int position) => Enumerable.Range(0, space.Candidates.Count).Count(c => space.Offers(position, c));
        Assert.All(uniform[0].Where(p => p > 0), p => Assert.Equal(1.0 / Offered(0), p, 6));
        Assert.All(uniform[1], p => Assert.Equal(1.0 / space.Candidates.Count, p, 6));
        Assert.Equal([2, 3], rest.Select(e => e.Epoch));
        Assert.All(rest, e => Assert.True(e.ThetaTrained));
        Assert.Equal(5.0 * 0.956 * 0.956, rest[^1].Temperature, 12);
        Assert.NotEqual(uniform[1], rest[^1].Distributions[1]);
        Assert.Equal(0, rest[^1].Distributions[0][TinySupernet.Index(space, "skip")]);
        Assert.True(rest[^1].CrossEntropy < first.CrossEntropy, $"cross-entropy {first.CrossEntropy:F3} → {rest[^1].CrossEntropy:F3}");
        Assert.True(search.Finished);

        var sampled = search.Sample(4, seed: 1);
        Assert.Equal(4, sampled.Count);
        Assert.Equal(4, sampled.Select(s => s.Key).Distinct().Count());
        foreach (var choices in sampled)
        {
            using var child = new ChildNetwork(space.ToArchitecture(choices.Candidates));
            using var scope = torch.NewDisposeScope();
            Assert.Equal([2L, SyntheticData.Classes], child.forward(torch.randn([2, 1, SyntheticData.Side, SyntheticData.Side])).shape);
        }
    }

    [Fact]
    public void a_strong_latency_term_moves_the_distribution_to_cheaper_candidates()
    {
        var space = TinySupernet.Space();
        using var latency = SupernetLatency.From(space, TinySupernet.MadeUpTable(space));
        using var search = new DnasSearch(space, latency,
            // β large for a strong pull towards low latency; α small so that the loss keeps the scale of the cross-entropy.
            new DnasOptions { Epochs = 4, WarmupEpochs = 1, Alpha = 1e-6, Beta = 6, ThetaLearningRate = 0.1 }, Recipe);
        var data = new SyntheticData(128, 32, 32);
        var before = search.ExpectedLatencyMs();

        var epochs = search.Run(data, new SyntheticData(128, 32, 32, seed: 9));

        Assert.True(epochs[^1].ExpectedLatencyMs < 0.8 * before, $"expected latency {before:F2} ms → {epochs[^1].ExpectedLatencyMs:F2} ms");
    }

    [Fact]
    public void a_search_restored_from_its_state_after_an_epoch_ends_exactly_as_an_uninterrupted_one()
    {
        var space = TinySupernet.Space();
        using var latency = SupernetLatency.From(space, TinySupernet.MadeUpTable(space));
        var options = new DnasOptions { Epochs = 3, WarmupEpochs = 1 };
        var (weights, architecture) = (new SyntheticData(128, 32, 32), new SyntheticData(64, 16, 32, seed: 8));
        byte[] uninterrupted;
        using (var search = new DnasSearch(space, latency, options, Recipe))
        {
            search.Run(weights, architecture);
            uninterrupted = search.SaveState();
        }

        byte[] afterTwo;
        using (var search = new DnasSearch(space, latency, options, Recipe))
        {
            search.RunEpoch(weights, architecture);
            using var restored = DnasSearch.Restore(space, latency, options, Recipe, search.SaveState());
            Assert.Equal(1, restored.EpochsDone);
            restored.RunEpoch(weights, architecture);
            afterTwo = restored.SaveState();
        }
        using (var resumed = DnasSearch.Restore(space, latency, options, Recipe, afterTwo))
        {
            resumed.Run(weights, architecture);
            Assert.True(resumed.Finished);
            Assert.Equal(uninterrupted, resumed.SaveState());
        }
    }

    [Fact]
    public void a_state_of_another_supernet_is_refused_saying_so()
    {
        var space = TinySupernet.Space();
        using var latency = SupernetLatency.From(space, TinySupernet.MadeUpTable(space));
        using var search = new DnasSearch(space, latency, new DnasOptions { Epochs = 2, WarmupEpochs = 1 }, Recipe);
        var other = new SupernetSpace(TinySupernet.Frame, [SupernetCandidate.Parse("k3_e1"), SupernetCandidate.Parse("skip")]);
        using var otherLatency = SupernetLatency.From(other, TinySupernet.MadeUpTable(other));

        var e = Assert.Throws<InvalidDataException>(() => DnasSearch.Restore(other, otherLatency, new DnasOptions(), Recipe, search.SaveState()));
        Assert.Contains("the state is of another supernet", e.Message);
        Assert.Throws<InvalidDataException>(() => DnasSearch.Restore(space, latency, new DnasOptions(), Recipe, [1, 2, 3, 4, 5, 6, 7, 8, 9]));
    }

    [Fact]
    public void a_loss_that_stops_being_a_number_stops_the_search_saying_where()
    {
        var space = TinySupernet.Space();
        using var latency = SupernetLatency.From(space, TinySupernet.MadeUpTable(space));
        using var search = new DnasSearch(space, latency, new DnasOptions { Epochs = 2, WarmupEpochs = 1, Beta = 6 }, Recipe with { LearningRate = 5 });

        var e = Assert.Throws<DnasDivergedException>(() => search.Run(new SyntheticData(256, 32, 32), new SyntheticData(64, 16, 32)));
        Assert.StartsWith("the supernet's loss diverged to ", e.Message);
        Assert.Contains("at epoch 1, step ", e.Message);
    }

    [Fact]
    public void bad_options_are_refused_naming_each_setting()
    {
        var e = Assert.Throws<ArgumentException>(() => new DnasOptions { Epochs = 2, WarmupEpochs = 2, TemperatureDecay = 1.5, Samples = 0 }.ThrowIfInvalid());
        Assert.Contains("warmup_epochs: must lie in [0, epochs)", e.Message);
        Assert.Contains("temperature_decay: must lie in (0, 1]", e.Message);
        Assert.Contains("samples: must be at least 1", e.Message);
    }
}
