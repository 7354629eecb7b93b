using System.Globalization;
using System.Text.Json;
using Mnas.Torch;
using Mnas.Torch.Optim;
using Mnas.Torch.Serialization;
using Mnas.Workers.Training;

namespace Mnas.Workers.Supernet;

/// <summary>Saving a DNAS search after an epoch, and restoring it to go on exactly where it stopped.</summary>
public sealed partial class DnasSearch
{
    /// <summary>
    /// The whole state after the last epoch, as bytes (safetensors: the supernet's weights and batch-norm statistics, θ,
    /// both optimisers' state; the epoch count and the schedule's step as metadata).
    /// </summary>
    public byte[] SaveState()
    {
        var tensors = new Dictionary<string, Tensor>(StringComparer.Ordinal) { [ThetaName] = Theta };
        if (ThetaWidths is not null)
        {
            tensors[ThetaWidthsName] = ThetaWidths;
        }
        if (ThetaResolutions is not null)
        {
            tensors[ThetaResolutionsName] = ThetaResolutions;
        }
        foreach (var (name, value) in Network.state_dict())
        {
            tensors[NetworkPrefix + name] = value;
        }
        using var weightState = weightOptimizer.state_dict();
        using var thetaState = thetaOptimizer.state_dict();
        OptimizerTensors.Add(tensors, WeightOptimizerPrefix, weightState);
        OptimizerTensors.Add(tensors, ThetaOptimizerPrefix, thetaState);
        var metadata = new DnasState(DnasState.CurrentFormat, Signature(Space, Widths, Resolutions), EpochsDone, schedule?.Step ?? 0, ScheduleLength(schedule),
            thetaState.Parameters[0].Step);
        return Safetensors.Serialize(tensors, new Dictionary<string, string> { [DnasState.MetadataKey] = JsonSerializer.Serialize(metadata) });
    }

    /// <summary>
    /// The search a <see cref="SaveState"/> describes, going on where it stopped; the space (and the resolutions, when
    /// searched) must be the ones it was saved with.
    /// </summary>
    public static DnasSearch Restore(SupernetSpace space, SupernetLatency latency, DnasOptions options, TrainingOptions recipe, byte[] state,
        IReadOnlyList<int>? resolutions = null) =>
        Restore(space, null, resolutions, latency, options, recipe, state);

    /// <summary>A search with a channel search (and a resolution search, when <paramref name="resolutions"/> are given), as <see cref="SaveState"/> left it.</summary>
    public static DnasSearch Restore(WidthSearch widths, SupernetLatency latency, DnasOptions options, TrainingOptions recipe, byte[] state,
        IReadOnlyList<int>? resolutions = null) =>
        Restore(widths.Widest, widths, resolutions, latency, options, recipe, state);

    private static DnasSearch Restore(SupernetSpace space, WidthSearch? widths, IReadOnlyList<int>? resolutions, SupernetLatency latency,
        DnasOptions options, TrainingOptions recipe, byte[] state)
    {
        var tensors = Safetensors.Deserialize(state, "the supernet's state", out var metadata);
        try
        {
            var saved = metadata.TryGetValue(DnasState.MetadataKey, out var json) ? JsonSerializer.Deserialize<DnasState>(json) : null;
            if (saved is null || saved.Format != DnasState.CurrentFormat)
            {
                throw new InvalidDataException($"not a supernet state of format {DnasState.CurrentFormat}");
            }
            var signature = Signature(space, widths, resolutions);
            if (saved.Space != signature)
            {
                throw new InvalidDataException($"the state is of another supernet ({saved.Space}), not this campaign's ({signature})");
            }
            var search = new DnasSearch(space, widths, resolutions, latency, options, recipe);
            try
            {
                search.Load(tensors, saved);
                return search;
            }
            catch
            {
                search.Dispose();
                throw;
            }
        }
        finally
        {
            foreach (var tensor in tensors.Values)
            {
                tensor.Dispose();
            }
        }
    }

    private void Load(IReadOnlyDictionary<string, Tensor> tensors, DnasState saved)
    {
        using var _ = torch.no_grad();
        Network.load_state_dict(tensors.Where(t => t.Key.StartsWith(NetworkPrefix, StringComparison.Ordinal))
            .ToDictionary(t => t.Key[NetworkPrefix.Length..], t => t.Value));
        Theta.copy_(tensors.TryGetValue(ThetaName, out var theta) ? theta : throw new InvalidDataException("the state has no θ"));
        ThetaWidths?.copy_(tensors.TryGetValue(ThetaWidthsName, out var widths) ? widths : throw new InvalidDataException("the state has no width logits"));
        ThetaResolutions?.copy_(tensors.TryGetValue(ThetaResolutionsName, out var resolutions)
            ? resolutions
            : throw new InvalidDataException("the state has no resolution logits"));
        weightOptimizer.load_state_dict(OptimizerTensors.StateOf(tensors, WeightOptimizerPrefix, Network.parameters().Count(), 1, 0));
        thetaOptimizer.load_state_dict(OptimizerTensors.StateOf(tensors, ThetaOptimizerPrefix, ArchitectureParameters().Count, 3, saved.ThetaSteps));
        if (saved.ScheduleLength > 0)
        {
            schedule = torch.optim.lr_scheduler.CosineAnnealingLR(weightOptimizer, saved.ScheduleLength);
            for (var step = 0L; step < saved.ScheduleStep; step++)
            {
                schedule.step();
            }
        }
        EpochsDone = saved.EpochsDone;
    }

    private static long ScheduleLength(CosineAnnealingLR? schedule) => schedule?.Length ?? 0;

    /// <summary>The candidates, the positions' shapes, the widths and the resolutions: a state fits only the supernet it was saved from.</summary>
    private static string Signature(SupernetSpace space, WidthSearch? widths, IReadOnlyList<int>? resolutions) =>
        space.Signature +
        (widths is null ? "" : "|widths " + string.Join(",", widths.Multipliers.Select(m => m.ToString(CultureInfo.InvariantCulture)))) +
        (resolutions is null ? "" : "|resolutions " + string.Join(",", resolutions.Select(r => r.ToString(CultureInfo.InvariantCulture))));

    private long EpochSeed(int epoch) => unchecked((recipe.Seed * 1_000_003) + epoch);

    private const string ThetaName = "theta";
    private const string ThetaWidthsName = "theta_widths";
    private const string ThetaResolutionsName = "theta_resolutions";
    private const string NetworkPrefix = "net.";
    private const string WeightOptimizerPrefix = "sgd.";
    private const string ThetaOptimizerPrefix = "adam.";
}
