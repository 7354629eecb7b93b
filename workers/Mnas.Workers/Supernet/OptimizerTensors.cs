using System.Globalization;
using Mnas.Torch;
using Mnas.Torch.Optim;

namespace Mnas.Workers.Supernet;

/// <summary>An optimiser's state as named tensors (<c>{prefix}{parameter}.{slot}</c>) for a safetensors file, and back.</summary>
internal static class OptimizerTensors
{
    /// <summary>Adds every state tensor the optimiser holds; the tensors stay the state's.</summary>
    public static void Add(Dictionary<string, Tensor> tensors, string prefix, OptimizerState state)
    {
        for (var p = 0; p < state.Parameters.Count; p++)
        {
            for (var slot = 0; slot < state.Parameters[p].Slots.Count; slot++)
            {
                if (state.Parameters[p].Slots[slot] is { } value)
                {
                    tensors[Name(prefix, p, slot)] = value;
                }
            }
        }
    }

    /// <summary>The optimiser state saved under the prefix (the tensors stay the caller's: the optimiser copies them).</summary>
    public static OptimizerState StateOf(IReadOnlyDictionary<string, Tensor> tensors, string prefix, int parameters, int slots, long step) =>
        new(Enumerable.Range(0, parameters).Select(p => new OptimizerParameterState(step, Enumerable.Range(0, slots)
            .Select(slot => tensors.GetValueOrDefault(Name(prefix, p, slot))).ToArray())).ToList());

    private static string Name(string prefix, int parameter, int slot) => string.Create(CultureInfo.InvariantCulture, $"{prefix}{parameter}.{slot}");
}
