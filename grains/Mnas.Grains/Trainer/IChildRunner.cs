using Mnas.Grains.Contracts;

namespace Mnas.Grains.Trainer;

/// <summary>What a trainer does with one request: the real worker pipeline, or a stand-in where training cannot run.</summary>
public interface IChildRunner
{
    Task<ChildEvaluated> RunAsync(TrainChild request, CancellationToken cancellation);
}
