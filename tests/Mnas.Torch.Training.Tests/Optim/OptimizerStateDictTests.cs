using Mnas.Torch.Optim;

namespace Mnas.Torch.Training.Tests.Optim;

/// <summary>An optimiser's state copied into a new one over copied parameters: the two then take exactly the same steps.</summary>
public class OptimizerStateDictTests
{
    public static TheoryData<string> Kinds => new() { "sgd", "adam", "amsgrad", "adamw", "rmsprop", "rmsprop-momentum-centered" };

    private static Optimizer Create(string kind, Tensor[] parameters) => kind switch
    {
        "sgd" => torch.optim.SGD(parameters, lr: 0.1, momentum: 0.9, weight_decay: 0.01),
        "adam" => torch.optim.Adam(parameters, lr: 0.05, weight_decay: 0.01),
        "amsgrad" => torch.optim.Adam(parameters, lr: 0.05, amsgrad: true),
        "adamw" => torch.optim.AdamW(parameters, lr: 0.05, weight_decay: 0.1),
        "rmsprop" => torch.optim.RMSprop(parameters, lr: 0.01, weight_decay: 0.01),
        _ => torch.optim.RMSprop(parameters, lr: 0.01, momentum: 0.9, centered: true),
    };

    private static void Step(Optimizer optimizer, Tensor[] parameters, int step)
    {
        using var scope = torch.NewDisposeScope();
        optimizer.zero_grad();
        var target = torch.tensor([Math.Sin(step), Math.Cos(step), 0.5 * step]);
        ((parameters[0] - target).pow(2).sum() + (parameters[1] * step).sum()).backward();
        optimizer.step();
    }

    private static Tensor[] Parameters() =>
        [torch.tensor([1.0, -2.0, 3.0], requires_grad: true).DetachFromDisposeScope(), torch.tensor([0.5, 0.25], requires_grad: true).DetachFromDisposeScope()];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void a_copy_of_the_state_and_parameters_goes_on_with_exactly_the_same_steps(string kind)
    {
        var original = Parameters();
        using var first = Create(kind, original);
        for (var step = 1; step <= 3; step++)
        {
            Step(first, original, step);
        }

        var copied = Parameters();
        using (torch.no_grad())
        {
            copied[0].copy_(original[0]);
            copied[1].copy_(original[1]);
        }
        using var second = Create(kind, copied);
        using (var state = first.state_dict())
        {
            second.load_state_dict(state);
        }
        for (var step = 4; step <= 6; step++)
        {
            Step(first, original, step);
            Step(second, copied, step);
        }

        Assert.Equal(original[0].data<double>(), copied[0].data<double>());
        Assert.Equal(original[1].data<double>(), copied[1].data<double>());
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void a_fresh_copy_without_the_state_takes_other_steps(string kind)
    {
        var original = Parameters();
        using var first = Create(kind, original);
        Step(first, original, 1);
        var copied = Parameters();
        using (torch.no_grad())
        {
            copied[0].copy_(original[0]);
            copied[1].copy_(original[1]);
        }
        using var second = Create(kind, copied);

        Step(first, original, 2);
        Step(second, copied, 2);

        Assert.NotEqual(original[0].data<double>(), copied[0].data<double>());
    }

    [Fact]
    public void the_state_before_any_step_is_empty_and_a_state_of_the_wrong_size_is_refused()
    {
        var parameters = Parameters();
        using var adam = torch.optim.Adam(parameters);
        using var state = adam.state_dict();

        Assert.All(state.Parameters, p => Assert.All(p.Slots, Assert.Null));
        Assert.Equal([0L, 0L], state.Parameters.Select(p => p.Step));
        using var sgd = torch.optim.SGD([parameters[0]], lr: 0.1);
        var e = Assert.Throws<ArgumentException>(() => sgd.load_state_dict(state));
        Assert.Contains("2 parameters' state for an optimiser of 1", e.Message);
    }
}
