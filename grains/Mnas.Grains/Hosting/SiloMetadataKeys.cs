namespace Mnas.Grains.Hosting;

/// <summary>What each silo advertises of itself in the cluster's membership.</summary>
public static class SiloMetadataKeys
{
    public const string Role = "mnas.role";
    public const string DeviceClass = "mnas.device_class";
    public const string Device = "mnas.device";
    public const string Slots = "mnas.slots";
}
