-- The supernets of differentiable campaigns (one row per campaign: attempts, epochs done, the search state after the
-- last of them, the posterior once trained) and their finished epochs. Depends only on 0001's tables; epochs go with
-- their supernet, the supernet with its campaign. Distributions are JSON text, kept as written.

CREATE TABLE supernets (
    campaign_id text PRIMARY KEY REFERENCES campaigns (id) ON DELETE CASCADE,
    attempts integer NOT NULL CHECK (attempts >= 1),
    epochs_done integer NOT NULL CHECK (epochs_done >= 0),
    state bytea,
    posterior_json text,
    updated_utc_ticks bigint NOT NULL,
    updated_offset_minutes smallint NOT NULL CHECK (updated_offset_minutes BETWEEN -840 AND 840)
);

CREATE TABLE supernet_epochs (
    campaign_id text NOT NULL REFERENCES supernets (campaign_id) ON DELETE CASCADE,
    epoch integer NOT NULL CHECK (epoch >= 1),
    attempt integer NOT NULL CHECK (attempt >= 1),
    temperature double precision NOT NULL,
    loss double precision NOT NULL,
    cross_entropy double precision NOT NULL,
    theta_trained boolean NOT NULL,
    expected_latency_ms double precision NOT NULL,
    distributions text NOT NULL CHECK (json_typeof(distributions::json) = 'array'),
    width_distributions text CHECK (json_typeof(width_distributions::json) = 'array'),
    resolution_distribution text CHECK (json_typeof(resolution_distribution::json) = 'array'),
    seconds double precision NOT NULL,
    at_utc_ticks bigint NOT NULL,
    at_offset_minutes smallint NOT NULL CHECK (at_offset_minutes BETWEEN -840 AND 840),
    PRIMARY KEY (campaign_id, epoch)
);
