-- Routing objects (issue 20): one table for every kind, each a JSON body of the kind's own type. The name is
-- unique per instance and kind when the service sets one.
CREATE TABLE objects (
  account TEXT NOT NULL, region TEXT NOT NULL, instance_id TEXT NOT NULL, kind TEXT NOT NULL, id TEXT NOT NULL,
  created_ns BIGINT NOT NULL, name TEXT NOT NULL, body BYTEA NOT NULL,
  PRIMARY KEY (account, region, instance_id, kind, id)
);
CREATE UNIQUE INDEX objects_name ON objects (account, region, instance_id, kind, name) WHERE name <> '';
CREATE INDEX objects_page ON objects (account, region, instance_id, kind, created_ns, id);
