using Mnas.Workers.Datasets;

namespace Mnas.Datasets.Tests;

public class NormalisationTests
{
    [Fact]
    public void measuring_gives_each_channels_mean_and_population_std_of_pixels_over_255()
    {
        // Two images, two channels of 1×2: channel 0 holds 0, 255, 255, 255; channel 1 holds 51 four times but one 102.
        var dataset = new ImageDataset("two", [0, 255, 51, 51, 255, 255, 51, 102], [0, 1], 2, 1, 2, 2, true);
        var normalisation = Normalisation.Measure(dataset);
        // Channel 0: values 0, 1, 1, 1 → mean 0.75, std sqrt(0.75 − 0.5625) = 0.4330127.
        Assert.Equal(0.75f, normalisation.Mean[0], 6);
        Assert.Equal(0.4330127f, normalisation.Std[0], 6);
        // Channel 1: 0.2, 0.2, 0.2, 0.4 → mean 0.25, std sqrt(0.07 − 0.0625) = 0.0866025.
        Assert.Equal(0.25f, normalisation.Mean[1], 6);
        Assert.Equal(0.0866025f, normalisation.Std[1], 6);
    }

    [Fact]
    public void identity_keeps_pixels_on_the_zero_to_one_scale_and_a_flat_channel_cannot_be_measured()
    {
        var identity = Normalisation.Identity(3);
        Assert.Equal([0f, 0f, 0f], identity.Mean);
        Assert.Equal([1f, 1f, 1f], identity.Std);
        var flat = new ImageDataset("flat", [9, 9, 9, 9], [0, 0], 1, 1, 2, 1, true);
        Assert.Throws<ArgumentException>(() => Normalisation.Measure(flat));
        Assert.Throws<ArgumentException>(() => new Normalisation([0.5f], [0f]));
    }
}
