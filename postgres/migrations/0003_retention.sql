-- Retention (issue 10): each instance's contact count, kept by the writes, and an index that finds the ended
-- contacts that expire first.
INSERT INTO counters (account, region, instance_id, kind, n)
  SELECT account, region, instance_id, 'contacts', count(*) FROM contacts GROUP BY account, region, instance_id;
CREATE INDEX contacts_expiry ON contacts (account, region, instance_id, expires_ns);
