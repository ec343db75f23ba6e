-- Each record is a JSON body plus the key columns that lookups, uniqueness and keyset pages need.
CREATE TABLE meta (key TEXT PRIMARY KEY, value BYTEA NOT NULL);

CREATE TABLE instances (
  account TEXT NOT NULL, region TEXT NOT NULL, id TEXT NOT NULL,
  created_ns BIGINT NOT NULL, alias_lower TEXT, body BYTEA NOT NULL,
  PRIMARY KEY (account, region, id)
);
CREATE INDEX instances_page ON instances (account, region, created_ns, id);
-- The alias becomes a host name: unique per region across accounts (spec-facts §9).
CREATE UNIQUE INDEX instances_alias ON instances (region, alias_lower) WHERE alias_lower IS NOT NULL;

CREATE TABLE templates (
  account TEXT NOT NULL, region TEXT NOT NULL, instance_id TEXT NOT NULL, id TEXT NOT NULL,
  created_ns BIGINT NOT NULL, name TEXT NOT NULL, status TEXT NOT NULL, version BIGINT NOT NULL, body BYTEA NOT NULL,
  PRIMARY KEY (account, region, instance_id, id)
);
CREATE UNIQUE INDEX templates_name ON templates (account, region, instance_id, name);
CREATE INDEX templates_page ON templates (account, region, instance_id, created_ns, id);

CREATE TABLE template_versions (
  account TEXT NOT NULL, region TEXT NOT NULL, instance_id TEXT NOT NULL, id TEXT NOT NULL,
  version BIGINT NOT NULL, body BYTEA NOT NULL,
  PRIMARY KEY (account, region, instance_id, id, version)
);

CREATE TABLE flows (
  account TEXT NOT NULL, region TEXT NOT NULL, instance_id TEXT NOT NULL, id TEXT NOT NULL,
  created_ns BIGINT NOT NULL, name TEXT NOT NULL, type TEXT NOT NULL, body BYTEA NOT NULL,
  PRIMARY KEY (account, region, instance_id, id)
);
CREATE UNIQUE INDEX flows_name ON flows (account, region, instance_id, name);
CREATE INDEX flows_page ON flows (account, region, instance_id, created_ns, id);

CREATE TABLE contacts (
  account TEXT NOT NULL, region TEXT NOT NULL, instance_id TEXT NOT NULL, id TEXT NOT NULL,
  previous_id TEXT NOT NULL, stopped BIGINT NOT NULL, expires_ns BIGINT NOT NULL, body BYTEA NOT NULL,
  PRIMARY KEY (account, region, instance_id, id)
);
CREATE INDEX contacts_active ON contacts (account, region, instance_id, stopped, expires_ns);
CREATE INDEX contacts_previous ON contacts (account, region, instance_id, previous_id);

CREATE TABLE tags (
  account TEXT NOT NULL, region TEXT NOT NULL, arn TEXT NOT NULL, body BYTEA NOT NULL,
  PRIMARY KEY (account, region, arn)
);

CREATE TABLE tokens (
  account TEXT NOT NULL, region TEXT NOT NULL, operation TEXT NOT NULL, instance_id TEXT NOT NULL,
  token TEXT NOT NULL, value TEXT NOT NULL, expires_ns BIGINT NOT NULL,
  PRIMARY KEY (account, region, operation, instance_id, token)
);
