-- Writers of data values raise the data and content revisions (two rows of meta) as they commit.
-- A raised row stays locked until its writer commits and every writer raises the same two, so a
-- writer raising them itself would hold every other writer of any unit for the rest of its
-- transaction (its last statements, the round trip before COMMIT). Instead a writer asks, with a
-- row 'raise:<its transaction>', and this trigger raises both once per transaction at commit,
-- announces the new content revision and removes the request.
CREATE FUNCTION meta_raise_revisions() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  content integer;
BEGIN
  -- The content revision first, as when it is raised alone: one order, no deadlock.
  INSERT INTO meta (key, value) VALUES ('content_revision', 1)
    ON CONFLICT (key) DO UPDATE SET value = meta.value + 1 RETURNING value INTO content;
  INSERT INTO meta (key, value) VALUES ('data_revision', 1)
    ON CONFLICT (key) DO UPDATE SET value = meta.value + 1;
  PERFORM pg_notify('dxmon_content', content::text);
  DELETE FROM meta WHERE key = NEW.key;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER meta_raise_revisions AFTER INSERT ON meta
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (NEW.key LIKE 'raise:%') EXECUTE FUNCTION meta_raise_revisions();
