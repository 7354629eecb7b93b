namespace Mnas.Torch.Tests;

public class ShapeTests
{
    // 0..5 as [2, 3]: [[0, 1, 2], [3, 4, 5]]
    private static Tensor M() => torch.arange(6, ScalarType.Float32).reshape(2, 3);

    [Fact]
    public void reshape_keeps_row_major_order()
    {
        using var scope = torch.NewDisposeScope();
        var r = M().reshape(3, 2);
        Assert.Equal(new long[] { 3, 2 }, r.shape);
        Assert.Equal(new[] { 0f, 1f, 2f, 3f, 4f, 5f }, r.data<float>());
        Assert.Equal(new long[] { 6 }, M().reshape(-1).shape);
    }

    [Fact]
    public void view_shares_storage_with_its_source()
    {
        using var scope = torch.NewDisposeScope();
        var m = M();
        var v = m.view(6);
        v.mul_(10);
        Assert.Equal(new[] { 0f, 10f, 20f, 30f, 40f, 50f }, m.data<float>());
    }

    [Fact]
    public void transpose_swaps_rows_and_columns()
    {
        using var scope = torch.NewDisposeScope();
        var t = M().transpose(0, 1);
        Assert.Equal(new long[] { 3, 2 }, t.shape);
        Assert.Equal(new[] { 0f, 3f, 1f, 4f, 2f, 5f }, t.data<float>());
        Assert.Equal(new[] { 0f, 3f, 1f, 4f, 2f, 5f }, M().t().data<float>());
    }

    [Fact]
    public void permute_reorders_dimensions()
    {
        using var scope = torch.NewDisposeScope();
        // x[a, b, c] = 4a + 2b + c with shape [2, 2, 2]; y = permute(2, 0, 1) so y[c, a, b] = x[a, b, c]
        var y = torch.arange(8, ScalarType.Float32).reshape(2, 2, 2).permute(2, 0, 1);
        Assert.Equal(new long[] { 2, 2, 2 }, y.shape);
        Assert.Equal(new[] { 0f, 2f, 4f, 6f, 1f, 3f, 5f, 7f }, y.data<float>());
        Assert.False(y.is_contiguous());
        Assert.True(y.contiguous().is_contiguous());
    }

    [Fact]
    public void flatten_merges_a_range_of_dimensions()
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.zeros(2, 3, 4, 5);
        Assert.Equal(new long[] { 120 }, x.flatten().shape);
        Assert.Equal(new long[] { 2, 60 }, x.flatten(1).shape);
        Assert.Equal(new long[] { 2, 12, 5 }, x.flatten(1, 2).shape);
        Assert.Equal(new[] { 0f, 1f, 2f, 3f, 4f, 5f }, M().flatten().data<float>());
    }

    [Fact]
    public void squeeze_and_unsqueeze_remove_and_insert_unit_dimensions()
    {
        using var scope = torch.NewDisposeScope();
        var u = M().unsqueeze(1);
        Assert.Equal(new long[] { 2, 1, 3 }, u.shape);
        Assert.Equal(new long[] { 2, 3, 1 }, M().unsqueeze(-1).shape);
        Assert.Equal(new long[] { 2, 3 }, u.squeeze(1).shape);
        // squeezing a dimension that is not 1 leaves the tensor as it is
        Assert.Equal(new long[] { 2, 3 }, M().squeeze(0).shape);
        Assert.Equal(new[] { 0f, 1f, 2f, 3f, 4f, 5f }, u.data<float>());
    }

    [Fact]
    public void expand_repeats_unit_dimensions_without_copying()
    {
        using var scope = torch.NewDisposeScope();
        var e = torch.tensor(new[] { 1f, 2f }, [2, 1]).expand(2, 3);
        Assert.Equal(new[] { 1f, 1f, 1f, 2f, 2f, 2f }, e.data<float>());
        Assert.Equal(new long[] { 1, 0 }, e.stride());
    }

    [Fact]
    public void chunk_splits_into_equal_pieces()
    {
        using var scope = torch.NewDisposeScope();
        var pieces = torch.arange(6, ScalarType.Float32).chunk(3);
        Assert.Equal(3, pieces.Length);
        Assert.Equal(new[] { 2f, 3f }, pieces[1].data<float>());
        Assert.Throws<ArgumentException>(() => torch.arange(5).chunk(2));
    }
}
