using Mnas.Torch.Serialization;

namespace Mnas.Torch.Tests;

/// <summary>The live-tensor counters are process-wide: these tests run with no other test alongside.</summary>
[CollectionDefinition("LiveTensorCounters", DisableParallelization = true)]
public class LiveTensorCountersCollection;

[Collection("LiveTensorCounters")]
public class LiveTensorCounterTests
{
    private static (long Managed, long Native) Baseline()
    {
        // Let handles of tensors other tests leaked be finalised now, not in the middle of a test.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        return (torch.LiveTensorCount, torch.NativeLiveTensorCount);
    }

    [Fact]
    public void counters_rise_per_tensor_and_return_to_baseline_after_a_scope()
    {
        var (managed, native) = Baseline();
        using (torch.NewDisposeScope())
        {
            var a = torch.ones(3);
            var b = a.mul(2);
            _ = b.view(3, 1);
            Assert.Equal(managed + 3, torch.LiveTensorCount);
            Assert.Equal(native + 3, torch.NativeLiveTensorCount);
        }
        Assert.Equal(managed, torch.LiveTensorCount);
        Assert.Equal(native, torch.NativeLiveTensorCount);
    }

    [Fact]
    public void a_forgotten_tensor_stops_counting_once_collected()
    {
        var (managed, native) = Baseline();
        CreateAndForget();
        Assert.Equal(managed + 1, torch.LiveTensorCount);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        Assert.Equal(managed, torch.LiveTensorCount);
        Assert.Equal(native, torch.NativeLiveTensorCount);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void CreateAndForget() => _ = torch.ones(2);

    [Fact]
    public void disposing_an_outer_scope_first_ends_the_inner_one_and_frees_both()
    {
        var (managed, _) = Baseline();
        var outer = torch.NewDisposeScope();
        var a = torch.ones(1);
        var inner = torch.NewDisposeScope();
        var b = torch.ones(1);
        outer.Dispose();
        Assert.True(a.IsDisposed);
        Assert.True(b.IsDisposed);
        var after = torch.ones(1); // no scope is current any more: the caller owns it
        Assert.False(after.IsDisposed);
        inner.Dispose();
        Assert.False(after.IsDisposed);
        after.Dispose();
        Assert.Equal(managed, torch.LiveTensorCount);
    }

    [Fact]
    public void counters_return_to_baseline_after_nested_moves_and_detaches()
    {
        var (managed, native) = Baseline();
        Tensor detached;
        using (torch.NewDisposeScope())
        {
            using (torch.NewDisposeScope())
            {
                torch.ones(2).MoveToOuterDisposeScope();
                detached = torch.ones(2).DetachFromDisposeScope();
                torch.ones(2);
            }
            Assert.Equal(managed + 2, torch.LiveTensorCount);
            Assert.Equal(native + 2, torch.NativeLiveTensorCount);
        }
        Assert.Equal(managed + 1, torch.LiveTensorCount);
        detached.Dispose();
        Assert.Equal(managed, torch.LiveTensorCount);
        Assert.Equal(native, torch.NativeLiveTensorCount);
    }

    [Fact]
    public void failed_operations_leave_no_tensor_behind()
    {
        var (managed, native) = Baseline();
        using (torch.NewDisposeScope())
        {
            var a = torch.zeros(2, 3);
            var b = torch.zeros(4, 5);
            for (var i = 0; i < 10; i++)
            {
                Assert.Throws<TorchException>(() => a.matmul(b));
            }
            Assert.Equal(managed + 2, torch.LiveTensorCount);
            Assert.Equal(native + 2, torch.NativeLiveTensorCount);
        }
        Assert.Equal(managed, torch.LiveTensorCount);
        Assert.Equal(native, torch.NativeLiveTensorCount);
    }

    [Fact]
    public void a_safetensors_load_that_fails_part_way_frees_what_it_had_read()
    {
        var directory = Directory.CreateTempSubdirectory("mnas-counters-");
        try
        {
            // "a" is valid, "b" claims 3 floats but has 4 bytes.
            var path = Path.Combine(directory.FullName, "partial.safetensors");
            SafetensorsFile.Write(path,
                """{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},"b":{"dtype":"F32","shape":[3],"data_offsets":[4,8]}}""",
                new byte[8]);
            var (managed, native) = Baseline();
            Assert.Throws<InvalidDataException>(() => Safetensors.Load(path));
            Assert.Equal(managed, torch.LiveTensorCount);
            Assert.Equal(native, torch.NativeLiveTensorCount);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
