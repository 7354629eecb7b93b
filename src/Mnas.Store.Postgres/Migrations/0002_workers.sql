-- Workers, as their last heartbeat described them: the children each runs as a JSON array of
-- {campaign_id, sequence, attempt, job}. Ids sort byte by byte, whatever the database's collation.

CREATE TABLE workers (
    worker_id text COLLATE "C" PRIMARY KEY,
    device_class text NOT NULL,
    device text NOT NULL,
    threads integer NOT NULL CHECK (threads >= 1),
    slots integer NOT NULL CHECK (slots >= 1),
    running jsonb NOT NULL CHECK (jsonb_typeof(running) = 'array'),
    stopping boolean NOT NULL,
    first_seen_utc_ticks bigint NOT NULL,
    first_seen_offset_minutes smallint NOT NULL CHECK (first_seen_offset_minutes BETWEEN -840 AND 840),
    last_heartbeat_utc_ticks bigint NOT NULL,
    last_heartbeat_offset_minutes smallint NOT NULL CHECK (last_heartbeat_offset_minutes BETWEEN -840 AND 840)
);
