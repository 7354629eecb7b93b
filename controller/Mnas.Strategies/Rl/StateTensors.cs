using Mnas.Strategies.Serialization;
using Mnas.Torch;

namespace Mnas.Strategies.Rl;

/// <summary>Copies saved arrays back into live tensors, checking names and shapes.</summary>
internal static class StateTensors
{
    public static void CopyInto(Tensor target, IReadOnlyDictionary<string, NamedArray> arrays, string name)
    {
        if (!arrays.TryGetValue(name, out var array))
        {
            throw new InvalidDataException($"the state has no array '{name}'");
        }

        if (!array.Shape.SequenceEqual(target.shape))
        {
            throw new InvalidDataException(
                $"'{name}' has shape [{string.Join(", ", array.Shape)}] in the state but [{string.Join(", ", target.shape)}] here");
        }

        using var noGrad = torch.no_grad();
        using var source = torch.tensor(array.Data, array.Shape);
        target.copy_(source);
    }
}
