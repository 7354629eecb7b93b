using Mnas.SearchSpace.Supernet;
using Mnas.Workers.Supernet;

namespace Mnas.Workers.Tests.Supernet;

public class SposSearchStateTests
{
    private static readonly SposOptions TwoEpochs = new() { Epochs = 2 };

    [Theory]
    [InlineData(SposTraining.BnOnly)]
    [InlineData(SposTraining.Full)]
    public void a_search_restored_after_its_first_epoch_ends_bit_for_bit_as_an_uninterrupted_one(SposTraining training)
    {
        var space = SposTinySpace.Space();
        var options = TwoEpochs with { Training = training };
        IReadOnlyList<SposEpoch> uninterrupted;
        byte[] uninterruptedState;
        using (var search = new SposSearch(space, options, SposTinySpace.Recipe))
        {
            uninterrupted = search.Run(SposTinySpace.Data());
            uninterruptedState = search.SaveState();
        }

        byte[] afterOne;
        using (var search = new SposSearch(space, options, SposTinySpace.Recipe))
        {
            search.RunEpoch(SposTinySpace.Data());
            afterOne = search.SaveState();
        }
        using var restored = SposSearch.Restore(space, options, SposTinySpace.Recipe, afterOne);
        Assert.Equal(1, restored.EpochsDone);
        Assert.Equal(uninterrupted[0].Scores, restored.Scores());
        var second = restored.RunEpoch(SposTinySpace.Data());

        Assert.Equal(uninterrupted[1].Scores, second.Scores);
        Assert.Equal(uninterrupted[1].Loss, second.Loss);
        Assert.Equal(uninterrupted[1].RankingDistance, second.RankingDistance);
        Assert.NotNull(second.RankingDistance);
        Assert.Equal(uninterruptedState, restored.SaveState());
        Assert.True(restored.Finished);
    }

    [Fact]
    public void a_state_of_another_supernet_or_training_mode_is_refused_saying_so()
    {
        var space = SposTinySpace.Space();
        using var search = new SposSearch(space, TwoEpochs, SposTinySpace.Recipe);
        var state = search.SaveState();
        var other = new SupernetSpace(TinySupernet.Frame, [SupernetCandidate.Parse("k3_e1"), SupernetCandidate.Parse("k5_e1")]);

        var otherSpace = Assert.Throws<InvalidDataException>(() => SposSearch.Restore(other, TwoEpochs, SposTinySpace.Recipe, state));
        var otherTraining = Assert.Throws<InvalidDataException>(() =>
            SposSearch.Restore(space, TwoEpochs with { Training = SposTraining.Full }, SposTinySpace.Recipe, state));

        Assert.Contains("the state is of another supernet", otherSpace.Message);
        Assert.Equal("the state is of a supernet trained BnOnly, not Full as this search trains", otherTraining.Message);
        Assert.Throws<InvalidDataException>(() => SposSearch.Restore(space, TwoEpochs, SposTinySpace.Recipe, [1, 2, 3, 4, 5, 6, 7, 8, 9]));
    }
}
