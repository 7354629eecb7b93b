namespace Mnas.Torch.Serialization;

/// <summary>The safetensors names of the element types the engine stores.</summary>
internal static class SafetensorsDType
{
    private static readonly Dictionary<ScalarType, (string Name, int Size)> ByType = new()
    {
        [ScalarType.Float32] = ("F32", 4),
        [ScalarType.Float64] = ("F64", 8),
        [ScalarType.Int64] = ("I64", 8),
        [ScalarType.Int32] = ("I32", 4),
        [ScalarType.Byte] = ("U8", 1),
        [ScalarType.Bool] = ("BOOL", 1),
    };

    public static string Name(ScalarType type) =>
        ByType.TryGetValue(type, out var entry) ? entry.Name : throw new NotSupportedException($"safetensors cannot store {type}");

    public static int Size(ScalarType type) => ByType[type].Size;

    public static bool TryParse(string name, out ScalarType type)
    {
        foreach (var (key, value) in ByType)
        {
            if (value.Name == name)
            {
                type = key;
                return true;
            }
        }
        type = default;
        return false;
    }
}
