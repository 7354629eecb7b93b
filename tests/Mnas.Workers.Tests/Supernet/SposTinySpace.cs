using Mnas.SearchSpace.Supernet;
using Mnas.Workers.Supernet;
using Mnas.Workers.Training;

namespace Mnas.Workers.Tests.Supernet;

/// <summary>The tiny supernet's frame over FBNet's candidates less skip, which BN-NAS cannot score; and a recipe for it.</summary>
internal static class SposTinySpace
{
    public static readonly TrainingOptions Recipe = new() { LearningRate = 0.05, Seed = 3, Threads = 2 };

    public static SupernetSpace Space() =>
        new(TinySupernet.Frame, SupernetCandidate.DefaultNames.Where(n => n != SupernetCandidate.SkipName).Select(SupernetCandidate.Parse).ToList());

    /// <summary>A few steps per epoch: 128 training images in batches of 32.</summary>
    public static SyntheticData Data() => new(128, 32, 32);
}
