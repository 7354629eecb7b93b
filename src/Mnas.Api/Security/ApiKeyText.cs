using System.Buffers.Text;
using System.Security.Cryptography;

namespace Mnas.Api.Security;

/// <summary>
/// The text of an API key, <c>mnas_&lt;id&gt;_&lt;secret&gt;</c>: the id is 12 lowercase hex digits (it names the key in the
/// store and as the owner of the campaigns it creates), the secret 32 random bytes as 43 base64url characters.
/// </summary>
public static class ApiKeyText
{
    public const string Prefix = "mnas_";
    public const int IdLength = 12;
    public const int SecretLength = 43;
    public const int Length = 5 + IdLength + 1 + SecretLength;

    private const int SecretBytes = 32;
    private const int IdBytes = IdLength / 2;

    public static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(IdBytes));

    public static string NewSecret() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SecretBytes));

    public static string Format(string id, string secret) => $"{Prefix}{id}_{secret}";

    /// <summary>The id and secret of <paramref name="text"/>, or false when it is not shaped like a key (the secret's alphabet holds '_', so it splits by position).</summary>
    public static bool TryParse(string? text, out string id, out string secret)
    {
        (id, secret) = ("", "");
        if (text is not { Length: Length } || !text.StartsWith(Prefix, StringComparison.Ordinal) || text[Prefix.Length + IdLength] != '_')
        {
            return false;
        }

        var idPart = text.Substring(Prefix.Length, IdLength);
        var secretPart = text[(Prefix.Length + IdLength + 1)..];
        if (!idPart.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f') || !Base64Url.IsValid(secretPart))
        {
            return false;
        }

        (id, secret) = (idPart, secretPart);
        return true;
    }
}
