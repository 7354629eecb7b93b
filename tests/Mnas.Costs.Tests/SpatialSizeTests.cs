using Mnas.Costs.Graph;

namespace Mnas.Costs.Tests;

public class SpatialSizeTests
{
    [Theory]
    [InlineData(224, 3, 2, 112)]
    [InlineData(112, 3, 1, 112)]
    [InlineData(5, 3, 2, 3)]   // floor((5 + 2 − 3) / 2) + 1 = 3 = ceil(5 / 2)
    [InlineData(7, 5, 2, 4)]   // floor((7 + 4 − 5) / 2) + 1 = 4
    [InlineData(8, 1, 2, 4)]   // 1×1 with stride 2: floor(7 / 2) + 1 = 4
    [InlineData(8, 2, 1, 9)]   // an even kernel padded by k/2 grows the map: floor(8 / 1) + 1
    public void a_convolution_padded_by_half_its_kernel_gives_floor_of_padded_input_over_stride_plus_one(int input, int kernel, int stride, int expected) =>
        Assert.Equal(expected, SpatialSize.Convolution(input, kernel, stride));

    [Theory]
    [InlineData(5, 2, 3)]
    [InlineData(7, 4, 2)]
    [InlineData(8, 2, 4)]
    [InlineData(3, 1, 3)]
    public void ceil_mode_pooling_keeps_the_partial_window(int input, int stride, int expected) =>
        Assert.Equal(expected, SpatialSize.CeilPool(input, stride));

    [Fact]
    public void a_zero_stride_is_rejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SpatialSize.Convolution(8, 3, 0));
}
