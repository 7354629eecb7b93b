using System.Security.Cryptography;
using Mnas.Campaigns;

namespace Mnas.Store.Tests.Conformance;

public abstract partial class CampaignStoreConformance
{
    protected static ApiKey NewApiKey(string id = "0123456789ab", ApiRole role = ApiRole.Researcher) =>
        new(id, $"key {id} ✓", role, SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(id)), T0.AddSeconds(id.Length));

    protected static void AssertSameKey(ApiKey expected, ApiKey? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.SecretHash, actual.SecretHash);
        Assert.Equal(expected with { SecretHash = [] }, actual with { SecretHash = [] });
        AssertSameTime(expected.CreatedAt, actual.CreatedAt);
        if (expected.RevokedAt is { } revoked)
        {
            AssertSameTime(revoked, actual.RevokedAt!.Value);
        }
    }

    [Fact]
    public async Task a_created_api_key_reads_back_field_for_field()
    {
        var key = NewApiKey(role: ApiRole.Operator) with { CreatedAt = T0.ToOffset(TimeSpan.FromHours(-7)) };

        await Store.CreateApiKeyAsync(key);

        AssertSameKey(key, await Store.GetApiKeyAsync(key.Id));
        Assert.Null(await Store.GetApiKeyAsync("ffffffffffff"));
    }

    [Fact]
    public async Task api_keys_are_listed_in_creation_order_revoked_ones_included()
    {
        await Store.CreateApiKeyAsync(NewApiKey("bbbbbbbbbbbb"));
        await Store.CreateApiKeyAsync(NewApiKey("aaaaaaaaaaaa", ApiRole.Operator));
        await Store.RevokeApiKeyAsync("bbbbbbbbbbbb", T0.AddDays(1));

        var listed = await Store.ListApiKeysAsync();

        Assert.Equal(["bbbbbbbbbbbb", "aaaaaaaaaaaa"], listed.Select(k => k.Id));
        Assert.True(listed[0].Revoked);
        AssertSameKey(NewApiKey("aaaaaaaaaaaa", ApiRole.Operator), listed[1]);
    }

    [Fact]
    public async Task a_duplicate_api_key_id_is_refused_and_the_first_is_kept()
    {
        var first = NewApiKey();
        await Store.CreateApiKeyAsync(first);

        var error = await Assert.ThrowsAsync<DuplicateApiKeyException>(() => Store.CreateApiKeyAsync(first with { Name = "second" }));

        Assert.Equal(first.Id, error.KeyId);
        AssertSameKey(first, Assert.Single(await Store.ListApiKeysAsync()));
    }

    [Fact]
    public async Task revoking_a_key_keeps_its_first_revocation_time_and_an_unknown_key_revokes_as_null()
    {
        await Store.CreateApiKeyAsync(NewApiKey());
        var at = T0.AddHours(3).ToOffset(TimeSpan.FromHours(5.5));

        var revoked = await Store.RevokeApiKeyAsync("0123456789ab", at);
        var again = await Store.RevokeApiKeyAsync("0123456789ab", at.AddDays(1));

        AssertSameKey(NewApiKey() with { RevokedAt = at }, revoked);
        AssertSameKey(NewApiKey() with { RevokedAt = at }, again);
        AssertSameKey(NewApiKey() with { RevokedAt = at }, await Store.GetApiKeyAsync("0123456789ab"));
        Assert.Null(await Store.RevokeApiKeyAsync("ffffffffffff", at));
    }

    public static TheoryData<string, ApiKey?> BadApiKeys => new()
    {
        { "key", null },
        { "key.Id", NewApiKey() with { Id = null! } },
        { "key.Id", NewApiKey() with { Id = " " } },
        { "key.Name", NewApiKey() with { Name = null! } },
        { "key.Name", NewApiKey() with { Name = "" } },
        { "key.Role", NewApiKey() with { Role = (ApiRole)7 } },
        { "key.SecretHash", NewApiKey() with { SecretHash = null! } },
        { "key.SecretHash", NewApiKey() with { SecretHash = new byte[31] } },
    };

    [Theory]
    [MemberData(nameof(BadApiKeys))]
    public async Task bad_api_keys_are_refused_naming_the_field_and_nothing_is_written(string field, ApiKey? key)
    {
        await AssertRefusedAsync(field, () => Store.CreateApiKeyAsync(key!));

        Assert.Empty(await Store.ListApiKeysAsync());
    }

    [Fact]
    public async Task key_lookups_with_an_empty_id_are_refused_naming_the_key_id()
    {
        await AssertRefusedAsync("keyId", () => Store.GetApiKeyAsync(""));
        await AssertRefusedAsync("keyId", () => Store.RevokeApiKeyAsync(null!, T0));
    }
}
