namespace Mnas.Torch.Tests;

public class ReductionTests
{
    // [[1, 5, 2],
    //  [7, 0, 3]]
    private static Tensor M() => torch.tensor(new[] { 1f, 5f, 2f, 7f, 0f, 3f }, [2, 3]);

    [Fact]
    public void sum_over_everything_is_a_scalar()
    {
        using var scope = torch.NewDisposeScope();
        var s = M().sum();
        Assert.Empty(s.shape);
        Assert.Equal(18f, s.item<float>());
    }

    [Fact]
    public void sum_over_a_dim_with_and_without_keepdim()
    {
        using var scope = torch.NewDisposeScope();
        Expect.Values([3], [8f, 5f, 5f], M().sum(0));
        Expect.Values([2, 1], [8f, 10f], M().sum(1, keepdim: true));
        Expect.Values([], [18f], M().sum([0, 1]));
    }

    [Fact]
    public void mean_over_everything_and_over_a_dim()
    {
        using var scope = torch.NewDisposeScope();
        Assert.Equal(3f, M().mean().item<float>());
        Expect.Values([3], [4f, 2.5f, 2.5f], M().mean(0));
        Expect.Values([2, 1], [8f / 3f, 10f / 3f], M().mean(-1, keepdim: true));
    }

    [Fact]
    public void max_min_and_argmax_find_extremes()
    {
        using var scope = torch.NewDisposeScope();
        Assert.Equal(7f, M().max().item<float>());
        Assert.Equal(0f, M().min().item<float>());
        Assert.Equal(3L, M().argmax().item<long>());
        var perRow = M().argmax(1);
        Assert.Equal(new long[] { 2 }, perRow.shape);
        Assert.Equal(new[] { 1L, 0L }, perRow.data<long>());
        var perColumn = M().argmax(0, keepdim: true);
        Assert.Equal(new long[] { 1, 3 }, perColumn.shape);
        Assert.Equal(new[] { 1L, 0L, 1L }, perColumn.data<long>());
    }

    [Fact]
    public void softmax_of_log_one_two_three_is_one_two_three_sixths()
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.tensor(new[] { 0f, MathF.Log(2), MathF.Log(3), 5f, 5f, 5f }, [2, 3]);
        Expect.Values([2, 3], [1f / 6, 2f / 6, 3f / 6, 1f / 3, 1f / 3, 1f / 3], torch.softmax(x, 1));
    }

    [Fact]
    public void log_softmax_rows_are_log_probabilities()
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.tensor(new[] { 0f, MathF.Log(2), MathF.Log(3), 5f, 5f, 5f }, [2, 3]);
        var third = (float)Math.Log(1.0 / 3);
        Expect.Values([2, 3], [(float)Math.Log(1.0 / 6), third, (float)Math.Log(0.5), third, third, third], x.log_softmax(-1));
    }

    [Fact]
    public void softmax_is_stable_for_large_logits()
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.tensor(new[] { 1000f, 1000f });
        Expect.Values([2], [0.5f, 0.5f], x.softmax(0));
    }
}
