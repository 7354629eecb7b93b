-- A single-path supernet's (BN-NAS) BN indicator of every candidate at every layer and the distance between the
-- candidate rankings of an epoch and the one before, and the evolution searched over the supernet once trained.
-- Rows already there have none of them. JSON text, kept as written.

ALTER TABLE supernet_epochs
    ADD COLUMN scores text CHECK (json_typeof(scores::json) = 'array'),
    ADD COLUMN ranking_distance double precision;

ALTER TABLE supernets
    ADD COLUMN evolution_json text CHECK (json_typeof(evolution_json::json) = 'object');
