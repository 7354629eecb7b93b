namespace Mnas.Grains.Hosting;

/// <summary>What a silo hosts: campaigns and the directory (controller), workers (worker), or both (embedded).</summary>
public enum SiloRole
{
    Embedded,
    Controller,
    Worker,
}
