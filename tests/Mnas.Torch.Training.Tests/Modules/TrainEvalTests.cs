using Mnas.Torch.Modules;

namespace Mnas.Torch.Training.Tests.Modules;

public class TrainEvalTests
{
    [Fact]
    public void modules_start_in_training_mode_and_eval_and_train_reach_every_nested_module()
    {
        var dropout = torch.nn.Dropout(0.5);
        var bn = torch.nn.BatchNorm2d(4);
        var inner = torch.nn.Sequential(torch.nn.Conv2d(4, 4, 1), bn, dropout);
        using var net = torch.nn.Sequential(("stem", torch.nn.Conv2d(3, 4, 1)), ("inner", inner));
        Module[] all = [net, inner, bn, dropout];
        Assert.All(all, m => Assert.True(m.training));

        Assert.Same(net, net.eval());
        Assert.All(all, m => Assert.False(m.training));

        net.train();
        Assert.All(all, m => Assert.True(m.training));

        inner.train(false);
        Assert.True(net.training);
        Assert.False(bn.training);
        Assert.False(dropout.training);
    }

    [Fact]
    public void dropout_zeroes_or_doubles_each_element_in_training_and_passes_input_through_in_eval()
    {
        using var scope = torch.NewDisposeScope();
        using var dropout = torch.nn.Dropout(0.5);
        var x = torch.full([1000], 3.0);

        var trained = dropout.forward(x).data<float>();
        Assert.All(trained, v => Assert.True(v == 0f || v == 6f, $"dropout(3) gave {v}"));
        var kept = trained.Count(v => v == 6f);
        Assert.InRange(kept, 400, 600);

        dropout.eval();
        Assert.All(dropout.forward(x).data<float>(), v => Assert.Equal(3f, v));
    }
}
