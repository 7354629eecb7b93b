using Mnas.Torch;
using Mnas.Workers.Supernet;

namespace Mnas.Workers.Tests.Supernet;

public class SposValidationAccuracyTests
{
    [Fact]
    public void evaluating_a_subnet_gives_an_accuracy_and_leaves_the_supernets_running_statistics_and_its_next_epoch_as_they_were()
    {
        var space = SposTinySpace.Space();
        var options = new SposOptions { Epochs = 2, Training = SposTraining.Full };
        byte[] undisturbed;
        using (var search = new SposSearch(space, options, SposTinySpace.Recipe))
        {
            search.Run(SposTinySpace.Data());
            undisturbed = search.SaveState();
        }
        using var evaluated = new SposSearch(space, options, SposTinySpace.Recipe);
        evaluated.RunEpoch(SposTinySpace.Data());
        var buffers = evaluated.Network.named_buffers().ToDictionary(b => b.Name, b => b.Buffer.clone().DetachFromDisposeScope());

        var accuracy = evaluated.ValidationAccuracy([0, 3, 6], SposTinySpace.Data(), recalibrationBatches: 2);
        var again = evaluated.ValidationAccuracy([0, 3, 6], SposTinySpace.Data(), recalibrationBatches: 2);

        Assert.InRange(accuracy, 0.0, 1.0);
        Assert.Equal(accuracy, again);
        Assert.True(evaluated.Network.training);
        Assert.All(evaluated.Network.named_buffers(), b => Assert.True(b.Buffer.equal(buffers[b.Name]), $"{b.Name} changed"));
        evaluated.RunEpoch(SposTinySpace.Data());
        Assert.Equal(undisturbed, evaluated.SaveState());
        foreach (var buffer in buffers.Values)
        {
            buffer.Dispose();
        }
    }

    [Fact]
    public void a_choice_the_space_does_not_offer_is_refused()
    {
        using var search = new SposSearch(SposTinySpace.Space(), new SposOptions { Epochs = 1 }, SposTinySpace.Recipe);

        Assert.Throws<ArgumentException>(() => search.ValidationAccuracy([0, 0], SposTinySpace.Data()));
        Assert.Throws<ArgumentException>(() => search.ValidationAccuracy([0, 99, 0], SposTinySpace.Data()));
    }

    [Fact]
    public void recalibrated_statistics_are_the_plain_average_of_the_batches_statistics()
    {
        using var scope = torch.NewDisposeScope();
        using var norm = torch.nn.BatchNorm2d(1);
        norm.call(torch.full([2, 1, 1, 1], 7.0));
        norm.reset_running_stats();
        norm.Momentum = null;

        // Batch means 1 and 4, unbiased variances 2 and 8.
        norm.call(torch.tensor(new[] { 0f, 2f }, [2, 1, 1, 1]));
        norm.call(torch.tensor(new[] { 2f, 6f }, [2, 1, 1, 1]));

        Assert.Equal(2L, norm.num_batches_tracked!.item<long>());
        Assert.Equal(2.5f, norm.running_mean!.item<float>(), 6);
        Assert.Equal(5f, norm.running_var!.item<float>(), 6);
    }
}
