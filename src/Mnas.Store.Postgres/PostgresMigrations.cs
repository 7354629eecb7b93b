using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Mnas.Store.Postgres;

/// <summary>
/// The schema's migrations: the scripts <c>Migrations/NNNN_name.sql</c> embedded in this assembly,
/// numbered 1, 2, 3… without gaps. A script once released is never edited; a change is a new script.
/// </summary>
internal static partial class PostgresMigrations
{
    private const string ResourcePrefix = "Mnas.Store.Postgres.Migrations.";

    private static readonly Lazy<IReadOnlyList<PostgresMigration>> Loaded = new(Load);

    /// <summary>Every migration, in version order.</summary>
    public static IReadOnlyList<PostgresMigration> All => Loaded.Value;

    private static IReadOnlyList<PostgresMigration> Load()
    {
        var assembly = typeof(PostgresMigrations).Assembly;
        var migrations = assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .Select(name => Read(assembly, name))
            .OrderBy(migration => migration.Version)
            .ToList();
        for (var i = 0; i < migrations.Count; i++)
        {
            if (migrations[i].Version != i + 1)
            {
                throw new InvalidOperationException(
                    $"PostgreSQL store migrations must be numbered 1, 2, 3… without gaps or repeats; found {string.Join(", ", migrations.Select(m => m.Name))}");
            }
        }

        return migrations;
    }

    private static PostgresMigration Read(Assembly assembly, string resource)
    {
        var name = resource[ResourcePrefix.Length..];
        var match = ScriptName().Match(name);
        if (!match.Success)
        {
            throw new InvalidOperationException($"PostgreSQL store migration '{name}' must be named NNNN_name.sql");
        }

        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return new PostgresMigration(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), name, reader.ReadToEnd());
    }

    [GeneratedRegex(@"^(\d{4})_[a-z0-9_]+\.sql$")]
    private static partial Regex ScriptName();
}
