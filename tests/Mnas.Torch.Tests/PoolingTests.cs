using F = Mnas.Torch.torch.nn.functional;

namespace Mnas.Torch.Tests;

public class PoolingTests
{
    // [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10, 11], [12, 13, 14, 15]] as [1, 1, 4, 4]
    private static Tensor Grid4() => torch.arange(16, ScalarType.Float32).reshape(1, 1, 4, 4);

    // [[0, 1, 2], [3, 4, 5], [6, 7, 8]] as [1, 1, 3, 3]
    private static Tensor Grid3() => torch.arange(9, ScalarType.Float32).reshape(1, 1, 3, 3);

    [Fact]
    public void max_pool2d_takes_the_largest_of_each_window()
    {
        using var scope = torch.NewDisposeScope();
        Expect.Values([1, 1, 2, 2], [5f, 7f, 13f, 15f], F.max_pool2d(Grid4(), 2));
        // 3x3 windows, stride 1, padding 1: the bottom-right in-image element of each window
        Expect.Values([1, 1, 4, 4], [5f, 6f, 7f, 7f, 9f, 10f, 11f, 11f, 13f, 14f, 15f, 15f, 13f, 14f, 15f, 15f],
            F.max_pool2d(Grid4(), 3, stride: 1, padding: 1));
    }

    [Fact]
    public void max_pool2d_ceil_mode_keeps_the_partial_last_window()
    {
        using var scope = torch.NewDisposeScope();
        Expect.Values([1, 1, 1, 1], [4f], F.max_pool2d(Grid3(), 2));
        Expect.Values([1, 1, 2, 2], [4f, 5f, 7f, 8f], F.max_pool2d(Grid3(), 2, ceil_mode: true));
    }

    [Fact]
    public void avg_pool2d_averages_each_window()
    {
        using var scope = torch.NewDisposeScope();
        Expect.Values([1, 1, 2, 2], [2.5f, 4.5f, 10.5f, 12.5f], F.avg_pool2d(Grid4(), 2));
    }

    [Fact]
    public void avg_pool2d_with_padding_divides_by_window_or_by_in_image_count()
    {
        using var scope = torch.NewDisposeScope();
        // 2x2 windows, stride 2, padding 1: rows/columns {-1, 0}, {1, 2}, {3, 4}; window sums
        // [0, 3, 3; 12, 30, 18; 12, 27, 15] over in-image counts [1, 2, 1; 2, 4, 2; 1, 2, 1].
        Expect.Values([1, 1, 3, 3], [0f, 0.75f, 0.75f, 3f, 7.5f, 4.5f, 3f, 6.75f, 3.75f], F.avg_pool2d(Grid4(), 2, 2, 1));
        Expect.Values([1, 1, 3, 3], [0f, 1.5f, 3f, 6f, 7.5f, 9f, 12f, 13.5f, 15f],
            F.avg_pool2d(Grid4(), 2, 2, 1, count_include_pad: false));
    }

    [Fact]
    public void adaptive_avg_pool2d_to_one_is_the_global_mean()
    {
        using var scope = torch.NewDisposeScope();
        Expect.Values([1, 1, 1, 1], [7.5f], F.adaptive_avg_pool2d(Grid4(), 1));
        // columns {0, 1} and {2, 3}: 4 * 1.5 + 0.5 and 4 * 1.5 + 2.5
        Expect.Values([1, 1, 1, 2], [6.5f, 8.5f], F.adaptive_avg_pool2d(Grid4(), 1, 2));
    }

    [Fact]
    public void adaptive_pools_use_overlapping_bins_when_sizes_do_not_divide()
    {
        using var scope = torch.NewDisposeScope();
        // 3 -> 2 uses bins [0, 2) and [1, 3) on each axis.
        Expect.Values([1, 1, 2, 2], [2f, 3f, 5f, 6f], F.adaptive_avg_pool2d(Grid3(), 2));
        Expect.Values([1, 1, 2, 2], [4f, 5f, 7f, 8f], F.adaptive_max_pool2d(Grid3(), 2));
        Expect.Values([1, 1, 1, 1], [15f], F.adaptive_max_pool2d(Grid4(), 1));
    }

    [Fact]
    public void pooling_works_per_channel()
    {
        using var scope = torch.NewDisposeScope();
        // channel 1 is channel 0 negated
        var x = torch.cat([Grid4(), Grid4().neg()], 1);
        Expect.Values([1, 2, 2, 2], [5f, 7f, 13f, 15f, 0f, -2f, -8f, -10f], F.max_pool2d(x, 2));
    }
}
