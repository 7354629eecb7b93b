using Mnas.Torch;
using Mnas.Torch.Modules;
using Mnas.Workers.Supernet;

namespace Mnas.Workers.Tests.Supernet;

public class SposTrainingTests
{
    [Fact]
    public void bn_only_training_leaves_every_convolution_and_the_classifier_bit_for_bit_as_initialised_and_moves_the_batch_norms()
    {
        using var search = new SposSearch(SposTinySpace.Space(), new SposOptions { Epochs = 2 }, SposTinySpace.Recipe);
        var norms = BatchNormParameters(search.Network);
        var before = Snapshot(search.Network);

        search.Run(SposTinySpace.Data());

        var frozen = search.Network.named_parameters().Where(p => !norms.Contains(p.Parameter)).ToList();
        Assert.Contains(frozen, p => p.Name.EndsWith("conv.weight", StringComparison.Ordinal));
        Assert.Contains(frozen, p => p.Name == "classifier.weight");
        Assert.All(frozen, p =>
        {
            Assert.False(p.Parameter.requires_grad, p.Name);
            Assert.True(p.Parameter.equal(before[p.Name]), $"{p.Name} changed");
        });
        var moved = search.Network.named_parameters().Where(p => norms.Contains(p.Parameter) && !p.Parameter.equal(before[p.Name])).Select(p => p.Name).ToList();
        Assert.Contains("stem.bn.weight", moved);
        Assert.Contains("stem.bn.bias", moved);
        Assert.Contains("head.bn.weight", moved);
        Dispose(before);
    }

    [Fact]
    public void full_training_moves_the_convolutions_too()
    {
        using var search = new SposSearch(SposTinySpace.Space(), new SposOptions { Epochs = 1, Training = SposTraining.Full }, SposTinySpace.Recipe);
        var before = Snapshot(search.Network);

        var epoch = search.RunEpoch(SposTinySpace.Data());

        var parameters = search.Network.named_parameters().ToDictionary(p => p.Name, p => p.Parameter);
        Assert.False(parameters["stem.conv.weight"].equal(before["stem.conv.weight"]));
        Assert.False(parameters["classifier.weight"].equal(before["classifier.weight"]));
        Assert.True(parameters["stem.conv.weight"].requires_grad);
        Assert.True(double.IsFinite(epoch.Loss) && epoch.Loss > 0, $"loss {epoch.Loss}");
        Dispose(before);
    }

    [Fact]
    public void epochs_report_their_number_the_scores_of_every_offered_candidate_and_from_the_second_on_how_far_the_ranking_moved()
    {
        var space = SposTinySpace.Space();
        using var search = new SposSearch(space, new SposOptions { Epochs = 3 }, SposTinySpace.Recipe);

        var epochs = search.Run(SposTinySpace.Data());

        Assert.Equal([1, 2, 3], epochs.Select(e => e.Epoch));
        Assert.True(search.Finished);
        Assert.Null(epochs[0].RankingDistance);
        Assert.All(epochs.Skip(1), e => Assert.InRange(e.RankingDistance!.Value, 0.0, 1.0));
        Assert.All(epochs, e =>
        {
            Assert.Equal(space.Positions.Count, e.Scores.Count);
            Assert.All(e.Scores, row => Assert.Equal(space.Candidates.Count, row.Count));
            // Position 0 (stride 2) has no shortcut: its candidates' last γ start at 1, not at 0 as a residual branch's.
            Assert.All(e.Scores[0], s => Assert.True(s > 0, $"score {s}"));
            Assert.All(e.Scores.SelectMany(row => row), s => Assert.True(s >= 0, $"score {s}"));
            Assert.True(e.CrossEntropy > 0 && e.Loss > 0);
        });
        Assert.Equal(epochs[^1].Scores, search.Scores());
        Assert.Throws<InvalidOperationException>(() => search.RunEpoch(SposTinySpace.Data()));
    }

    [Fact]
    public void bad_options_are_refused_naming_each_setting()
    {
        var e = Assert.Throws<ArgumentException>(() => new SposOptions { Epochs = 0, Training = (SposTraining)7 }.ThrowIfInvalid());

        Assert.Contains("epochs: must be at least 1", e.Message);
        Assert.Contains("training: must be BnOnly or Full", e.Message);
    }

    private static HashSet<Parameter> BatchNormParameters(Module network) =>
        new(network.modules().OfType<BatchNorm2d>().SelectMany(bn => new[] { bn.weight!, bn.bias! }), ReferenceEqualityComparer.Instance);

    private static Dictionary<string, Tensor> Snapshot(Module network) =>
        network.named_parameters().ToDictionary(p => p.Name, p => p.Parameter.detach().clone().DetachFromDisposeScope());

    private static void Dispose(Dictionary<string, Tensor> tensors)
    {
        foreach (var tensor in tensors.Values)
        {
            tensor.Dispose();
        }
    }
}
