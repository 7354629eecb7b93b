namespace Mnas.Torch.Tests;

public class ActivationTests
{
    private static readonly float[] Inputs = [-4f, -3f, -1f, 0f, 1f, 3f, 4f, 7f];

    [Fact]
    public void relu_zeroes_negatives_and_keeps_positives()
    {
        using var scope = torch.NewDisposeScope();
        var y = torch.tensor(Inputs).relu();
        Assert.Equal(new[] { 0f, 0f, 0f, 0f, 1f, 3f, 4f, 7f }, y.data<float>());
    }

    [Fact]
    public void relu6_clips_at_zero_and_six()
    {
        using var scope = torch.NewDisposeScope();
        var y = torch.nn.functional.relu6(torch.tensor(Inputs));
        Assert.Equal(new[] { 0f, 0f, 0f, 0f, 1f, 3f, 4f, 6f }, y.data<float>());
    }

    [Fact]
    public void hardswish_is_x_times_relu6_of_x_plus_3_over_6()
    {
        using var scope = torch.NewDisposeScope();
        var y = torch.tensor(Inputs).hardswish();
        // -4 -> -4*0/6, -3 -> 0, -1 -> -1*2/6, 0 -> 0, 1 -> 1*4/6, 3 -> 3*6/6, 4 -> 4*6/6, 7 -> 7*6/6
        Expect.Close([0f, 0f, -1f / 3f, 0f, 2f / 3f, 3f, 4f, 7f], y.data<float>());
    }

    [Fact]
    public void sigmoid_maps_log_odds_to_probabilities()
    {
        using var scope = torch.NewDisposeScope();
        var y = torch.tensor(new[] { 0f, MathF.Log(3f), -MathF.Log(3f) }).sigmoid();
        // sigmoid(ln 3) = 3 / (3 + 1)
        Expect.Close([0.5f, 0.75f, 0.25f], y.data<float>());
    }

    [Fact]
    public void tanh_of_log_two_is_three_fifths()
    {
        using var scope = torch.NewDisposeScope();
        var y = torch.tanh(torch.tensor(new[] { 0f, MathF.Log(2f), -MathF.Log(2f) }));
        // tanh(ln 2) = (2 - 1/2) / (2 + 1/2)
        Expect.Close([0f, 0.6f, -0.6f], y.data<float>());
    }

    [Fact]
    public void exp_and_log_are_inverse_on_known_points()
    {
        using var scope = torch.NewDisposeScope();
        Expect.Close([1f, 2.7182817f, 0.36787945f], torch.tensor(new[] { 0f, 1f, -1f }).exp().data<float>());
        Expect.Close([0f, 1f, 0.6931472f], torch.tensor(new[] { 1f, 2.7182817f, 2f }).log().data<float>());
    }

    [Fact]
    public void sqrt_abs_and_neg_give_exact_values()
    {
        using var scope = torch.NewDisposeScope();
        Assert.Equal(new[] { 0f, 1.5f, 3f }, torch.tensor(new[] { 0f, 2.25f, 9f }).sqrt().data<float>());
        Assert.Equal(new[] { 2f, 0f, 3.5f }, torch.tensor(new[] { -2f, 0f, 3.5f }).abs().data<float>());
        Assert.Equal(new[] { 2f, -1f, -3.5f }, torch.tensor(new[] { -2f, 1f, 3.5f }).neg().data<float>());
        Assert.Equal(new[] { 2f, -1f }, (-torch.tensor(new[] { -2f, 1f })).data<float>());
    }

    [Fact]
    public void log_of_zero_is_negative_infinity_and_sqrt_of_negative_is_nan()
    {
        using var scope = torch.NewDisposeScope();
        Assert.Equal(float.NegativeInfinity, torch.tensor(new[] { 0f }).log().data<float>()[0]);
        Assert.True(float.IsNaN(torch.tensor(new[] { -1f }).sqrt().data<float>()[0]));
    }

    [Fact]
    public void clamp_limits_below_above_or_both()
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.tensor(new[] { -2f, -0.5f, 0.5f, 2f });
        Assert.Equal(new[] { -1f, -0.5f, 0.5f, 1f }, x.clamp(-1, 1).data<float>());
        Assert.Equal(new[] { 0f, 0f, 0.5f, 2f }, x.clamp(min: 0).data<float>());
        Assert.Equal(new[] { -2f, -0.5f, 0f, 0f }, x.clamp(max: 0).data<float>());
    }

    [Fact]
    public void where_picks_from_first_where_condition_holds()
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.tensor(new[] { -1f, 2f, -3f, 4f });
        var y = torch.where(x.gt(0), x, torch.full([4], 10));
        Assert.Equal(new[] { 10f, 2f, 10f, 4f }, y.data<float>());
    }
}
