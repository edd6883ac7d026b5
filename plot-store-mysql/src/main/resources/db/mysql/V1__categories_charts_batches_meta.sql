-- plot's fixed tables. Points live in one table per cid, created on the first write to that
-- cid (see SeriesTables), so they are not here. Every table is InnoDB with a primary key: a
-- Galera cluster replicates nothing else.

CREATE TABLE IF NOT EXISTS plot_category (
  cid BIGINT NOT NULL,
  name VARCHAR(1000) NOT NULL,
  unit VARCHAR(200) NOT NULL,
  base DOUBLE,
  step BIGINT NOT NULL,
  kind VARCHAR(16) NOT NULL,
  wrap BIGINT,
  max_gap BIGINT,
  zone VARCHAR(64) NOT NULL,
  retention BIGINT NOT NULL,
  rollup_cid BIGINT,
  rollup_step BIGINT,
  rollup_agg VARCHAR(8),
  rollup_zone VARCHAR(64),
  PRIMARY KEY (cid)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Codes and keys compare byte for byte: "Abc12345" and "abc12345" are two links.
CREATE TABLE IF NOT EXISTS plot_chart (
  code VARCHAR(32) NOT NULL,
  spec_key VARCHAR(128) NOT NULL,
  spec MEDIUMTEXT NOT NULL,
  created BIGINT NOT NULL,
  PRIMARY KEY (code),
  UNIQUE KEY plot_chart_spec_key (spec_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Ids of recently committed batches, written in the same transaction as their points, so a
-- retry of a batch whose commit was in doubt finds it and saves nothing twice.
CREATE TABLE IF NOT EXISTS plot_batch (
  batch_id VARCHAR(64) NOT NULL,
  samples INT NOT NULL,
  created BIGINT NOT NULL,
  PRIMARY KEY (batch_id),
  KEY plot_batch_created (created)
) ENGINE=InnoDB DEFAULT CHARSET=ascii COLLATE=ascii_bin;

CREATE TABLE IF NOT EXISTS plot_meta (
  meta_key VARCHAR(255) NOT NULL,
  meta_value MEDIUMTEXT NOT NULL,
  PRIMARY KEY (meta_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
