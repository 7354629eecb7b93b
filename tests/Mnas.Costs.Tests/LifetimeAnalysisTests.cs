using Mnas.Costs.Memory;

namespace Mnas.Costs.Tests;

public class LifetimeAnalysisTests
{
    private static TensorNode Node(int id, long bytes, params int[] inputs) => new(id, inputs, bytes);

    [Fact]
    public void in_a_chain_the_peak_is_the_largest_adjacent_input_and_output_pair()
    {
        // 100 → 300 → 50: each step holds its input and its output only.
        TensorNode[] chain = [Node(0, 100), Node(1, 300, 0), Node(2, 50, 1)];
        Assert.Equal(new long[] { 100, 400, 350 }, LifetimeAnalysis.LiveBytesPerStep(chain));
        Assert.Equal(new PeakActivation(400, 1, 1), LifetimeAnalysis.Peak(chain));
    }

    [Fact]
    public void a_residual_input_stays_live_across_the_branch_until_the_add()
    {
        // x (100) → a (200) → b (200) → add(b, x) (100).
        TensorNode[] residual = [Node(0, 100), Node(1, 200, 0), Node(2, 200, 1), Node(3, 100, 2, 0)];
        // a: x + a; b: x + a + b; add: x + b + out.
        Assert.Equal(new long[] { 100, 300, 500, 400 }, LifetimeAnalysis.LiveBytesPerStep(residual));
        Assert.Equal(new PeakActivation(500, 2, 2), LifetimeAnalysis.Peak(residual));

        // Without the shortcut x is freed after a reads it: b holds a + b only.
        TensorNode[] plain = [Node(0, 100), Node(1, 200, 0), Node(2, 200, 1), Node(3, 100, 2)];
        Assert.Equal(new long[] { 100, 300, 400, 300 }, LifetimeAnalysis.LiveBytesPerStep(plain));
    }

    [Fact]
    public void a_tensor_with_two_consumers_lives_until_the_second_has_run()
    {
        // x (100) feeds p (10) and q (20); r (30) reads p and q.
        TensorNode[] graph = [Node(0, 100), Node(1, 10, 0), Node(2, 20, 0), Node(3, 30, 1, 2)];
        // p: x + p; q: x + p + q; r: p + q + r (x freed after q).
        Assert.Equal(new long[] { 100, 110, 130, 60 }, LifetimeAnalysis.LiveBytesPerStep(graph));
        Assert.Equal(new PeakActivation(130, 2, 2), LifetimeAnalysis.Peak(graph));
    }

    [Fact]
    public void ids_need_not_be_steps_and_the_peak_names_the_node_by_id()
    {
        TensorNode[] graph = [Node(10, 8), Node(20, 40, 10), Node(30, 4, 20)];
        Assert.Equal(new PeakActivation(48, 20, 1), LifetimeAnalysis.Peak(graph));
    }

    [Fact]
    public void an_output_nobody_reads_is_live_only_while_its_node_runs()
    {
        // Node 1 (1000) is a dead end; node 2 reads the input.
        TensorNode[] graph = [Node(0, 10), Node(1, 1000, 0), Node(2, 5, 0)];
        Assert.Equal(new long[] { 10, 1010, 15 }, LifetimeAnalysis.LiveBytesPerStep(graph));
    }

    [Fact]
    public void reading_a_node_that_has_not_run_yet_is_rejected()
    {
        TensorNode[] graph = [Node(0, 10), Node(1, 10, 2), Node(2, 10, 0)];
        var error = Assert.Throws<ArgumentException>(() => LifetimeAnalysis.Peak(graph));
        Assert.Contains("node 1 reads node 2", error.Message);
    }

    [Fact]
    public void a_repeated_id_and_an_empty_computation_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => LifetimeAnalysis.Peak([Node(0, 10), Node(0, 10)]));
        Assert.Throws<ArgumentException>(() => LifetimeAnalysis.Peak(Array.Empty<TensorNode>()));
    }
}
