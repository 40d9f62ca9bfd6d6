-- Refusals decided where concurrent pushes cannot race (under the team lock),
-- and pull pages bounded by bytes. See store.ts for the invariants.

-- A device id belongs to one user: the first to push under it. Existing rows
-- take the author of the device's first stored change; a row without changes
-- stays unclaimed until its next push.
ALTER TABLE clients ADD COLUMN user_id bigint REFERENCES users(id);
UPDATE clients cl
   SET user_id = (SELECT ch.author_id FROM changes ch
                   WHERE ch.team_id = cl.team_id AND ch.client_id = cl.client_id
                   ORDER BY ch.server_seq LIMIT 1);

-- The size of a change's JSON, so a pull page can stop at a byte budget
-- without reading the payloads it will not send. The server fills it from the
-- JSON it received; old rows are measured from jsonb's text, which is a little
-- longer (a space after each ':' and ','): a page of old rows errs small.
ALTER TABLE changes ADD COLUMN payload_bytes integer;
UPDATE changes SET payload_bytes = octet_length(payload::text);
ALTER TABLE changes ALTER COLUMN payload_bytes SET NOT NULL;

-- An append-only record is written once: a push looks up its record id.
CREATE INDEX changes_team_record ON changes (team_id, record_id);

-- push_changes (migration 002) with the refusals. Nothing is written unless
-- every check passes; a refusal returns the first offending element's ordinal
-- (1-based, in p_changes) and one of:
--   'device_owner'  the client id was claimed by another user;
--   'seq_taken'     a stored (client, seq) holds a different change;
--   'record_taken'  an append-only record already holds a different change
--                   (stored, or earlier in this batch).
-- Each element of p_changes: {seq, changeId, table, recordId, payload, bytes,
-- appendOnly}; `bytes` and `appendOnly` are optional for a server process that
-- still runs the previous release during a rolling upgrade.
DROP FUNCTION push_changes(bigint, text, bigint, jsonb);
CREATE FUNCTION push_changes(p_team bigint, p_client text, p_author bigint, p_changes jsonb)
RETURNS TABLE (acked_seq bigint, latest bigint, refusal text, refused_ord bigint)
LANGUAGE plpgsql AS $$
DECLARE
  v_owner bigint;
  v_acked bigint;
  v_new bigint;
  v_ord bigint;
BEGIN
  PERFORM 1 FROM teams WHERE id = p_team FOR UPDATE;

  SELECT cl.user_id INTO v_owner FROM clients cl WHERE cl.team_id = p_team AND cl.client_id = p_client;
  IF v_owner IS NOT NULL AND v_owner <> p_author THEN
    RETURN QUERY SELECT NULL::bigint, NULL::bigint, 'device_owner'::text, 1::bigint;
    RETURN;
  END IF;

  -- A seq of this client that holds another change: a copied profile or a
  -- forged id. Acknowledging it would drop the pushed change unseen.
  SELECT min(t.ord) INTO v_ord
    FROM jsonb_array_elements(p_changes) WITH ORDINALITY AS t(e, ord)
    JOIN changes ch ON ch.team_id = p_team AND ch.client_id = p_client AND ch.client_seq = (t.e->>'seq')::bigint
   WHERE ch.change_id <> (t.e->>'changeId')::uuid;
  IF v_ord IS NOT NULL THEN
    RETURN QUERY SELECT NULL::bigint, NULL::bigint, 'seq_taken'::text, v_ord;
    RETURN;
  END IF;

  -- An append-only record written again by another change. A replay (its
  -- changeId already stored) is skipped below, so it is never refused.
  WITH b AS (
    SELECT t.ord, (t.e->>'changeId')::uuid AS change_id, t.e->>'table' AS table_name, (t.e->>'recordId')::uuid AS record_id
      FROM jsonb_array_elements(p_changes) WITH ORDINALITY AS t(e, ord)
     WHERE coalesce((t.e->>'appendOnly')::boolean, false)
  )
  SELECT min(b.ord) INTO v_ord
    FROM b
   WHERE NOT EXISTS (SELECT 1 FROM changes ch WHERE ch.team_id = p_team AND ch.change_id = b.change_id)
     AND (EXISTS (SELECT 1 FROM changes ch
                   WHERE ch.team_id = p_team AND ch.record_id = b.record_id AND ch.table_name = b.table_name AND ch.change_id <> b.change_id)
          OR EXISTS (SELECT 1 FROM b o
                      WHERE o.ord < b.ord AND o.record_id = b.record_id AND o.table_name = b.table_name AND o.change_id <> b.change_id));
  IF v_ord IS NOT NULL THEN
    RETURN QUERY SELECT NULL::bigint, NULL::bigint, 'record_taken'::text, v_ord;
    RETURN;
  END IF;

  INSERT INTO changes (team_id, client_id, client_seq, author_id, change_id, table_name, record_id, payload, payload_bytes)
  SELECT p_team, p_client, (e->>'seq')::bigint, p_author, (e->>'changeId')::uuid, e->>'table', (e->>'recordId')::uuid, e->'payload',
         coalesce((e->>'bytes')::integer, octet_length((e->'payload')::text))
    FROM jsonb_array_elements(p_changes) WITH ORDINALITY AS t(e, ord)
   ORDER BY ord
  ON CONFLICT DO NOTHING;

  INSERT INTO clients AS c (team_id, client_id, user_id) VALUES (p_team, p_client, p_author)
  ON CONFLICT (team_id, client_id) DO UPDATE SET last_seen = now(), user_id = coalesce(c.user_id, EXCLUDED.user_id)
  RETURNING c.acked_seq INTO v_acked;

  -- As in 002: the acknowledgement is the end of the gap-free run of this
  -- batch's seqs and the stored seqs above the previous acknowledgement.
  SELECT coalesce(max(s), v_acked) INTO v_new
    FROM (
      SELECT s, row_number() OVER (ORDER BY s) AS n
        FROM (
          SELECT (e->>'seq')::bigint AS s FROM jsonb_array_elements(p_changes) AS t(e)
          UNION
          SELECT ch.client_seq FROM changes ch WHERE ch.team_id = p_team AND ch.client_id = p_client AND ch.client_seq > v_acked
        ) AS held
       WHERE s > v_acked
    ) AS run
   WHERE s = v_acked + n;

  UPDATE clients SET acked_seq = v_new WHERE team_id = p_team AND client_id = p_client;

  RETURN QUERY SELECT v_new, coalesce(max(ch.server_seq), 0)::bigint, NULL::text, NULL::bigint FROM changes ch WHERE ch.team_id = p_team;
END;
$$;
