-- Teams, their users (tokens stored as SHA-256 hashes) and the team's change log.
CREATE TABLE teams (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name       text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name       text NOT NULL UNIQUE,
  team_id    bigint NOT NULL REFERENCES teams(id),
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);

-- The change log. server_seq is the team's commit order (see store.ts on why
-- pushes of one team serialize). A replayed change hits one of the UNIQUE
-- constraints and is skipped (ON CONFLICT DO NOTHING).
CREATE TABLE changes (
  server_seq  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  team_id     bigint NOT NULL REFERENCES teams(id),
  client_id   text NOT NULL,
  client_seq  bigint NOT NULL,
  author_id   bigint NOT NULL REFERENCES users(id),
  change_id   uuid NOT NULL,
  table_name  text NOT NULL,
  record_id   uuid NOT NULL,
  payload     jsonb NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (team_id, client_id, client_seq),
  UNIQUE (team_id, change_id)
);
CREATE INDEX changes_team_seq ON changes (team_id, server_seq);

-- Per device: every change of this client up to acked_seq is stored.
CREATE TABLE clients (
  team_id    bigint NOT NULL REFERENCES teams(id),
  client_id  text NOT NULL,
  acked_seq  bigint NOT NULL DEFAULT 0,
  last_seen  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (team_id, client_id)
);
