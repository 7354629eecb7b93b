using Mnas.Costs.Memory;

namespace Mnas.Costs.Tests;

/// <summary>
/// Lifetime analysis of a small graph drawn in MemNAS's manner, every tensor a whole number of units, whose peak is
/// worked out by hand: a tensor is live from the step that makes it to the last step that reads it.
/// </summary>
public class MemnasLifetimeExampleTests
{
    /// <summary>One unit of memory: any size works, the live counts below are in units.</summary>
    private const long Unit = 1_024;

    /// <summary>
    /// <code>
    ///        ┌── a ──┐
    ///   x ───┤       add ── s ── c ──┐
    ///        └── b ──┘          │    concat ── out
    ///                           └────┘
    /// </code>
    /// x, a, b, s, c and out are one unit each; the concat of c and s is two.
    /// </summary>
    private static readonly TensorNode[] Graph =
    [
        new(0, [], 1 * Unit),     // x: the input
        new(1, [0], 1 * Unit),    // a = conv(x)
        new(2, [0], 1 * Unit),    // b = conv(x), the branch
        new(3, [1, 2], 1 * Unit), // s = a + b
        new(4, [3], 1 * Unit),    // c = conv(s)
        new(5, [4, 3], 2 * Unit), // concat(c, s)
        new(6, [5], 1 * Unit),    // out = linear(concat)
    ];

    [Fact]
    public void the_live_units_step_by_step_are_the_hand_computed_ones_with_a_peak_of_four_at_the_concat()
    {
        // Last readers: x by b (step 2), a and b by the add (3), s by the concat (5), c by the concat (5), the concat by
        // out (6); out by nobody, so live only at its own step.
        // step 0, x:      x                 = 1
        // step 1, a:      x + a             = 2  (x still awaited by b)
        // step 2, b:      x + a + b         = 3  (x's last reader)
        // step 3, add:    a + b + s         = 3  (x freed after step 2)
        // step 4, c:      s + c             = 2  (a and b freed after the add; s awaited by the concat)
        // step 5, concat: s + c + concat(2) = 4  ← the peak
        // step 6, out:    concat(2) + out   = 3  (s and c freed after the concat)
        Assert.Equal(new long[] { 1, 2, 3, 3, 2, 4, 3 }, LifetimeAnalysis.LiveBytesPerStep(Graph).Select(bytes => bytes / Unit));
        Assert.Equal(new PeakActivation(4 * Unit, 5, 5), LifetimeAnalysis.Peak(Graph));
    }

    [Fact]
    public void reading_s_into_the_concat_is_what_makes_the_peak_four()
    {
        // Without the concat's second input s dies after c reads it: step 4 holds s + c = 2, step 5 c + concat(2) = 3.
        TensorNode[] chain = [.. Graph[..5], new(5, [4], 2 * Unit), Graph[6]];

        Assert.Equal(new long[] { 1, 2, 3, 3, 2, 3, 3 }, LifetimeAnalysis.LiveBytesPerStep(chain).Select(bytes => bytes / Unit));
        Assert.Equal(3 * Unit, LifetimeAnalysis.Peak(chain).Bytes);
    }
}
