-- Campaigns gain their owner (the id of the API key that created one; empty for the command line's) and the
-- Cancelled status; API keys are stored with only the SHA-256 of their secret.

ALTER TABLE campaigns ADD COLUMN owner text NOT NULL DEFAULT '';
ALTER TABLE campaigns DROP CONSTRAINT campaigns_status_check;
ALTER TABLE campaigns ADD CONSTRAINT campaigns_status_check
    CHECK (status IN ('Running', 'Paused', 'Completed', 'Failed', 'Cancelled'));
CREATE INDEX campaigns_by_owner ON campaigns (owner, position);

CREATE TABLE api_keys (
    -- Creation order, for listing.
    position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id text NOT NULL UNIQUE,
    name text NOT NULL,
    role text NOT NULL CHECK (role IN ('Operator', 'Researcher')),
    secret_hash bytea NOT NULL CHECK (length(secret_hash) = 32),
    created_utc_ticks bigint NOT NULL,
    created_offset_minutes smallint NOT NULL CHECK (created_offset_minutes BETWEEN -840 AND 840),
    revoked_utc_ticks bigint,
    revoked_offset_minutes smallint CHECK (revoked_offset_minutes BETWEEN -840 AND 840),
    CHECK (num_nulls(revoked_utc_ticks, revoked_offset_minutes) IN (0, 2))
);
