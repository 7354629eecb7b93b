-- The controller's update history and the children's per-epoch training curves. Depends only on 0001's
-- tables; rows go with their campaign or child.

CREATE TABLE controller_updates (
    campaign_id text NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    version bigint NOT NULL CHECK (version >= 1),
    at_utc_ticks bigint NOT NULL,
    at_offset_minutes smallint NOT NULL CHECK (at_offset_minutes BETWEEN -840 AND 840),
    children integer NOT NULL CHECK (children >= 1),
    mean_reward double precision NOT NULL,
    baseline double precision NOT NULL,
    entropy double precision NOT NULL,
    PRIMARY KEY (campaign_id, version)
);

CREATE TABLE child_curves (
    campaign_id text NOT NULL,
    sequence bigint NOT NULL,
    epoch integer NOT NULL CHECK (epoch >= 1),
    train_loss double precision NOT NULL,
    validation_accuracy double precision NOT NULL,
    PRIMARY KEY (campaign_id, sequence, epoch),
    FOREIGN KEY (campaign_id, sequence) REFERENCES children (campaign_id, sequence) ON DELETE CASCADE
);
