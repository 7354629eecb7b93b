namespace Mnas.Torch.Tests;

public class DisposeScopeTests
{
    [Fact]
    public void tensors_created_in_a_scope_are_disposed_at_its_end()
    {
        Tensor a, b, c;
        using (var scope = torch.NewDisposeScope())
        {
            a = torch.ones(2);
            b = a.add(1);
            c = b.reshape(2, 1);
            Assert.Equal(3, scope.Count);
            Assert.False(a.IsDisposed || b.IsDisposed || c.IsDisposed);
        }
        Assert.True(a.IsDisposed);
        Assert.True(b.IsDisposed);
        Assert.True(c.IsDisposed);
    }

    [Fact]
    public void a_tensor_disposed_early_leaves_its_scope()
    {
        using var scope = torch.NewDisposeScope();
        var a = torch.ones(2);
        var b = torch.ones(2);
        a.Dispose();
        Assert.Equal(1, scope.Count);
        Assert.False(b.IsDisposed);
    }

    [Fact]
    public void move_to_outer_survives_the_inner_scope_and_is_freed_by_the_outer()
    {
        Tensor kept, dropped;
        using (var outer = torch.NewDisposeScope())
        {
            using (var inner = torch.NewDisposeScope())
            {
                Assert.Same(outer, inner.Outer);
                kept = torch.full([2], 4).MoveToOuterDisposeScope();
                dropped = torch.ones(2);
                Assert.Equal(1, inner.Count);
            }
            Assert.True(dropped.IsDisposed);
            Assert.False(kept.IsDisposed);
            Assert.Equal(new[] { 4f, 4f }, kept.data<float>());
            Assert.Equal(1, outer.Count);
        }
        Assert.True(kept.IsDisposed);
    }

    [Fact]
    public void scope_move_to_outer_returns_the_same_tensor()
    {
        Tensor kept;
        using (var outer = torch.NewDisposeScope())
        {
            using (var inner = torch.NewDisposeScope())
            {
                var t = torch.ones(1);
                kept = inner.MoveToOuter(t);
                Assert.Same(t, kept);
            }
            Assert.False(kept.IsDisposed);
        }
        Assert.True(kept.IsDisposed);
    }

    [Fact]
    public void move_to_outer_from_the_outermost_scope_hands_ownership_to_the_caller()
    {
        Tensor kept;
        using (torch.NewDisposeScope())
        {
            kept = torch.ones(1).MoveToOuterDisposeScope();
        }
        Assert.False(kept.IsDisposed);
        kept.Dispose();
    }

    [Fact]
    public void detach_from_dispose_scope_survives_every_scope()
    {
        Tensor detached;
        using (torch.NewDisposeScope())
        {
            using (torch.NewDisposeScope())
            {
                detached = torch.full([1], 9).DetachFromDisposeScope();
            }
            Assert.False(detached.IsDisposed);
        }
        Assert.False(detached.IsDisposed);
        Assert.Equal(9f, detached.item<float>());
        detached.Dispose();
        Assert.True(detached.IsDisposed);
    }

    [Fact]
    public void nested_scopes_free_their_own_tensors_in_order()
    {
        using var outer = torch.NewDisposeScope();
        var fromOuter = torch.ones(1);
        Tensor fromInner;
        using (var inner = torch.NewDisposeScope())
        {
            fromInner = torch.ones(1);
            var fromInnermost = default(Tensor);
            using (torch.NewDisposeScope())
            {
                fromInnermost = torch.ones(1);
            }
            Assert.True(fromInnermost.IsDisposed);
            Assert.False(fromInner.IsDisposed);
            // after the innermost scope ends, new tensors go to its parent again
            var again = torch.ones(1);
            Assert.Equal(2, inner.Count);
            Assert.False(again.IsDisposed);
        }
        Assert.True(fromInner.IsDisposed);
        Assert.False(fromOuter.IsDisposed);
        Assert.Equal(1, outer.Count);
    }

    [Fact]
    public void tensors_created_outside_any_scope_are_not_collected_by_a_later_scope()
    {
        var outside = torch.ones(1);
        using (torch.NewDisposeScope())
        {
            _ = outside.add(1);
        }
        Assert.False(outside.IsDisposed);
        outside.Dispose();
    }

    [Fact]
    public void scopes_belong_to_their_thread()
    {
        using var scope = torch.NewDisposeScope();
        Tensor? fromOtherThread = null;
        var thread = new Thread(() => fromOtherThread = torch.ones(1));
        thread.Start();
        thread.Join();
        Assert.Equal(0, scope.Count);
        Assert.False(fromOtherThread!.IsDisposed);
        fromOtherThread.Dispose();
    }
}
