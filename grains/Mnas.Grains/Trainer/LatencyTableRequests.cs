using Mnas.Grains.Contracts;
using Mnas.SearchSpace.Architectures;

namespace Mnas.Grains.Trainer;

/// <summary>What a <see cref="ChildJob.LatencyTable"/> job asks, as a worker takes it.</summary>
public static class LatencyTableRequests
{
    /// <summary>The job's architectures and the operator keys to time; a job without either is refused naming the field.</summary>
    public static (IReadOnlyList<Architecture> Architectures, IReadOnlyList<string> Keys) Read(TrainChild request)
    {
        if (request.OperatorKeys is not { Count: > 0 } keys)
        {
            throw new ArgumentException("operator_keys: a latency table job names the operators to time", nameof(request));
        }
        if (request.Architectures is not { Count: > 0 } architectures)
        {
            throw new ArgumentException("architectures: a latency table job carries the architectures that hold its operators", nameof(request));
        }
        return (architectures.Select(json => ArchitectureFile.FromJson(json)).ToList(), keys);
    }
}
