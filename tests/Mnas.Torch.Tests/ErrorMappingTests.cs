using System.Runtime.InteropServices;
using Mnas.Torch.Interop;

namespace Mnas.Torch.Tests;

public class ErrorMappingTests
{
    [Fact]
    public void matmul_shape_mismatch_throws_torch_exception_with_libtorch_text()
    {
        using var scope = torch.NewDisposeScope();
        var error = Assert.Throws<TorchException>(() => torch.zeros(2, 3).matmul(torch.zeros(4, 5)));
        Assert.Contains("shapes cannot be multiplied (2x3 and 4x5)", error.Message);
    }

    [Fact]
    public void conv2d_with_wrong_input_channels_throws_torch_exception_naming_channels()
    {
        using var scope = torch.NewDisposeScope();
        var error = Assert.Throws<TorchException>(() => torch.nn.functional.conv2d(torch.zeros(1, 4, 8, 8), torch.zeros(8, 3, 3, 3)));
        Assert.Contains("weight of size [8, 3, 3, 3]", error.Message);
        Assert.Contains("to have 3 channels, but got 4 channels", error.Message);
    }

    [Fact]
    public void cat_of_mismatched_shapes_throws_torch_exception_naming_sizes()
    {
        using var scope = torch.NewDisposeScope();
        var error = Assert.Throws<TorchException>(() => torch.cat([torch.zeros(2, 3), torch.zeros(2, 4)], 0));
        Assert.Contains("Sizes of tensors must match", error.Message);
        Assert.Contains("Expected size 3 but got size 4", error.Message);
    }

    [Fact]
    public void other_bad_arguments_also_become_torch_exceptions()
    {
        using var scope = torch.NewDisposeScope();
        Assert.Contains("view", Assert.Throws<TorchException>(() => torch.zeros(2, 3).t().view(6)).Message);
        Assert.Contains("out of range", Assert.Throws<TorchException>(() => torch.zeros(2, 3).select(0, 5)).Message);
        Assert.Contains("index", Assert.Throws<TorchException>(() => torch.zeros(3).index_select(0, torch.tensor(new[] { 7L }))).Message);
        Assert.Contains("a Tensor with 2 elements cannot be converted to Scalar",
            Assert.Throws<TorchException>(() => torch.zeros(2).item<float>()).Message);
    }

    [Fact]
    public void the_library_keeps_working_after_an_error()
    {
        using var scope = torch.NewDisposeScope();
        Assert.Throws<TorchException>(() => torch.zeros(2, 3).matmul(torch.zeros(4, 5)));
        Assert.Equal(IntPtr.Zero, NativeMethods.mnas_last_error());
        var y = torch.ones(2, 3).matmul(torch.ones(3, 2));
        Assert.Equal(new[] { 3f, 3f, 3f, 3f }, y.data<float>());
    }

    [Fact]
    public void an_error_on_one_thread_leaves_no_message_on_another()
    {
        using var a = torch.zeros(2, 3);
        using var b = torch.zeros(4, 5);
        using var failed = new ManualResetEventSlim();
        using var looked = new ManualResetEventSlim();
        IntPtr failedResult = 1, otherThreadError = 1;
        string? failingThreadMessage = null, otherThreadMessage = null;
        var failing = new Thread(() =>
        {
            // Call the shim directly so the message stays pending on this thread.
            failedResult = NativeMethods.mnas_matmul(a.Handle, b.Handle);
            failed.Set();
            looked.Wait();
            failingThreadMessage = Marshal.PtrToStringUTF8(NativeMethods.mnas_last_error());
            NativeMethods.mnas_clear_error();
        });
        var other = new Thread(() =>
        {
            failed.Wait();
            otherThreadError = NativeMethods.mnas_last_error();
            try
            {
                using var inner = torch.NewDisposeScope();
                _ = torch.ones(2).add(torch.ones(2));
                torch.cat([torch.zeros(1, 2), torch.zeros(1, 7)]);
            }
            catch (Exception e)
            {
                otherThreadMessage = $"{e.GetType().Name}: {e.Message}";
            }
            looked.Set();
        });
        failing.Start();
        other.Start();
        Assert.True(failing.Join(TimeSpan.FromSeconds(20)) && other.Join(TimeSpan.FromSeconds(20)));

        Assert.Equal(IntPtr.Zero, failedResult);
        Assert.Equal(IntPtr.Zero, otherThreadError);
        Assert.Contains("(2x3 and 4x5)", failingThreadMessage);
        Assert.StartsWith(nameof(TorchException), otherThreadMessage);
        Assert.Contains("Expected size 2 but got size 7", otherThreadMessage);
        Assert.DoesNotContain("2x3", otherThreadMessage);
    }

    [Fact]
    public void concurrent_errors_each_report_their_own_shapes()
    {
        var messages = new string[8][];
        var threads = Enumerable.Range(0, 8).Select(i => new Thread(() =>
        {
            messages[i] = new string[50];
            using var scope = torch.NewDisposeScope();
            var a = torch.zeros(2, 3);
            var b = torch.zeros(4 + i, 5);
            for (var k = 0; k < 50; k++)
            {
                try
                {
                    a.matmul(b);
                    messages[i][k] = "no error";
                }
                catch (Exception e)
                {
                    messages[i][k] = $"{e.GetType().Name}: {e.Message}";
                }
            }
        })).ToArray();
        foreach (var t in threads)
        {
            t.Start();
        }
        foreach (var t in threads)
        {
            Assert.True(t.Join(TimeSpan.FromSeconds(30)));
        }
        for (var i = 0; i < 8; i++)
        {
            Assert.All(messages[i], m => Assert.StartsWith($"{nameof(TorchException)}: mat1 and mat2 shapes cannot be multiplied (2x3 and {4 + i}x5)", m));
        }
    }

    [Fact]
    public void using_a_disposed_tensor_throws_object_disposed_exception()
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.ones(2);
        var other = torch.ones(2);
        x.Dispose();
        Assert.True(x.IsDisposed);
        Assert.Throws<ObjectDisposedException>(() => x.relu());
        Assert.Throws<ObjectDisposedException>(() => x.data<float>());
        Assert.Throws<ObjectDisposedException>(() => x.shape);
        Assert.Throws<ObjectDisposedException>(() => other.add(x));
        Assert.Throws<ObjectDisposedException>(() => torch.cat([other, x]));
        Assert.Throws<ObjectDisposedException>(() => torch.nn.functional.linear(other, torch.ones(1, 2), x));
        Assert.Equal("tensor(disposed)", x.ToString());
        x.Dispose(); // a second dispose is harmless
        Assert.Equal(new[] { 1f, 1f }, other.data<float>());
    }

    [Fact]
    public void moving_to_cuda_without_cuda_throws_torch_exception()
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.ones(2);
        if (torch.cuda.is_available())
        {
            Assert.StartsWith("cuda", x.to("cuda").device);
            return;
        }
        Assert.Equal(0, torch.cuda.device_count());
        var error = Assert.Throws<TorchException>(() => x.to("cuda"));
        Assert.Contains("cuda", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Throws<TorchException>(() => torch.zeros([2], device: "cuda"));
        Assert.Equal("cpu", x.device);
        Assert.Equal(new[] { 1f, 1f }, x.data<float>());
    }

    [Fact]
    public void an_unknown_device_name_throws_torch_exception()
    {
        using var scope = torch.NewDisposeScope();
        var error = Assert.Throws<TorchException>(() => torch.ones(2).to("gpu0"));
        Assert.Contains("device string", error.Message);
    }
}
