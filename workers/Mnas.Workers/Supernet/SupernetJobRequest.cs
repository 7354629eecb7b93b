using Mnas.SearchSpace.Spec;

namespace Mnas.Workers.Supernet;

/// <summary>
/// What a supernet job is asked: the campaign's spec, the candidate names, the search's options, the seed of the final
/// sampling, a state to go on from, the width multipliers of FBNetV2's channel search and the input sub-sampling factors
/// of its resolution search (none: not searched; neither: FBNet's search), and with the options of a single-path
/// supernet, a BN-NAS job (<see cref="BnNasJob"/>) instead.
/// </summary>
public sealed record SupernetJobRequest(
    CampaignSpec Spec,
    IReadOnlyList<string> Candidates,
    DnasOptions Options,
    int SampleSeed = 0,
    byte[]? ResumeState = null,
    IReadOnlyList<double>? Widths = null,
    IReadOnlyList<int>? Resolutions = null,
    SposOptions? Spos = null);
