-- Reads of a series need value beside the key. With value in the index, H2 answers newest,
-- range and before from the index alone instead of fetching every row from the row map, where
-- rows lie in commit order, scattered across pages (one page read per point).
-- The primary key was only an index: seq is unique by construction (the store assigns it under
-- its write lock), so (cid, rid, time, seq) stays unique without the key's check, and the
-- table keeps one index to maintain per write, as before.
ALTER TABLE plot_point DROP PRIMARY KEY;
CREATE INDEX plot_point_series ON plot_point (cid, rid, time, seq, value);
