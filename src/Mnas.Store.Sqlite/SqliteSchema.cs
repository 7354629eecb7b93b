using Microsoft.Data.Sqlite;

namespace Mnas.Store.Sqlite;

/// <summary>
/// The schema as numbered migrations, applied on open inside one transaction each and recorded in
/// <c>schema_version</c>. A file whose version is above <see cref="CurrentVersion"/> was written by
/// a newer build and is refused rather than guessed at.
/// </summary>
/// <remarks>
/// Tables are STRICT. Doubles live in <c>ANY</c> columns checked to hold REAL values: SQLite writes
/// integral values of REAL columns as integers, which loses the sign of -0.0; an ANY column keeps
/// the eight bytes as given.
/// </remarks>
internal static class SqliteSchema
{
    private const string Statuses = "'Sampled', 'Queued', 'Training', 'Measured', 'Done', 'Failed'";

    private static readonly string[] Migrations =
    [
        // 1: campaigns, children, checkpoints, events.
        $"""
        CREATE TABLE campaigns (
            position INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            spec_json TEXT NOT NULL,
            strategy TEXT NOT NULL,
            seed INTEGER NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('Running', 'Paused', 'Completed', 'Failed')),
            created_at TEXT NOT NULL
        ) STRICT;

        CREATE TABLE children (
            campaign_id TEXT NOT NULL REFERENCES campaigns (id),
            sequence INTEGER NOT NULL CHECK (sequence >= 1),
            architecture TEXT NOT NULL,
            tokens TEXT NOT NULL CHECK (json_valid(tokens)),
            log_probability ANY NOT NULL CHECK (typeof(log_probability) = 'real'),
            policy_version INTEGER NOT NULL,
            status TEXT NOT NULL CHECK (status IN ({Statuses})),
            attempts INTEGER NOT NULL CHECK (attempts >= 0),
            failure_reason TEXT,
            accuracy ANY CHECK (accuracy IS NULL OR typeof(accuracy) = 'real'),
            latency_ms ANY CHECK (latency_ms IS NULL OR typeof(latency_ms) = 'real'),
            params INTEGER,
            macs INTEGER,
            peak_activation_bytes INTEGER,
            train_seconds ANY CHECK (train_seconds IS NULL OR typeof(train_seconds) = 'real'),
            reward ANY CHECK (reward IS NULL OR typeof(reward) = 'real'),
            updated_at TEXT NOT NULL,
            PRIMARY KEY (campaign_id, sequence),
            CHECK ((accuracy IS NULL) = (latency_ms IS NULL) AND (accuracy IS NULL) = (params IS NULL)
                AND (accuracy IS NULL) = (macs IS NULL) AND (accuracy IS NULL) = (peak_activation_bytes IS NULL)
                AND (accuracy IS NULL) = (train_seconds IS NULL))
        ) STRICT;

        CREATE INDEX children_by_status ON children (campaign_id, status, sequence);
        CREATE INDEX children_by_architecture ON children (campaign_id, architecture, status, sequence);

        CREATE TABLE checkpoints (
            campaign_id TEXT NOT NULL REFERENCES campaigns (id),
            version INTEGER NOT NULL CHECK (version >= 0),
            last_child_included INTEGER NOT NULL,
            state BLOB NOT NULL,
            created_at TEXT NOT NULL,
            PRIMARY KEY (campaign_id, version)
        ) STRICT;

        CREATE TABLE events (
            campaign_id TEXT NOT NULL REFERENCES campaigns (id),
            id INTEGER NOT NULL CHECK (id >= 1),
            kind TEXT NOT NULL,
            message TEXT NOT NULL,
            at TEXT NOT NULL,
            PRIMARY KEY (campaign_id, id)
        ) STRICT;
        """,

        // 2: workers, as their last heartbeat described them. last_heartbeat_ticks is the same instant as
        // last_heartbeat in UTC ticks: text with an offset does not sort by instant.
        """
        CREATE TABLE workers (
            worker_id TEXT PRIMARY KEY,
            device_class TEXT NOT NULL,
            device TEXT NOT NULL,
            threads INTEGER NOT NULL CHECK (threads >= 1),
            slots INTEGER NOT NULL CHECK (slots >= 1),
            running TEXT NOT NULL CHECK (json_valid(running) AND json_type(running) = 'array'),
            stopping INTEGER NOT NULL CHECK (stopping IN (0, 1)),
            first_seen TEXT NOT NULL,
            last_heartbeat TEXT NOT NULL,
            last_heartbeat_ticks INTEGER NOT NULL
        ) STRICT;
        """,

        // 3: campaigns gain their owner and the Cancelled status (a CHECK cannot be altered, so the table is
        // rebuilt with the foreign keys off; see Open), and API keys, their secrets only as SHA-256.
        """
        CREATE TABLE campaigns_rebuilt (
            position INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            spec_json TEXT NOT NULL,
            strategy TEXT NOT NULL,
            seed INTEGER NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('Running', 'Paused', 'Completed', 'Failed', 'Cancelled')),
            created_at TEXT NOT NULL,
            owner TEXT NOT NULL DEFAULT ''
        ) STRICT;

        INSERT INTO campaigns_rebuilt (position, id, name, spec_json, strategy, seed, status, created_at)
            SELECT position, id, name, spec_json, strategy, seed, status, created_at FROM campaigns;
        DROP TABLE campaigns;
        ALTER TABLE campaigns_rebuilt RENAME TO campaigns;
        CREATE INDEX campaigns_by_owner ON campaigns (owner, position);

        CREATE TABLE api_keys (
            position INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            role TEXT NOT NULL CHECK (role IN ('Operator', 'Researcher')),
            secret_hash BLOB NOT NULL CHECK (length(secret_hash) = 32),
            created_at TEXT NOT NULL,
            revoked_at TEXT
        ) STRICT;
        """,

        // 4: the controller's update history and the children's training curves. Written to depend on no other
        // migration after the first, so its place among them does not matter; rows go with their campaign or child.
        """
        CREATE TABLE controller_updates (
            campaign_id TEXT NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
            version INTEGER NOT NULL CHECK (version >= 1),
            at TEXT NOT NULL,
            children INTEGER NOT NULL CHECK (children >= 1),
            mean_reward ANY NOT NULL CHECK (typeof(mean_reward) = 'real'),
            baseline ANY NOT NULL CHECK (typeof(baseline) = 'real'),
            entropy ANY NOT NULL CHECK (typeof(entropy) = 'real'),
            PRIMARY KEY (campaign_id, version)
        ) STRICT;

        CREATE TABLE child_curves (
            campaign_id TEXT NOT NULL,
            sequence INTEGER NOT NULL,
            epoch INTEGER NOT NULL CHECK (epoch >= 1),
            train_loss ANY NOT NULL CHECK (typeof(train_loss) = 'real'),
            validation_accuracy ANY NOT NULL CHECK (typeof(validation_accuracy) = 'real'),
            PRIMARY KEY (campaign_id, sequence, epoch),
            FOREIGN KEY (campaign_id, sequence) REFERENCES children (campaign_id, sequence) ON DELETE CASCADE
        ) STRICT;
        """,

        // 5: the supernets of differentiable campaigns and their epochs. Like 4, it depends on no migration after the
        // first; epochs go with their supernet, the supernet with its campaign.
        """
        CREATE TABLE supernets (
            campaign_id TEXT PRIMARY KEY REFERENCES campaigns (id) ON DELETE CASCADE,
            attempts INTEGER NOT NULL CHECK (attempts >= 1),
            epochs_done INTEGER NOT NULL CHECK (epochs_done >= 0),
            state BLOB,
            posterior_json TEXT,
            updated_at TEXT NOT NULL
        ) STRICT;

        CREATE TABLE supernet_epochs (
            campaign_id TEXT NOT NULL REFERENCES supernets (campaign_id) ON DELETE CASCADE,
            epoch INTEGER NOT NULL CHECK (epoch >= 1),
            attempt INTEGER NOT NULL CHECK (attempt >= 1),
            temperature ANY NOT NULL CHECK (typeof(temperature) = 'real'),
            loss ANY NOT NULL CHECK (typeof(loss) = 'real'),
            cross_entropy ANY NOT NULL CHECK (typeof(cross_entropy) = 'real'),
            theta_trained INTEGER NOT NULL CHECK (theta_trained IN (0, 1)),
            expected_latency_ms ANY NOT NULL CHECK (typeof(expected_latency_ms) = 'real'),
            distributions TEXT NOT NULL CHECK (json_valid(distributions) AND json_type(distributions) = 'array'),
            width_distributions TEXT CHECK (width_distributions IS NULL
                OR (json_valid(width_distributions) AND json_type(width_distributions) = 'array')),
            resolution_distribution TEXT CHECK (resolution_distribution IS NULL
                OR (json_valid(resolution_distribution) AND json_type(resolution_distribution) = 'array')),
            seconds ANY NOT NULL CHECK (typeof(seconds) = 'real'),
            at TEXT NOT NULL,
            PRIMARY KEY (campaign_id, epoch)
        ) STRICT;
        """,

        // 6: a single-path supernet's (BN-NAS) BN indicator and ranking distance per epoch, and the evolution searched
        // over it once trained. Columns added to STRICT tables take the same types and CHECKs as at creation; rows
        // already there read back without them.
        """
        ALTER TABLE supernet_epochs ADD COLUMN scores TEXT
            CHECK (scores IS NULL OR (json_valid(scores) AND json_type(scores) = 'array'));
        ALTER TABLE supernet_epochs ADD COLUMN ranking_distance ANY
            CHECK (ranking_distance IS NULL OR typeof(ranking_distance) = 'real');
        ALTER TABLE supernets ADD COLUMN evolution_json TEXT
            CHECK (evolution_json IS NULL OR (json_valid(evolution_json) AND json_type(evolution_json) = 'object'));
        """,

        // 7: a predictor-driven search's (FBNetV3) rounds, each a JSON document, and the latency lookup table of its
        // campaign's operators. Like 4, it depends on no migration after the first; both go with their campaign.
        """
        CREATE TABLE search_rounds (
            campaign_id TEXT NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
            round INTEGER NOT NULL CHECK (round >= 1),
            stage TEXT NOT NULL,
            json TEXT NOT NULL CHECK (json_valid(json) AND json_type(json) = 'object'),
            recorded_at TEXT NOT NULL,
            PRIMARY KEY (campaign_id, round)
        ) STRICT;

        CREATE TABLE latency_entries (
            campaign_id TEXT NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
            operator_key TEXT NOT NULL,
            latency_ms ANY NOT NULL CHECK (typeof(latency_ms) = 'real' AND latency_ms > 0),
            PRIMARY KEY (campaign_id, operator_key)
        ) STRICT;
        """,
    ];

