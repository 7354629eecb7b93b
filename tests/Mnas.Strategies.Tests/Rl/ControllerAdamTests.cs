using Mnas.Strategies.Rl;
using Mnas.Torch;
using Mnas.Torch.Modules;

namespace Mnas.Strategies.Tests.Rl;

public class ControllerAdamTests
{
    [Fact]
    public void managed_adam_follows_libtorchs_adam_step_for_step()
    {
        using var scope = torch.NewDisposeScope();
        float[] start = [0.5f, -1.5f, 2.0f, 0.01f];
        using var managedParameter = new Parameter(torch.tensor(start));
        using var libtorchParameter = new Parameter(torch.tensor(start));
        using var managed = new ControllerAdam([("p", managedParameter)], learningRate: 0.05);
        using var libtorch = torch.optim.Adam([libtorchParameter], lr: 0.05);
        var target = torch.tensor(new float[] { 1, 2, -3, 0 });

        for (var step = 0; step < 25; step++)
        {
            foreach (var (parameter, zero, update) in new (Parameter, Action, Action)[]
                     {
                         (managedParameter, managed.zero_grad, managed.step),
                         (libtorchParameter, libtorch.zero_grad, libtorch.step),
                     })
            {
                zero();
                using var loss = ((parameter - target).square() * torch.tensor(new float[] { 1, 3, 0.5f, 10 })).sum();
                loss.backward();
                update();
            }
        }

        var expected = libtorchParameter.data<float>();
        var actual = managedParameter.data<float>();
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], actual[i], 5);
        }

        // 25 steps of ~0.05 each from 0.5 towards 1: the parameters have moved, not stayed put.
        Assert.InRange(actual[0], 0.9, 1.1);
        Assert.Equal(25, managed.StepCount);
    }
}
