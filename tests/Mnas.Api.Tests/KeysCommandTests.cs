using System.Net;
using Mnas.Api.Security;
using Mnas.Store.Sqlite;

namespace Mnas.Api.Tests;

/// <summary><c>mnas keys create|list|revoke</c> as real processes on the store under data_directory.</summary>
public sealed class KeysCommandTests : IDisposable
{
    private readonly string data = Directory.CreateTempSubdirectory("mnas-keys-").FullName;

    public void Dispose() => Directory.Delete(data, recursive: true);

    private Task<(int ExitCode, string Output)> KeysAsync(params string[] arguments) =>
        MnasCommand.RunAsync("keys", [], [.. arguments, "--set", $"data_directory={data}"]);

    [Fact(Timeout = 120_000)]
    public async Task a_created_key_is_printed_once_listed_without_its_secret_and_refused_once_revoked()
    {
        var (created, createOutput) = await KeysAsync("create", "--name", "alice", "--role", "researcher");
        Assert.True(created == 0, createOutput);
        var plaintext = createOutput.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith(ApiKeyText.Prefix, StringComparison.Ordinal));
        Assert.Contains("not shown again", createOutput);
        Assert.True(ApiKeyText.TryParse(plaintext, out var id, out var secret));

        var (listed, listOutput) = await KeysAsync("list");
        Assert.Equal(0, listed);
        Assert.Contains($"{id}\talice\tresearcher\t", listOutput);
        Assert.DoesNotContain(secret, listOutput);

        await using (var store = SqliteCampaignStore.InDirectory(data))
        {
            Assert.NotNull(await ApiKeys.VerifyAsync(store, plaintext));
        }

        var (revoked, revokeOutput) = await KeysAsync("revoke", id);
        Assert.True(revoked == 0, revokeOutput);
        await using (var store = SqliteCampaignStore.InDirectory(data))
        {
            Assert.Null(await ApiKeys.VerifyAsync(store, plaintext));
            Assert.True((await store.GetApiKeyAsync(id))!.Revoked);
        }
    }

    [Fact(Timeout = 120_000)]
    public async Task a_bad_role_or_an_unknown_key_is_named_and_exits_2()
    {
        var (badRole, roleOutput) = await KeysAsync("create", "--name", "x", "--role", "admin");
        var (unknown, unknownOutput) = await KeysAsync("revoke", "ffffffffffff");

        Assert.Equal(2, badRole);
        Assert.Contains("--role: must be operator or researcher (got 'admin')", roleOutput);
        Assert.Equal(2, unknown);
        Assert.Contains("no key with id 'ffffffffffff'", unknownOutput);
    }
}