    /// <summary>The schema version this build writes.</summary>
    public static int CurrentVersion => Migrations.Length;

    /// <summary>Puts the file in WAL mode and brings its schema to <see cref="CurrentVersion"/> (tests stop earlier, at <paramref name="upTo"/>).</summary>
    public static void Open(SqliteConnection connection, string path, int? upTo = null)
    {
        using (var wal = connection.CreateCommand())
        {
            wal.CommandText = "PRAGMA journal_mode = WAL;";
            var mode = wal.ExecuteScalar() as string;
            if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"campaign store '{path}': the file system refused WAL mode (journal_mode is {mode})");
            }
        }

        // Rebuilding a table that others reference needs the foreign keys off, which only takes effect outside a
        // transaction; they are checked before the commit and turned back on after it.
        Execute(connection, null, "PRAGMA foreign_keys = OFF;");
        using var transaction = connection.BeginTransaction(deferred: false);
        Execute(connection, transaction, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL) STRICT;");
        using var read = connection.CreateCommand();
        read.Transaction = transaction;
        read.CommandText = "SELECT version FROM schema_version;";
        var found = read.ExecuteScalar();
        var version = found is null ? 0 : Convert.ToInt32(found, System.Globalization.CultureInfo.InvariantCulture);
        if (found is null)
        {
            Execute(connection, transaction, "INSERT INTO schema_version (version) VALUES (0);");
        }

        if (version > CurrentVersion)
        {
            throw new InvalidOperationException(
                $"campaign store '{path}' has schema version {version}, newer than this build's {CurrentVersion}: open it with a newer Mnas");
        }

        for (var next = version + 1; next <= (upTo ?? CurrentVersion); next++)
        {
            Execute(connection, transaction, Migrations[next - 1]);
            Execute(connection, transaction, $"UPDATE schema_version SET version = {next};");
        }

        using (var check = connection.CreateCommand())
        {
            check.Transaction = transaction;
            check.CommandText = "PRAGMA foreign_key_check;";
            using var violations = check.ExecuteReader();
            if (violations.Read())
            {
                throw new InvalidOperationException(
                    $"campaign store '{path}': migrating left a row of table {violations.GetString(0)} without the row it references");
            }
        }

        transaction.Commit();
        Execute(connection, null, "PRAGMA foreign_keys = ON;");
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
