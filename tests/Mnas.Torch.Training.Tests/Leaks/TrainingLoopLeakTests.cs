using Mnas.Torch.Training.Tests.Modules;
using Mnas.Torch.Training.Tests.Support;
using Xunit.Abstractions;
using F = Mnas.Torch.torch.nn.functional;

namespace Mnas.Torch.Training.Tests.Leaks;

[Collection(LiveTensorCountersCollection.Name)]
public class TrainingLoopLeakTests(ITestOutputHelper output)
{
    private const long RssGrowthBound = 20L * 1024 * 1024;

    [Fact]
    public void a_thousand_scoped_training_steps_return_tensor_counts_to_baseline_and_do_not_grow_memory()
    {
        SettleFinalizers();
        var managedBaseline = torch.LiveTensorCount;
        var nativeBaseline = torch.NativeLiveTensorCount;
        long managedInLoop = -1, nativeInLoop = -1, rssAfter100 = 0, rssAfter1000 = 0;
        var losses = new List<float>();

        using (var net = SmallNets.ConvNet())
        using (var sgd = torch.optim.SGD(net.parameters(), lr: 0.05, momentum: 0.9, weight_decay: 1e-4))
        {
            var schedule = torch.optim.lr_scheduler.CosineAnnealingLR(sgd, T_max: 1000);
            for (var step = 1; step <= 1000; step++)
            {
                using (torch.NewDisposeScope())
                {
                    var x = torch.randn(4, 3, 8, 8);
                    var target = torch.randint(2, [4]);
                    sgd.zero_grad();
                    var loss = F.cross_entropy(net.forward(x), target, label_smoothing: 0.1);
                    loss.backward();
                    sgd.step();
                    schedule.step();
                    // Reading a gradient and the loss makes new handles too; the scope must free them.
                    _ = net.parameters().First().grad!.abs().sum().item<float>();
                    losses.Add(loss.item<float>());
                }
                if (step == 1)
                {
                    (managedInLoop, nativeInLoop) = (torch.LiveTensorCount, torch.NativeLiveTensorCount);
                }
                else if (torch.LiveTensorCount != managedInLoop || torch.NativeLiveTensorCount != nativeInLoop)
                {
                    Assert.Fail($"after step {step}: {torch.LiveTensorCount} managed / {torch.NativeLiveTensorCount} native tensors, " +
                        $"after step 1: {managedInLoop} / {nativeInLoop}");
                }
                if (step == 100)
                {
                    rssAfter100 = ProcessMemory.ResidentBytes();
                }
            }
            rssAfter1000 = ProcessMemory.ResidentBytes();
            // Only the module's tensors live between steps: 2 conv weights (no biases), the linear weight and bias, and 2 × 5 batch-norm tensors.
            Assert.Equal(managedBaseline + 14, managedInLoop);
            Assert.Equal(nativeBaseline + 14, nativeInLoop);
        }

        output.WriteLine($"tensors: baseline {managedBaseline} managed / {nativeBaseline} native, between steps {managedInLoop} / {nativeInLoop}, " +
            $"after disposal {torch.LiveTensorCount} / {torch.NativeLiveTensorCount}");
        output.WriteLine($"VmRSS: {rssAfter100 / 1024} kB after step 100, {rssAfter1000 / 1024} kB after step 1000");
        output.WriteLine($"loss: {losses[0]} at step 1, {losses[^1]} at step 1000");
        Assert.Equal(managedBaseline, torch.LiveTensorCount);
        Assert.Equal(nativeBaseline, torch.NativeLiveTensorCount);
        Assert.True(rssAfter1000 - rssAfter100 < RssGrowthBound,
            $"resident memory grew by {(rssAfter1000 - rssAfter100) / 1024} kB from step 100 to step 1000 (bound {RssGrowthBound / 1024} kB)");
        Assert.All(losses, l => Assert.True(float.IsFinite(l)));
    }

    internal static void SettleFinalizers()
    {
        // Tensors that other tests forgot are freed by finalizers; let that happen before the baseline, not during the loop.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }
}
