namespace Mnas.Torch.Training.Tests.Modules;

public class NamingTests
{
    [Fact]
    public void sequential_names_parameters_by_position_and_skips_modules_without_any()
    {
        using var net = torch.nn.Sequential(torch.nn.Conv2d(3, 4, 3), torch.nn.BatchNorm2d(4), torch.nn.ReLU(), torch.nn.Flatten(),
            torch.nn.Linear(4, 2));

        Assert.Equal(new[] { "0.weight", "0.bias", "1.weight", "1.bias", "4.weight", "4.bias" },
            net.named_parameters().Select(p => p.Name));
    }

    [Fact]
    public void nested_modules_join_names_with_dots()
    {
        using var net = torch.nn.Sequential(
            ("stem", torch.nn.Conv2d(3, 4, 3)),
            ("block", torch.nn.Sequential(torch.nn.Conv2d(4, 4, 3, bias: false), torch.nn.BatchNorm2d(4), torch.nn.ReLU6())),
            ("head", torch.nn.Linear(4, 2)));

        Assert.Equal(new[] { "stem.weight", "stem.bias", "block.0.weight", "block.1.weight", "block.1.bias", "head.weight", "head.bias" },
            net.named_parameters().Select(p => p.Name));
        Assert.Equal(new[] { "block.1.running_mean", "block.1.running_var", "block.1.num_batches_tracked" },
            net.named_buffers().Select(b => b.Name));
        Assert.Equal(new[] { "stem", "block", "head" }, net.named_children().Select(c => c.Name));
    }

    [Fact]
    public void state_dict_holds_every_parameter_and_buffer_as_the_modules_own_tensors()
    {
        using var net = torch.nn.Sequential(torch.nn.Conv2d(3, 4, 3), torch.nn.BatchNorm2d(4));
        var state = net.state_dict();

        Assert.Equal(
            new[] { "0.bias", "0.weight", "1.bias", "1.num_batches_tracked", "1.running_mean", "1.running_var", "1.weight" },
            state.Keys.Order(StringComparer.Ordinal));
        var bn = (Mnas.Torch.Modules.BatchNorm2d)net[1];
        Assert.Same(bn.running_mean, state["1.running_mean"]);
        Assert.Same(bn.weight, state["1.weight"]);
    }
}
