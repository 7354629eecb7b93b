namespace Mnas.Costs.Admission;

/// <summary>
/// The largest child a campaign may ask workers to build (settings <c>limits.max_child_params</c>,
/// <c>limits.max_child_macs</c>, <c>limits.max_child_activation_bytes</c>). The defaults leave room for spaces well
/// beyond MnasNet's (its largest child: about 14 million parameters and 1.7 G multiply-adds at 224×224) and refuse
/// the ones no worker could hold.
/// </summary>
public sealed record ChildResourceLimits
{
    public const string MaxParamsSetting = "limits.max_child_params";
    public const string MaxMacsSetting = "limits.max_child_macs";
    public const string MaxActivationBytesSetting = "limits.max_child_activation_bytes";

    /// <summary>Parameters of the largest child at either view; 200 million (800 MB of float32 weights).</summary>
    public long MaxParams { get; init; } = 200_000_000;

    /// <summary>Multiply-adds of one image through the largest child at either view; 50 G.</summary>
    public long MaxMacs { get; init; } = 50_000_000_000;

    /// <summary>
    /// Peak live activation bytes: of one image at the target view, and of one training batch
    /// (<c>proxy.batch_size</c> images) at the proxy view; 8 GiB.
    /// </summary>
    public long MaxActivationBytes { get; init; } = 8L << 30;
}
