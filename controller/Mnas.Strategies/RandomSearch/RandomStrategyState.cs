using System.Text.Json;

namespace Mnas.Strategies.RandomSearch;

/// <summary>Random search's whole state, as UTF-8 JSON: its generator's four words and how many results it has seen.</summary>
internal sealed record RandomStrategyState(ulong[] Rng, long Results)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public byte[] ToBytes() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    public static RandomStrategyState FromBytes(byte[] bytes)
    {
        try
        {
            return JsonSerializer.Deserialize<RandomStrategyState>(bytes, Json) ?? throw new InvalidDataException("the random search state is empty");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"not a random search state ({e.Message})", e);
        }
    }
}
