using System.Text.Json;

namespace Mnas.SearchSpace.Serialization;

/// <summary>Writes enum members as plain lower case: <c>MBConv</c> → <c>mbconv</c>, <c>ReLU6</c> → <c>relu6</c>.</summary>
internal sealed class LowerCaseNamingPolicy : JsonNamingPolicy
{
    public override string ConvertName(string name) => name.ToLowerInvariant();
}
