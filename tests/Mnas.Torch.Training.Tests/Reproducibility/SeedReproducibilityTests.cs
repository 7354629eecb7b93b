using Mnas.Torch.Training.Tests.Modules;
using Mnas.Torch.Training.Tests.Support;
using F = Mnas.Torch.torch.nn.functional;

namespace Mnas.Torch.Training.Tests.Reproducibility;

[Collection(GlobalRandomStateCollection.Name)]
public class SeedReproducibilityTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void the_same_seed_and_thread_count_build_and_train_bitwise_identical_parameters(int threads)
    {
        var first = TrainFromSeed(42, threads);
        var second = TrainFromSeed(42, threads);

        Assert.Equal(first.Keys, second.Keys);
        foreach (var (name, bits) in first)
        {
            Assert.True(bits.SequenceEqual(second[name]), $"{name} differs between two runs from seed 42 on {threads} thread(s)");
        }
    }

    [Fact]
    public void a_different_seed_gives_different_parameters()
    {
        var a = TrainFromSeed(42, 2);
        var b = TrainFromSeed(43, 2);

        foreach (var name in new[] { "0.weight", "3.weight", "8.weight", "8.bias", "1.running_mean" })
        {
            var differing = a[name].Zip(b[name]).Count(p => p.First != p.Second);
            Assert.True(differing == a[name].Length, $"{name}: only {differing} of {a[name].Length} elements differ between seeds 42 and 43");
        }
    }

    [Fact]
    public void training_moves_the_parameters_away_from_their_seeded_initial_values()
    {
        var trained = TrainFromSeed(42, 2);
        var untrained = TrainFromSeed(42, 2, steps: 0);

        Assert.False(trained["0.weight"].SequenceEqual(untrained["0.weight"]));
        Assert.Equal(0, untrained["1.num_batches_tracked"].Single());
        Assert.Equal(10, trained["1.num_batches_tracked"].Single());
    }

    /// <summary>Seeds, builds the conv net, trains it on seeded random data, and returns every state entry's raw bits.</summary>
    private static Dictionary<string, long[]> TrainFromSeed(long seed, int threads, int steps = 10)
    {
        var previousThreads = torch.get_num_threads();
        torch.set_num_threads(threads);
        try
        {
            Assert.Equal(threads, torch.get_num_threads());
            torch.manual_seed(seed);
            using var net = SmallNets.ConvNet();
            using var adam = torch.optim.Adam(net.parameters(), lr: 1e-2, weight_decay: 1e-4);
            for (var step = 0; step < steps; step++)
            {
                using var scope = torch.NewDisposeScope();
                var x = torch.randn(8, 3, 8, 8);
                var target = torch.randint(2, [8]);
                adam.zero_grad();
                F.cross_entropy(net.forward(x), target).backward();
                adam.step();
            }
            return net.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.dtype == ScalarType.Int64
                ? kv.Value.data<long>()
                : kv.Value.data<float>().Select(v => (long)BitConverter.SingleToInt32Bits(v)).ToArray());
        }
        finally
        {
            torch.set_num_threads(previousThreads);
        }
    }
}
