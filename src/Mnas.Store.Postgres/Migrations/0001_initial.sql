-- Campaigns, their children, controller checkpoints and events.
-- A time is two columns: its instant as UTC ticks (100 ns since 0001-01-01) and its offset in
-- minutes, because the store keeps times exactly as given and timestamptz keeps neither the
-- sub-microsecond ticks nor the offset.

CREATE TABLE campaigns (
    -- Creation order, for listing.
    position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id text NOT NULL UNIQUE,
    name text NOT NULL,
    spec_json text NOT NULL,
    strategy text NOT NULL,
    seed bigint NOT NULL,
    status text NOT NULL CHECK (status IN ('Running', 'Paused', 'Completed', 'Failed')),
    created_utc_ticks bigint NOT NULL,
    created_offset_minutes smallint NOT NULL CHECK (created_offset_minutes BETWEEN -840 AND 840)
);

CREATE TABLE children (
    campaign_id text NOT NULL REFERENCES campaigns (id),
    sequence bigint NOT NULL CHECK (sequence >= 1),
    architecture text NOT NULL,
    tokens integer[] NOT NULL CHECK (array_position(tokens, NULL) IS NULL),
    log_probability double precision NOT NULL,
    policy_version bigint NOT NULL,
    status text NOT NULL CHECK (status IN ('Sampled', 'Queued', 'Training', 'Measured', 'Done', 'Failed')),
    attempts integer NOT NULL CHECK (attempts >= 0),
    failure_reason text,
    accuracy double precision,
    latency_ms double precision,
    params bigint,
    macs bigint,
    peak_activation_bytes bigint,
    train_seconds double precision,
    reward double precision,
    updated_utc_ticks bigint NOT NULL,
    updated_offset_minutes smallint NOT NULL CHECK (updated_offset_minutes BETWEEN -840 AND 840),
    PRIMARY KEY (campaign_id, sequence),
    -- Metrics are all there or none.
    CHECK (num_nulls(accuracy, latency_ms, params, macs, peak_activation_bytes, train_seconds) IN (0, 6))
);

CREATE INDEX children_by_status ON children (campaign_id, status, sequence);
CREATE INDEX children_by_architecture ON children (campaign_id, architecture, status, sequence);

CREATE TABLE checkpoints (
    campaign_id text NOT NULL REFERENCES campaigns (id),
    version bigint NOT NULL CHECK (version >= 0),
    last_child_included bigint NOT NULL,
    state bytea NOT NULL,
    created_utc_ticks bigint NOT NULL,
    created_offset_minutes smallint NOT NULL CHECK (created_offset_minutes BETWEEN -840 AND 840),
    PRIMARY KEY (campaign_id, version)
);

CREATE TABLE events (
    campaign_id text NOT NULL REFERENCES campaigns (id),
    id bigint NOT NULL CHECK (id >= 1),
    kind text NOT NULL,
    message text NOT NULL,
    at_utc_ticks bigint NOT NULL,
    at_offset_minutes smallint NOT NULL CHECK (at_offset_minutes BETWEEN -840 AND 840),
    PRIMARY KEY (campaign_id, id)
);
