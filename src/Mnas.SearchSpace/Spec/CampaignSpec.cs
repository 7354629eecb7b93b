namespace Mnas.SearchSpace.Spec;

/// <summary>
/// Everything a search campaign is, as data: the search space's choice lists, the skeleton they apply to, the
/// target the final network is for, the proxy task children train on, the reward, and the differentiable search's supernet (§2, §3). Every field has a default,
/// and the defaults are MnasNet's complete space over MobileNetV2's skeleton (see /work/shared/docs/nas-methods.md §1),
/// so a spec file need only name what it changes. Files use snake_case keys; see <see cref="CampaignSpecLoader"/>.
/// </summary>
public sealed record CampaignSpec
{
    public string Name { get; init; } = "mnasnet";

    public SearchSpaceSpec SearchSpace { get; init; } = new();

    public SkeletonSpec Skeleton { get; init; } = new();

    public TargetSpec Target { get; init; } = new();

    public ProxySpec Proxy { get; init; } = new();

    public RewardSpec Reward { get; init; } = new();

    /// <summary>The differentiable search's settings, read by <c>fbnet</c> and <c>fbnetv2</c> campaigns only.</summary>
    public DnasSpec Dnas { get; init; } = new();

    /// <summary>BN-NAS's settings (single-path supernet, BN indicator, evolution), read by <c>bn-nas</c> campaigns only.</summary>
    public BnNasSpec Bnnas { get; init; } = new();

    /// <summary>FBNetV3's settings (recipe space, predictor, coarse and fine stages, constraints), read by <c>fbnetv3</c> campaigns only.</summary>
    public Fbnetv3Spec Fbnetv3 { get; init; } = new();

    /// <summary>MemNAS's settings (first base network, rounds, top k, patience, the ranking controller), read by <c>memnas</c> campaigns only.</summary>
    public MemnasSpec Memnas { get; init; } = new();
}
