using Mnas.Strategies.Rl;
using Mnas.Strategies.Tests.Support;
using Mnas.Torch;

namespace Mnas.Strategies.Tests.Rl;

[Collection(LiveTensorCountersCollection.Name)]
public class ControllerLeakTests
{
    [Fact]
    public void sampling_updating_and_saving_leave_no_tensor_behind()
    {
        using var controller = new RlController(Spaces.Default, new ControllerOptions { HiddenSize = 8, EmbeddingSize = 4, MinibatchSize = 3 });
        var before = torch.LiveTensorCount;
        var nativeBefore = torch.NativeLiveTensorCount;

        for (var i = 1; i <= 6; i++)
        {
            controller.Observe(Outcomes.Of(controller.Sample(), i, reward: i / 10.0));
            if (controller.ReadyToUpdate)
            {
                controller.Update();
            }
        }

        using (RlController.Restore(Spaces.Default, controller.Options, controller.SaveState()))
        {
        }

        Assert.Equal(2, controller.PolicyVersion);
        Assert.Equal(0, torch.LiveTensorCount - before);
        Assert.Equal(0, torch.NativeLiveTensorCount - nativeBefore);
    }
}
