-- Reserved: version 3 is another change's migration, written at the same time as 0004. This placeholder only keeps
-- the numbering without gaps until that one arrives, and is removed then.
SELECT 1;
