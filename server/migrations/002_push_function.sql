-- A push as one statement: the team lock, the inserts and the acknowledgement
-- run inside PostgreSQL, so the lock on the team's row is held for the time
-- the work takes, not for eight round trips from the server process. See
-- store.ts for the invariants (atomic, idempotent, gap-free acknowledgement,
-- commit order equal to sequence order within a team).
CREATE FUNCTION push_changes(p_team bigint, p_client text, p_author bigint, p_changes jsonb)
RETURNS TABLE (acked_seq bigint, latest bigint)
LANGUAGE plpgsql AS $$
DECLARE
  v_acked bigint;
  v_new bigint;
BEGIN
  PERFORM 1 FROM teams WHERE id = p_team FOR UPDATE;

  INSERT INTO changes (team_id, client_id, client_seq, author_id, change_id, table_name, record_id, payload)
  SELECT p_team, p_client, (e->>'seq')::bigint, p_author, (e->>'changeId')::uuid, e->>'table', (e->>'recordId')::uuid, e->'payload'
    FROM jsonb_array_elements(p_changes) WITH ORDINALITY AS t(e, ord)
   ORDER BY ord
  ON CONFLICT DO NOTHING;

  INSERT INTO clients AS c (team_id, client_id) VALUES (p_team, p_client)
  ON CONFLICT (team_id, client_id) DO UPDATE SET last_seen = now()
  RETURNING c.acked_seq INTO v_acked;

  -- Every seq of this batch is now held (inserted now, or stored before under
  -- this seq or this changeId), and so is every stored seq above the
  -- acknowledgement: the new acknowledgement is the end of their gap-free run.
  -- Distinct sorted seqs s_1 < s_2 < … continue the run while s_n = acked + n.
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

  RETURN QUERY SELECT v_new, coalesce(max(ch.server_seq), 0)::bigint FROM changes ch WHERE ch.team_id = p_team;
END;
$$;
