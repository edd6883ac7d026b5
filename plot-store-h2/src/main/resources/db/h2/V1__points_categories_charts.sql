-- seq orders points of equal time by commit: the store assigns it under its write lock.
-- One covering index, newest first, serves both the newest-N read and range reads (H2 walks it
-- either way); a composite primary key would only add a second index to every write.
CREATE TABLE plot_point (
  cid BIGINT NOT NULL,
  rid BIGINT NOT NULL,
  time BIGINT NOT NULL,
  seq BIGINT NOT NULL,
  value BIGINT NOT NULL
);
CREATE UNIQUE INDEX plot_point_newest ON plot_point (cid DESC, rid DESC, time DESC, seq DESC,
  value);

-- The series that have points, so listing a category's rids does not scan its points.
CREATE TABLE plot_series (
  cid BIGINT NOT NULL,
  rid BIGINT NOT NULL,
  PRIMARY KEY (cid, rid)
);

CREATE TABLE plot_category (
  cid BIGINT NOT NULL PRIMARY KEY,
  name VARCHAR(1000) NOT NULL,
  unit VARCHAR(200) NOT NULL,
  base DOUBLE PRECISION,
  step BIGINT NOT NULL,
  kind VARCHAR(16) NOT NULL,
  wrap BIGINT,
  max_gap BIGINT,
  zone VARCHAR(64) NOT NULL,
  retention BIGINT NOT NULL,
  rollup_cid BIGINT,
  rollup_step BIGINT,
  rollup_agg VARCHAR(8),
  rollup_zone VARCHAR(64)
);

CREATE TABLE plot_chart (
  code VARCHAR(32) NOT NULL PRIMARY KEY,
  spec_key VARCHAR(128) NOT NULL UNIQUE,
  spec VARCHAR(1000000) NOT NULL,
  created BIGINT NOT NULL
);

CREATE TABLE plot_batch (
  batch_id VARCHAR(64) NOT NULL PRIMARY KEY,
  samples INT NOT NULL,
  created BIGINT NOT NULL
);

CREATE TABLE plot_meta (
  meta_key VARCHAR(255) NOT NULL PRIMARY KEY,
  meta_value VARCHAR(1000000) NOT NULL
);
