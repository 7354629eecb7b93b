using System.CommandLine;
using System.Globalization;
using Mnas.Api.Security;
using Role = Mnas.Campaigns.ApiRole;

namespace Mnas.Host.Commands;

/// <summary>
/// <c>mnas keys create|list|revoke</c>: the API keys of the store the settings name (the one <c>mnas api</c> and
/// <c>mnas serve</c> check keys against, under <c>data_directory</c> for SQLite). A key's text is printed once, at creation.
/// </summary>
internal static class KeysCommand
{
    public static Command Create()
    {
        var command = new Command("keys", "Create, list and revoke the HTTP API's keys");
        command.Subcommands.Add(CreateKey());
        command.Subcommands.Add(ListKeys());
        command.Subcommands.Add(RevokeKey());
        return command;
    }

    private static Command CreateKey()
    {
        var name = new Option<string>("--name") { Description = "what the key is for (who holds it)", Required = true };
        var role = new Option<string>("--role") { Description = "operator (everything) or researcher (its own campaigns)", Required = true };
        var settingsOptions = new SettingsOptions();
        var command = new Command("create", "Create a key and print it, once") { name, role };
        settingsOptions.AddTo(command);
        command.SetAction((result, cancellation) => CommandErrors.RunAsync(async () =>
        {
            var parsedRole = ParseRole(result.GetValue(role)!);
            await using var store = await OpenStoreAsync(settingsOptions, result, cancellation);
            var (key, plaintext) = await ApiKeys.CreateAsync(store, result.GetValue(name)!, parsedRole, cancellation: cancellation);
            Console.WriteLine(plaintext);
            Console.Error.WriteLine($"key {key.Id} ({Describe(key.Role)}) created: keep it now, it is not shown again");
            return 0;
        }));
        return command;
    }

    private static Command ListKeys()
    {
        var settingsOptions = new SettingsOptions();
        var command = new Command("list", "List the keys: id, name, role, created, revoked (never their secrets)");
        settingsOptions.AddTo(command);
        command.SetAction((result, cancellation) => CommandErrors.RunAsync(async () =>
        {
            await using var store = await OpenStoreAsync(settingsOptions, result, cancellation);
            Console.WriteLine("id\tname\trole\tcreated\trevoked");
            foreach (var key in await store.ListApiKeysAsync(cancellation))
            {
                Console.WriteLine(string.Join('\t', key.Id, key.Name, Describe(key.Role), Time(key.CreatedAt), key.RevokedAt is { } at ? Time(at) : "-"));
            }

            return 0;
        }));
        return command;
    }

    private static Command RevokeKey()
    {
        var id = new Argument<string>("id") { Description = "the key's id (12 hex digits, as keys list shows it)" };
        var settingsOptions = new SettingsOptions();
        var command = new Command("revoke", "Revoke a key: requests presenting it are refused from now on") { id };
        settingsOptions.AddTo(command);
        command.SetAction((result, cancellation) => CommandErrors.RunAsync(async () =>
        {
            await using var store = await OpenStoreAsync(settingsOptions, result, cancellation);
            var keyId = result.GetValue(id)!;
            var revoked = await store.RevokeApiKeyAsync(keyId, DateTimeOffset.UtcNow, cancellation)
                ?? throw new ArgumentException($"keys revoke: no key with id '{keyId}'");
            Console.WriteLine($"key {revoked.Id} ({revoked.Name}) revoked at {Time(revoked.RevokedAt!.Value)}");
            return 0;
        }));
        return command;
    }

    private static async Task<Mnas.Store.ICampaignStore> OpenStoreAsync(SettingsOptions settingsOptions, ParseResult result, CancellationToken cancellation)
    {
        var settings = settingsOptions.Load(result);
        return await CampaignSession.OpenStoreAsync(settings, settings.Runtime.DataDirectory, cancellation);
    }

    private static Role ParseRole(string role) => role switch
    {
        "operator" => Role.Operator,
        "researcher" => Role.Researcher,
        _ => throw new ArgumentException($"--role: must be operator or researcher (got '{role}')"),
    };

    private static string Describe(Role role) => ApiPolicies.RoleName(role);

    private static string Time(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
