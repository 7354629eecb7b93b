using Mnas.Strategies.Randomness;

namespace Mnas.Strategies.Fbnetv3;

/// <summary>
/// The seeds FBNetV3's random steps draw from, each mixed from the campaign's seed and the step, so that no step's draws
/// depend on how many another made: a resumed search draws the same without saving any generator.
/// </summary>
internal static class StageSeeds
{
    private const ulong PretrainStream = 1;
    private const ulong PredictorStream = 2;
    private const ulong FineStream = 3;

    /// <summary>The random architectures and recipes whose free labels pretrain the predictor.</summary>
    public static Random Pretrain(ulong seed) => new(Int(Mix(seed, PretrainStream)));

    /// <summary>The predictor's weights and minibatch order.</summary>
    public static ulong Predictor(ulong seed) => Mix(seed, PredictorStream);

    /// <summary>The fine stage's mutations.</summary>
    public static ulong Fine(ulong seed) => Mix(seed, FineStream);

    /// <summary>A generator for <see cref="System.Random"/>-taking APIs (the space's and the recipe space's draws) from a 64-bit seed.</summary>
    public static Random Generator(ulong seed) => new(Int(new SplitMix64(seed).Next()));

    private static ulong Mix(ulong seed, ulong stream) => new SplitMix64(seed ^ unchecked(stream * 0xD1B54A32D192ED03UL)).Next();

    private static int Int(ulong word) => (int)(word >> 33);
}
