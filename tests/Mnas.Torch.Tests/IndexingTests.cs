namespace Mnas.Torch.Tests;

public class IndexingTests
{
    // [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10, 11]]
    private static Tensor M() => torch.arange(12, ScalarType.Float32).reshape(3, 4);

    [Fact]
    public void cat_joins_along_an_existing_dimension()
    {
        using var scope = torch.NewDisposeScope();
        var a = torch.tensor(new[] { 1f, 2f }, [1, 2]);
        var b = torch.tensor(new[] { 3f, 4f, 5f, 6f }, [2, 2]);
        Expect.Values([3, 2], [1f, 2f, 3f, 4f, 5f, 6f], torch.cat([a, b], 0));
        var c = torch.tensor(new[] { 9f }, [1, 1]);
        Expect.Values([1, 3], [1f, 2f, 9f], torch.cat([a, c], 1));
    }

    [Fact]
    public void stack_joins_along_a_new_dimension()
    {
        using var scope = torch.NewDisposeScope();
        var a = torch.tensor(new[] { 1f, 2f });
        var b = torch.tensor(new[] { 3f, 4f });
        Expect.Values([2, 2], [1f, 2f, 3f, 4f], torch.stack([a, b]));
        Expect.Values([2, 2], [1f, 3f, 2f, 4f], torch.stack([a, b], 1));
    }

    [Fact]
    public void narrow_takes_a_contiguous_range()
    {
        using var scope = torch.NewDisposeScope();
        Expect.Values([3, 2], [1f, 2f, 5f, 6f, 9f, 10f], M().narrow(1, 1, 2));
        Expect.Values([1, 4], [8f, 9f, 10f, 11f], M().narrow(0, 2, 1));
    }

    [Fact]
    public void slice_with_step_takes_every_nth_element()
    {
        using var scope = torch.NewDisposeScope();
        // columns 0 and 2 (x[:, 0:4:2]); rows 1.. (x[1:3])
        Expect.Values([3, 2], [0f, 2f, 4f, 6f, 8f, 10f], M().slice(1, 0, 4, 2));
        Expect.Values([3, 2], [1f, 3f, 5f, 7f, 9f, 11f], M().slice(1, 1, 4, 2));
        Expect.Values([2, 4], [4f, 5f, 6f, 7f, 8f, 9f, 10f, 11f], M().slice(0, 1, 3));
        Expect.Values([1, 4], [0f, 1f, 2f, 3f], M().slice(0, 0, 3, 5));
    }

    [Fact]
    public void select_drops_the_indexed_dimension()
    {
        using var scope = torch.NewDisposeScope();
        Expect.Values([4], [4f, 5f, 6f, 7f], M().select(0, 1));
        Expect.Values([3], [3f, 7f, 11f], M().select(1, -1));
    }

    [Fact]
    public void slices_are_views_of_the_source()
    {
        using var scope = torch.NewDisposeScope();
        var m = M();
        m.select(0, 0).fill_(-1);
        Assert.Equal(new[] { -1f, -1f, -1f, -1f, 4f }, m.data<float>()[..5]);
    }

    [Fact]
    public void gather_picks_one_element_per_index_along_a_dim()
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.tensor(new[] { 1f, 2f, 3f, 4f }, [2, 2]);
        var index = torch.tensor(new[] { 0L, 0L, 1L, 0L }, [2, 2]);
        // out[i][j] = x[i][index[i][j]]
        Expect.Values([2, 2], [1f, 1f, 4f, 3f], torch.gather(x, 1, index));
        // out[i][j] = x[index[i][j]][j]
        Expect.Values([2, 2], [1f, 2f, 3f, 2f], x.gather(0, index));
    }

    [Fact]
    public void index_select_picks_whole_rows_or_columns()
    {
        using var scope = torch.NewDisposeScope();
        Expect.Values([2, 4], [8f, 9f, 10f, 11f, 0f, 1f, 2f, 3f], M().index_select(0, torch.tensor(new[] { 2L, 0L })));
        Expect.Values([3, 3], [3f, 3f, 1f, 7f, 7f, 5f, 11f, 11f, 9f], M().index_select(1, torch.tensor(new[] { 3L, 3L, 1L })));
    }
}
