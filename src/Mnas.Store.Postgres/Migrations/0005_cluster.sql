-- The cluster's own tables: the silos' membership and the grains' reminders, kept by the Orleans
-- runtime through its ADO.NET providers (Microsoft.Orleans.Clustering.AdoNet and
-- Microsoft.Orleans.Reminders.AdoNet, version 10.4.2). Written for this store to the providers'
-- contract: the providers read every statement they run from orleansquery by key, bind their
-- values as named parameters (@DeploymentId, @Address, ...) and read result columns by name
-- (case-insensitively), so the tables below are this store's and only the keys, the parameter
-- names and the result column names are the providers'. Like every table of the store they live
-- in the store's schema: the providers' connections set their search path to it
-- (PostgresClusterTables.ConnectionString). Nothing of the campaign store refers to them.

-- The statements the providers run, by key. The providers load them with the unquoted
-- SELECT QueryKey, QueryText FROM OrleansQuery, so the table and its columns carry those names
-- folded to lower case.
CREATE TABLE orleansquery (
    querykey text PRIMARY KEY,
    querytext text NOT NULL
);

-- One row per cluster (the providers' deployment id is Orleans' cluster id): the membership's
-- version, which every change to the cluster's rows below must name and bumps, so that two silos
-- acting on the same view of the membership cannot both succeed.
CREATE TABLE orleans_membership_versions (
    deployment_id text PRIMARY KEY,
    version integer NOT NULL DEFAULT 0 CHECK (version >= 0),
    changed_at timestamptz NOT NULL DEFAULT now()
);

-- One row per silo incarnation (address, port and generation; a restarted silo is a new row).
-- status is Orleans' SiloStatus (3 active, 6 dead); suspect_times is Orleans' own text of the
-- votes cast against the silo.
CREATE TABLE orleans_membership (
    deployment_id text NOT NULL REFERENCES orleans_membership_versions (deployment_id) ON DELETE CASCADE,
    address text NOT NULL,
    port integer NOT NULL CHECK (port BETWEEN 0 AND 65535),
    generation integer NOT NULL,
    silo_name text NOT NULL,
    host_name text NOT NULL,
    status integer NOT NULL,
    proxy_port integer NOT NULL CHECK (proxy_port BETWEEN 0 AND 65535),
    suspect_times text,
    start_time timestamptz NOT NULL,
    i_am_alive_time timestamptz NOT NULL,
    PRIMARY KEY (deployment_id, address, port, generation)
);

-- One row per reminder of a grain. grain_hash is the grain's position on the silos' ring (Orleans'
-- unsigned hash stored as a signed integer), by which each silo reads the reminders it owns;
-- version is the row's etag.
CREATE TABLE orleans_reminders (
    service_id text NOT NULL,
    grain_id text NOT NULL,
    reminder_name text NOT NULL,
    start_time timestamptz NOT NULL,
    period_ms bigint NOT NULL CHECK (period_ms >= 0),
    grain_hash integer NOT NULL,
    version integer NOT NULL CHECK (version >= 0),
    PRIMARY KEY (service_id, grain_id, reminder_name)
);

CREATE INDEX orleans_reminders_by_hash ON orleans_reminders (service_id, grain_hash);

-- Membership. A statement that answers whether it succeeded returns one integer column: the rows
-- it changed, 0 meaning it did not (the version named was stale, or the row was not there).
INSERT INTO orleansquery (querykey, querytext) VALUES

-- A cluster's version row, created by the first silo to start; 0 when it exists already.
('InsertMembershipVersionKey', $sql$
WITH created AS (
    INSERT INTO orleans_membership_versions (deployment_id)
    VALUES (@DeploymentId)
    ON CONFLICT (deployment_id) DO NOTHING
    RETURNING 1
)
SELECT count(*)::integer AS created FROM created
$sql$),

