using Mnas.Torch.Training.Tests.Support;

namespace Mnas.Torch.Training.Tests.Leaks;

[Collection(LiveTensorCountersCollection.Name)]
public class DisposeScopeCounterTests
{
    [Fact]
    public void a_scope_frees_every_tensor_made_inside_it_except_those_moved_out()
    {
        TrainingLoopLeakTests.SettleFinalizers();
        var (managed, native) = (torch.LiveTensorCount, torch.NativeLiveTensorCount);
        Tensor kept;
        using (var outer = torch.NewDisposeScope())
        {
            using (var inner = torch.NewDisposeScope())
            {
                var a = torch.ones(3);
                var b = a * 2 + 1;
                kept = b.sum().MoveToOuterDisposeScope();
                Assert.Equal(3, inner.Count); // a, a·2 and b; the sum moved out
                Assert.Equal(managed + 4, torch.LiveTensorCount);
                Assert.Equal(native + 4, torch.NativeLiveTensorCount);
            }
            Assert.Equal(managed + 1, torch.LiveTensorCount);
            Assert.Equal(native + 1, torch.NativeLiveTensorCount);
            Assert.Equal(9f, kept.item<float>());
            Assert.Equal(1, outer.Count);
        }
        Assert.True(kept.IsDisposed);
        Assert.Equal(managed, torch.LiveTensorCount);
        Assert.Equal(native, torch.NativeLiveTensorCount);
    }

    [Fact]
    public void sequential_and_lstm_cell_forward_leave_only_their_outputs_alive()
    {
        TrainingLoopLeakTests.SettleFinalizers();
        using var net = Modules.SmallNets.ConvNet();
        using var cell = torch.nn.LSTMCell(3, 4);
        using var x = torch.randn(2, 3, 8, 8);
        using var input = torch.randn(2, 3);
        var state = cell.initial_state(2);
        using var h0 = state.Hidden;
        using var c0 = state.Cell;
        var (managed, native) = (torch.LiveTensorCount, torch.NativeLiveTensorCount);

        using (var y = net.forward(x))
        {
            // Sequential frees each intermediate activation once the next layer has it.
            Assert.Equal(managed + 1, torch.LiveTensorCount);
            Assert.Equal(native + 1, torch.NativeLiveTensorCount);
            using var total = y.sum();
            total.backward();
        }
        Assert.Equal(managed, torch.LiveTensorCount);
        Assert.Equal(native, torch.NativeLiveTensorCount);

        var (h1, c1) = cell.forward((input, h0, c0));
        Assert.Equal(managed + 2, torch.LiveTensorCount);
        Assert.Equal(native + 2, torch.NativeLiveTensorCount);
        h1.Dispose();
        c1.Dispose();
        Assert.Equal(managed, torch.LiveTensorCount);
        Assert.Equal(native, torch.NativeLiveTensorCount);
    }
}
