namespace Mnas.Torch.Tests;

public class CreationTests
{
    [Fact]
    public void float_tensor_with_shape_round_trips_through_data()
    {
        using var scope = torch.NewDisposeScope();
        var t = torch.tensor(new[] { 1.5f, -2f, 0f, 3.25f, 1e-3f, -7f }, [2, 3]);
        Assert.Equal(new long[] { 2, 3 }, t.shape);
        Assert.Equal(ScalarType.Float32, t.dtype);
        Assert.Equal(6, t.numel());
        Assert.Equal(2, t.dim());
        Assert.Equal(new[] { 1.5f, -2f, 0f, 3.25f, 1e-3f, -7f }, t.data<float>());
    }

    [Fact]
    public void long_tensor_keeps_values_beyond_int_range()
    {
        using var scope = torch.NewDisposeScope();
        var t = torch.tensor(new[] { long.MaxValue, -5L, 1L << 40, 0L }, [4, 1]);
        Assert.Equal(new long[] { 4, 1 }, t.shape);
        Assert.Equal(ScalarType.Int64, t.dtype);
        Assert.Equal(new[] { long.MaxValue, -5L, 1L << 40, 0L }, t.data<long>());
    }

    [Fact]
    public void double_tensor_keeps_full_precision()
    {
        using var scope = torch.NewDisposeScope();
        var t = torch.tensor(new[] { 0.1, 1.0 / 3.0, -1e300 }, [3]);
        Assert.Equal(ScalarType.Float64, t.dtype);
        Assert.Equal(new[] { 0.1, 1.0 / 3.0, -1e300 }, t.data<double>());
    }

    [Fact]
    public void tensor_without_shape_is_one_dimensional()
    {
        using var scope = torch.NewDisposeScope();
        var t = torch.tensor(new[] { 4f, 5f, 6f });
        Assert.Equal(new long[] { 3 }, t.shape);
        Assert.Equal(new[] { 4f, 5f, 6f }, t.data<float>());
    }

    [Fact]
    public void scalar_tensor_has_no_dimensions_and_one_element()
    {
        using var scope = torch.NewDisposeScope();
        var t = torch.tensor(new[] { 2.5f }, []);
        Assert.Empty(t.shape);
        Assert.Equal(0, t.dim());
        Assert.Equal(1, t.numel());
        Assert.Equal(2.5f, t.item<float>());
    }

    [Fact]
    public void empty_tensor_has_zero_elements()
    {
        using var scope = torch.NewDisposeScope();
        var t = torch.tensor(Array.Empty<float>(), [0, 3]);
        Assert.Equal(new long[] { 0, 3 }, t.shape);
        Assert.Equal(0, t.numel());
        Assert.Empty(t.data<float>());
    }

    [Fact]
    public void zeros_ones_and_full_fill_every_element()
    {
        using var scope = torch.NewDisposeScope();
        Assert.Equal(new float[6], torch.zeros(2, 3).data<float>());
        Assert.Equal(new[] { 1f, 1f, 1f, 1f }, torch.ones(4).data<float>());
        var full = torch.full([2, 2], 3.5);
        Assert.Equal(new long[] { 2, 2 }, full.shape);
        Assert.Equal(new[] { 3.5f, 3.5f, 3.5f, 3.5f }, full.data<float>());
        var longs = torch.full([3], 7, ScalarType.Int64);
        Assert.Equal(new[] { 7L, 7L, 7L }, longs.data<long>());
    }

    [Fact]
    public void arange_counts_up_to_but_excluding_end()
    {
        using var scope = torch.NewDisposeScope();
        var ints = torch.arange(5);
        Assert.Equal(ScalarType.Int64, ints.dtype);
        Assert.Equal(new[] { 0L, 1L, 2L, 3L, 4L }, ints.data<long>());
        var steps = torch.arange(1, 2, 0.25, ScalarType.Float32);
        Assert.Equal(new[] { 1f, 1.25f, 1.5f, 1.75f }, steps.data<float>());
        var down = torch.arange(3, -3, -2);
        Assert.Equal(new[] { 3L, 1L, -1L }, down.data<long>());
    }

    [Fact]
    public void item_reads_a_single_element_as_the_requested_type()
    {
        using var scope = torch.NewDisposeScope();
        Assert.Equal(42L, torch.tensor(new[] { 42L }, []).item<long>());
        Assert.Equal(42, torch.tensor(new[] { 42L }, []).item<int>());
        Assert.Equal(0.125, torch.tensor(new[] { 0.125 }, []).item<double>());
    }

    [Fact]
    public void data_with_the_wrong_element_type_throws_argument_exception()
    {
        using var scope = torch.NewDisposeScope();
        var floats = torch.zeros(3);
        var error = Assert.Throws<ArgumentException>(() => floats.data<double>());
        Assert.Contains("Float32", error.Message);
        Assert.Throws<ArgumentException>(() => floats.data<long>());
        Assert.Throws<ArgumentException>(() => torch.arange(3).data<float>());
    }

    [Fact]
    public void shape_that_does_not_match_data_length_throws_argument_exception_naming_shape()
    {
        var error = Assert.Throws<ArgumentException>(() => torch.tensor(new float[5], [2, 3]));
        Assert.Equal("shape", error.ParamName);
        Assert.Contains("[2, 3]", error.Message);
        Assert.Contains("6", error.Message);
        Assert.Contains("5", error.Message);
    }

    [Fact]
    public void to_dtype_converts_values()
    {
        using var scope = torch.NewDisposeScope();
        var t = torch.tensor(new[] { 1.75f, -2.5f, 3f }).to(ScalarType.Int64);
        Assert.Equal(ScalarType.Int64, t.dtype);
        Assert.Equal(new[] { 1L, -2L, 3L }, t.data<long>());
        var d = torch.tensor(new[] { 2L, 5L }).to(ScalarType.Float64);
        Assert.Equal(new[] { 2.0, 5.0 }, d.data<double>());
    }

    [Fact]
    public void comparison_results_are_bool_tensors()
    {
        using var scope = torch.NewDisposeScope();
        var mask = torch.tensor(new[] { -1f, 0f, 2f }).gt(0);
        Assert.Equal(ScalarType.Bool, mask.dtype);
        Assert.Equal(new[] { false, false, true }, mask.data<bool>());
    }
}