-- The cluster's version and every silo's row; the version alone (silo columns null) while no
-- silo has joined, since the provider reads the version from the first row.
('MembershipReadAllKey', $sql$
SELECT
    v.version AS "Version",
    m.address AS "Address",
    m.port AS "Port",
    m.generation AS "Generation",
    m.silo_name AS "SiloName",
    m.host_name AS "HostName",
    m.status AS "Status",
    m.proxy_port AS "ProxyPort",
    m.suspect_times AS "SuspectTimes",
    m.start_time AS "StartTime",
    m.i_am_alive_time AS "IAmAliveTime"
FROM orleans_membership_versions AS v
LEFT JOIN orleans_membership AS m ON m.deployment_id = v.deployment_id
WHERE v.deployment_id = @DeploymentId
$sql$),

-- The same for one silo.
('MembershipReadRowKey', $sql$
SELECT
    v.version AS "Version",
    m.address AS "Address",
    m.port AS "Port",
    m.generation AS "Generation",
    m.silo_name AS "SiloName",
    m.host_name AS "HostName",
    m.status AS "Status",
    m.proxy_port AS "ProxyPort",
    m.suspect_times AS "SuspectTimes",
    m.start_time AS "StartTime",
    m.i_am_alive_time AS "IAmAliveTime"
FROM orleans_membership_versions AS v
LEFT JOIN orleans_membership AS m
    ON m.deployment_id = v.deployment_id
    AND m.address = @Address
    AND m.port = @Port
    AND m.generation = @Generation
WHERE v.deployment_id = @DeploymentId
$sql$),

-- A silo joining: its row is added and the version bumped only if the version is still @Version
-- and the row is new, both or neither. The version row is locked first, so of two silos joining
-- on the same version the second waits, then finds the version moved on and changes nothing.
('InsertMembershipKey', $sql$
WITH expected AS (
    SELECT deployment_id
    FROM orleans_membership_versions
    WHERE deployment_id = @DeploymentId AND version = @Version
    FOR UPDATE
), joined AS (
    INSERT INTO orleans_membership
        (deployment_id, address, port, generation, silo_name, host_name, status, proxy_port, start_time, i_am_alive_time)
    SELECT deployment_id, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort, @StartTime, @IAmAliveTime
    FROM expected
    ON CONFLICT (deployment_id, address, port, generation) DO NOTHING
    RETURNING deployment_id
), bumped AS (
    UPDATE orleans_membership_versions AS v
    SET version = v.version + 1, changed_at = now()
    FROM joined
    WHERE v.deployment_id = joined.deployment_id
    RETURNING 1
)
SELECT count(*)::integer AS changed FROM bumped
$sql$),

-- A silo's status or suspicions changing, under the same rule. Its last heartbeat never moves
-- back in time.
('UpdateMembershipKey', $sql$
WITH expected AS (
    SELECT deployment_id
    FROM orleans_membership_versions
    WHERE deployment_id = @DeploymentId AND version = @Version
    FOR UPDATE
), changed AS (
    UPDATE orleans_membership AS m
    SET status = @Status,
        suspect_times = @SuspectTimes,
        i_am_alive_time = GREATEST(m.i_am_alive_time, @IAmAliveTime)
    FROM expected
    WHERE m.deployment_id = expected.deployment_id
        AND m.address = @Address
        AND m.port = @Port
        AND m.generation = @Generation
    RETURNING m.deployment_id
), bumped AS (
    UPDATE orleans_membership_versions AS v
    SET version = v.version + 1, changed_at = now()
    FROM changed
    WHERE v.deployment_id = changed.deployment_id
    RETURNING 1
)
SELECT count(*)::integer AS changed FROM bumped
$sql$),

-- A silo's heartbeat: no version, and never back in time.
('UpdateIAmAlivetimeKey', $sql$
UPDATE orleans_membership
SET i_am_alive_time = GREATEST(i_am_alive_time, @IAmAliveTime)
WHERE deployment_id = @DeploymentId
    AND address = @Address
    AND port = @Port
    AND generation = @Generation
$sql$),

-- The active silos' gateway endpoints, for clients (@Status is 3, active).
('GatewaysQueryKey', $sql$
SELECT
    address AS "Address",
    proxy_port AS "ProxyPort",
    generation AS "Generation"
FROM orleans_membership
WHERE deployment_id = @DeploymentId
    AND status = @Status
    AND proxy_port > 0
$sql$),

