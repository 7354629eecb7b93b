using Mnas.SearchSpace.Spec;

namespace Mnas.Workers.Supernet;

/// <summary>What a supernet job is asked: the campaign's spec, the candidate names, the search's options, the seed of the final sampling, and a state to go on from.</summary>
public sealed record SupernetJobRequest(CampaignSpec Spec, IReadOnlyList<string> Candidates, DnasOptions Options, int SampleSeed = 0, byte[]? ResumeState = null);
