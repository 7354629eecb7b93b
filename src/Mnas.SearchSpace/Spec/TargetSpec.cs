using Mnas.SearchSpace.Architectures;

namespace Mnas.SearchSpace.Spec;

/// <summary>
/// What the searched network is for: its input shape and class count (defaults: ImageNet's 3×224×224, 1000), and the
/// class of device its latency is measured on (<c>device_class</c>, as workers advertise it; none: any worker's).
/// </summary>
public sealed record TargetSpec
{
    public InputShape Input { get; init; } = BuiltinArchitectures.ImageNetInput;

    public int Classes { get; init; } = BuiltinArchitectures.ImageNetClasses;

    public string? DeviceClass { get; init; }
}
