using Mnas.Torch;

namespace Mnas.Workers.Tests;

/// <summary>A test that needs a CUDA device: skipped, saying so, where this libtorch sees none.</summary>
public sealed class CudaFactAttribute : FactAttribute
{
    public CudaFactAttribute()
    {
        if (!torch.cuda.is_available())
        {
            Skip = "this libtorch sees no CUDA device (a CPU-only build, or no GPU)";
        }
    }
}
