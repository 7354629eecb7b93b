using Mnas.Strategies.Tests.Support;
using Mnas.Torch;

namespace Mnas.Strategies.Tests.Memnas.Ranking;

[Collection(LiveTensorCountersCollection.Name)]
public sealed class RankerLeakTests
{
    [Theory]
    [InlineData(Rankers.Controller)]
    [InlineData(Rankers.Absolute)]
    public void scoring_fitting_saving_and_restoring_in_a_loop_leave_no_tensor_behind(string kind)
    {
        var walk = SyntheticRounds.Draw(6);
        var before = torch.LiveTensorCount;
        var nativeBefore = torch.NativeLiveTensorCount;

        for (var i = 0; i < 3; i++)
        {
            using var ranker = Rankers.Create(kind, Rankers.Small with { Epochs = 2 });
            foreach (var round in walk.HeldOut)
            {
                ranker.Score(round.Base, round.Candidates);
            }

            ranker.Fit(walk.Training);
            using var restored = Rankers.Create(kind, Rankers.Small with { Epochs = 2 }, ranker.SaveState());
            restored.Fit(walk.Training.Take(2).ToArray());
            restored.Score(walk.HeldOut[0].Base, walk.HeldOut[0].Candidates);
        }

        Assert.Equal(0, torch.LiveTensorCount - before);
        Assert.Equal(0, torch.NativeLiveTensorCount - nativeBefore);
    }
}
