using Mnas.Torch;

namespace Mnas.Api.Tests;

/// <summary>A test of what a CPU-only libtorch does: skipped, saying so, where this libtorch sees a CUDA device.</summary>
public sealed class CpuOnlyFactAttribute : FactAttribute
{
    public CpuOnlyFactAttribute()
    {
        if (torch.cuda.is_available())
        {
            Skip = "this libtorch sees a CUDA device";
        }
    }
}
