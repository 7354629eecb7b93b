-- A predictor-driven search's (FBNetV3) rounds, one row per round with its stage and the round as a JSON document (text,
-- kept as written), and the latency lookup table of its campaign's operators (operator key → median ms; the first value
-- measured is kept). Depends only on 0001's tables; both go with their campaign.

CREATE TABLE search_rounds (
    campaign_id text NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    round integer NOT NULL CHECK (round >= 1),
    stage text NOT NULL,
    json text NOT NULL CHECK (json_typeof(json::json) = 'object'),
    recorded_utc_ticks bigint NOT NULL,
    recorded_offset_minutes smallint NOT NULL CHECK (recorded_offset_minutes BETWEEN -840 AND 840),
    PRIMARY KEY (campaign_id, round)
);

CREATE TABLE latency_entries (
    campaign_id text NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    operator_key text NOT NULL,
    latency_ms double precision NOT NULL CHECK (latency_ms > 0),
    PRIMARY KEY (campaign_id, operator_key)
);
