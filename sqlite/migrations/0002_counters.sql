-- Per-instance counts, kept by the writes, so a quota check costs the same at 50 templates and at 100,000.
CREATE TABLE counters (
  account TEXT NOT NULL, region TEXT NOT NULL, instance_id TEXT NOT NULL, kind TEXT NOT NULL, n INTEGER NOT NULL,
  PRIMARY KEY (account, region, instance_id, kind)
);
INSERT INTO counters (account, region, instance_id, kind, n)
  SELECT account, region, instance_id, 'templates', count(*) FROM templates GROUP BY account, region, instance_id;
INSERT INTO counters (account, region, instance_id, kind, n)
  SELECT account, region, instance_id, 'flows', count(*) FROM flows GROUP BY account, region, instance_id;
