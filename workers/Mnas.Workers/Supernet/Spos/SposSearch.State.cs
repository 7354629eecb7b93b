using System.Text.Json;
using Mnas.Torch;
using Mnas.Torch.Serialization;
using Mnas.Workers.Training;

namespace Mnas.Workers.Supernet;

/// <summary>Saving a single-path supernet after an epoch, and restoring it to go on exactly where it stopped.</summary>
public sealed partial class SposSearch
{
    /// <summary>
    /// The whole state after the last epoch, as bytes (safetensors: the supernet's weights and batch-norm statistics and
    /// the SGD state of what it trains; the space, the training mode, the epoch count and the schedule's step as metadata).
    /// </summary>
    public byte[] SaveState()
    {
        var tensors = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        foreach (var (name, value) in Network.state_dict())
        {
            tensors[NetworkPrefix + name] = value;
        }
        using var optimizerState = optimizer.state_dict();
        OptimizerTensors.Add(tensors, OptimizerPrefix, optimizerState);
        var metadata = new SposState(SposState.CurrentFormat, Space.Signature, options.Training.ToString(), EpochsDone, schedule?.Step ?? 0,
            schedule?.Length ?? 0);
        return Safetensors.Serialize(tensors, new Dictionary<string, string> { [SposState.MetadataKey] = JsonSerializer.Serialize(metadata) });
    }

    /// <summary>
    /// The search a <see cref="SaveState"/> describes, going on where it stopped; the space and the training mode must be
    /// the ones it was saved with. The ranking distance of its next epoch is measured from the restored scores.
    /// </summary>
    public static SposSearch Restore(SupernetSpace space, SposOptions options, TrainingOptions recipe, byte[] state)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(options);
        var tensors = Safetensors.Deserialize(state, "the supernet's state", out var metadata);
        try
        {
            var saved = metadata.TryGetValue(SposState.MetadataKey, out var json) ? JsonSerializer.Deserialize<SposState>(json) : null;
            if (saved is null || saved.Format != SposState.CurrentFormat)
            {
                throw new InvalidDataException($"not a single-path supernet state of format {SposState.CurrentFormat}");
            }
            var signature = space.Signature;
            if (saved.Space != signature)
            {
                throw new InvalidDataException($"the state is of another supernet ({saved.Space}), not this campaign's ({signature})");
            }
            if (saved.Training != options.Training.ToString())
            {
                throw new InvalidDataException($"the state is of a supernet trained {saved.Training}, not {options.Training} as this search trains");
            }
            var search = new SposSearch(space, options, recipe);
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

    private void Load(IReadOnlyDictionary<string, Tensor> tensors, SposState saved)
    {
        using (torch.no_grad())
        {
            Network.load_state_dict(tensors.Where(t => t.Key.StartsWith(NetworkPrefix, StringComparison.Ordinal))
                .ToDictionary(t => t.Key[NetworkPrefix.Length..], t => t.Value));
        }
        optimizer.load_state_dict(OptimizerTensors.StateOf(tensors, OptimizerPrefix, trained.Length, 1, 0));
        if (saved.ScheduleLength > 0)
        {
            schedule = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, saved.ScheduleLength);
            for (var step = 0L; step < saved.ScheduleStep; step++)
            {
                schedule.step();
            }
        }
        EpochsDone = saved.EpochsDone;
        previousScores = Scores();
    }

    private const string NetworkPrefix = "net.";
    private const string OptimizerPrefix = "sgd.";
}
