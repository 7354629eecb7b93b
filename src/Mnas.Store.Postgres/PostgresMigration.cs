namespace Mnas.Store.Postgres;

/// <summary>One numbered schema change: the script <c>Migrations/NNNN_name.sql</c> it was read from.</summary>
internal sealed record PostgresMigration(int Version, string Name, string Sql);