-- A whole cluster forgotten: its version row and, by the cascade, its silos.
('DeleteMembershipTableEntriesKey', $sql$
DELETE FROM orleans_membership_versions
WHERE deployment_id = @DeploymentId
$sql$),

-- Pruning one dead silo's row, only while it is still exactly what the provider read (same
-- start, heartbeat and votes): a row that changed since is left for a later round.
('CleanupDefunctSiloEntryKey', $sql$
DELETE FROM orleans_membership
WHERE deployment_id = @DeploymentId
    AND address = @Address
    AND port = @Port
    AND generation = @Generation
    AND status = 6
    AND start_time = @StartTime
    AND i_am_alive_time = @IAmAliveTime
    AND COALESCE(suspect_times, '') = COALESCE(@SuspectTimes, '')
$sql$),

-- Pruning in bulk, which the provider only falls back to without the statement above: dead rows
-- started and last heard of before @IAmAliveTime, with no votes on them.
('CleanupDefunctSiloEntriesKey', $sql$
DELETE FROM orleans_membership
WHERE deployment_id = @DeploymentId
    AND status = 6
    AND start_time < @IAmAliveTime
    AND i_am_alive_time < @IAmAliveTime
    AND COALESCE(suspect_times, '') = ''
$sql$);

-- Reminders. The service id is Orleans' service id; reads return the reminder's grain, name,
-- start, period (milliseconds) and etag.
INSERT INTO orleansquery (querykey, querytext) VALUES

('ReadReminderRowsKey', $sql$
SELECT
    grain_id AS "GrainId",
    reminder_name AS "ReminderName",
    start_time AS "StartTime",
    period_ms AS "Period",
    version AS "Version"
FROM orleans_reminders
WHERE service_id = @ServiceId AND grain_id = @GrainId
$sql$),

('ReadReminderRowKey', $sql$
SELECT
    grain_id AS "GrainId",
    reminder_name AS "ReminderName",
    start_time AS "StartTime",
    period_ms AS "Period",
    version AS "Version"
FROM orleans_reminders
WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName
$sql$),

-- The reminders of the ring range (@BeginHash, @EndHash] when it does not wrap...
('ReadRangeRows1Key', $sql$
SELECT
    grain_id AS "GrainId",
    reminder_name AS "ReminderName",
    start_time AS "StartTime",
    period_ms AS "Period",
    version AS "Version"
FROM orleans_reminders
WHERE service_id = @ServiceId AND grain_hash > @BeginHash AND grain_hash <= @EndHash
$sql$),

-- ... and when it wraps past the top of the ring (or is the whole ring).
('ReadRangeRows2Key', $sql$
SELECT
    grain_id AS "GrainId",
    reminder_name AS "ReminderName",
    start_time AS "StartTime",
    period_ms AS "Period",
    version AS "Version"
FROM orleans_reminders
WHERE service_id = @ServiceId AND (grain_hash > @BeginHash OR grain_hash <= @EndHash)
$sql$),

-- A reminder registered or changed; returns its new etag.
('UpsertReminderRowKey', $sql$
INSERT INTO orleans_reminders AS r
    (service_id, grain_id, reminder_name, start_time, period_ms, grain_hash, version)
VALUES (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 0)
ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE
SET start_time = EXCLUDED.start_time,
    period_ms = EXCLUDED.period_ms,
    grain_hash = EXCLUDED.grain_hash,
    version = r.version + 1
RETURNING r.version AS "Version"
$sql$),

-- A reminder unregistered, only if its etag is still @Version; 0 otherwise.
('DeleteReminderRowKey', $sql$
WITH removed AS (
    DELETE FROM orleans_reminders
    WHERE service_id = @ServiceId
        AND grain_id = @GrainId
        AND reminder_name = @ReminderName
        AND version = @Version
    RETURNING 1
)
SELECT count(*)::integer AS removed FROM removed
$sql$),

-- Every reminder of a service (the runtime's tests use it; a cluster never does).
('DeleteReminderRowsKey', $sql$
DELETE FROM orleans_reminders
WHERE service_id = @ServiceId
$sql$);
