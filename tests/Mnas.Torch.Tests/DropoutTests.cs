using F = Mnas.Torch.torch.nn.functional;

namespace Mnas.Torch.Tests;

public class DropoutTests
{
    [Fact]
    public void p_zero_is_the_identity()
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.tensor(new[] { 1f, -2f, 3f });
        Assert.Equal(new[] { 1f, -2f, 3f }, F.dropout(x, 0).data<float>());
    }

    [Fact]
    public void p_one_drops_everything()
    {
        using var scope = torch.NewDisposeScope();
        Assert.Equal(new float[5], F.dropout(torch.full([5], 3), 1).data<float>());
    }

    [Fact]
    public void eval_mode_is_the_identity()
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.tensor(new[] { 1f, -2f, 3f });
        Assert.Equal(new[] { 1f, -2f, 3f }, F.dropout(x, 0.5, training: false).data<float>());
        using var module = torch.nn.Dropout(0.9);
        module.eval();
        Assert.Equal(new[] { 1f, -2f, 3f }, module.call(x).data<float>());
    }

    [Theory]
    [InlineData(0.5, 6f)]
    [InlineData(0.25, 4f)]
    public void training_scales_kept_elements_by_one_over_one_minus_p(double p, float kept)
    {
        using var scope = torch.NewDisposeScope();
        var y = F.dropout(torch.full([10_000], 3), p).data<float>();
        Assert.All(y, v => Assert.True(v == 0f || Math.Abs(v - kept) < 1e-5, $"{v} is neither 0 nor {kept}"));
        // About (1 - p) of 10 000 survive; the bounds are more than ten standard deviations wide.
        var survivors = y.Count(v => v != 0);
        Assert.InRange(survivors, (1 - p) * 10_000 - 500, (1 - p) * 10_000 + 500);
    }

    [Fact]
    public void probabilities_outside_zero_one_are_rejected()
    {
        using var scope = torch.NewDisposeScope();
        Assert.Throws<ArgumentOutOfRangeException>(() => F.dropout(torch.ones(2), 1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => F.dropout(torch.ones(2), -0.1));
    }
}
