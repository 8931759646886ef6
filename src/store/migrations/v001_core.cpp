// Version 1: organizations, people, units, services, tickets and their events.
// Written once for both engines; {{id}} becomes each engine's auto id column.
namespace guiche::store {

extern const char* const kMigrationV001Core = R"SQL(
CREATE TABLE organizations (
  id {{id}},
  name TEXT NOT NULL,
  acronym TEXT NOT NULL UNIQUE,
  cnpj TEXT,
  is_client INTEGER NOT NULL DEFAULT 0,
  client_reference TEXT NOT NULL DEFAULT '',
  calendar TEXT NOT NULL DEFAULT 'br',
  parent_id BIGINT REFERENCES organizations(id),
  confirm_authorizations INTEGER NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL
);

CREATE TABLE units (
  id {{id}},
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  parent_id BIGINT REFERENCES units(id),
  kind TEXT NOT NULL DEFAULT 'technical'
);

CREATE TABLE people (
  id {{id}},
  name TEXT NOT NULL,
  login TEXT UNIQUE,
  password_hash TEXT,
  must_change_password INTEGER NOT NULL DEFAULT 0,
  phone TEXT,
  cpf TEXT UNIQUE,
  organization_id BIGINT REFERENCES organizations(id),
  active INTEGER NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL
);

CREATE TABLE person_emails (
  person_id BIGINT NOT NULL REFERENCES people(id),
  email TEXT NOT NULL UNIQUE,
  position INTEGER NOT NULL
);
CREATE INDEX person_emails_person ON person_emails(person_id);

CREATE TABLE role_grants (
  person_id BIGINT NOT NULL REFERENCES people(id),
  role TEXT NOT NULL,
  unit_id BIGINT REFERENCES units(id)
);
CREATE INDEX role_grants_person ON role_grants(person_id);

CREATE TABLE authorizations (
  id {{id}},
  organization_id BIGINT NOT NULL REFERENCES organizations(id),
  person_id BIGINT NOT NULL REFERENCES people(id),
  document_type TEXT NOT NULL,
  document_number TEXT NOT NULL,
  entered_by BIGINT NOT NULL REFERENCES people(id),
  valid_from TEXT NOT NULL,
  valid_until TEXT,
  state TEXT NOT NULL,
  decided_by BIGINT REFERENCES people(id),
  revocation_requested_until TEXT,
  revocation_requested_by BIGINT REFERENCES people(id),
  revoked_by BIGINT REFERENCES people(id),
  created_at BIGINT NOT NULL
);
CREATE INDEX authorizations_person ON authorizations(person_id, organization_id);

CREATE TABLE services (
  id {{id}},
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  audience TEXT NOT NULL,
  who_may_use TEXT NOT NULL DEFAULT '',
  required_documents TEXT NOT NULL DEFAULT '',
  stages TEXT NOT NULL DEFAULT '[]',
  cost TEXT NOT NULL DEFAULT '',
  max_deadline TEXT NOT NULL DEFAULT '',
  access_channels TEXT NOT NULL DEFAULT '',
  communication_channels TEXT NOT NULL DEFAULT '',
  complaint_channels TEXT NOT NULL DEFAULT '',
  commitment TEXT NOT NULL DEFAULT '',
  owning_unit_id BIGINT REFERENCES units(id),
  default_category TEXT NOT NULL,
  sla_policy TEXT NOT NULL DEFAULT '',
  is_public INTEGER NOT NULL DEFAULT 1,
  active INTEGER NOT NULL DEFAULT 1,
  form TEXT NOT NULL DEFAULT '[]'
);

CREATE TABLE protocol_counters (
  year INTEGER PRIMARY KEY,
  last_value BIGINT NOT NULL
);

-- The cache row derived from ticket_events (see domain/ticket_projection).
CREATE TABLE tickets (
  id {{id}},
  protocol TEXT NOT NULL UNIQUE,
  requester_id BIGINT NOT NULL REFERENCES people(id),
  organization_id BIGINT REFERENCES organizations(id),
  service_id BIGINT NOT NULL REFERENCES services(id),
  category TEXT NOT NULL,
  channel TEXT NOT NULL,
  registered_by BIGINT REFERENCES people(id),
  subject TEXT NOT NULL,
  description TEXT NOT NULL,
  form_answers TEXT NOT NULL,
  impact INTEGER NOT NULL,
  urgency INTEGER NOT NULL,
  priority INTEGER NOT NULL,
  status TEXT NOT NULL,
  unit_id BIGINT REFERENCES units(id),
  assignee_id BIGINT REFERENCES people(id),
  audience_admitted INTEGER NOT NULL,
  audience_reason TEXT NOT NULL,
  time_spent_minutes BIGINT NOT NULL,
  resolution TEXT NOT NULL,
  rating INTEGER,
  rating_comment TEXT NOT NULL,
  reopen_count INTEGER NOT NULL,
  agreed_deadline BIGINT,
  estimated_deadline BIGINT,
  first_response_at BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  resolved_at BIGINT,
  closed_at BIGINT,
  links TEXT NOT NULL,
  version BIGINT NOT NULL
);
CREATE INDEX tickets_requester ON tickets(requester_id, created_at, id);
CREATE INDEX tickets_organization ON tickets(organization_id, created_at, id);
CREATE INDEX tickets_unit ON tickets(unit_id, status, created_at, id);
CREATE INDEX tickets_status ON tickets(status, created_at, id);
CREATE INDEX tickets_created ON tickets(created_at, id);
CREATE INDEX tickets_resolved ON tickets(status, resolved_at);

CREATE TABLE ticket_events (
  ticket_id BIGINT NOT NULL REFERENCES tickets(id),
  seq BIGINT NOT NULL,
  kind TEXT NOT NULL,
  actor_id BIGINT REFERENCES people(id),
  channel TEXT NOT NULL,
  occurred_at BIGINT NOT NULL,
  is_public INTEGER NOT NULL,
  data TEXT NOT NULL,
  PRIMARY KEY (ticket_id, seq)
);

CREATE TABLE attachments (
  id {{id}},
  ticket_id BIGINT NOT NULL REFERENCES tickets(id),
  sha256 TEXT NOT NULL,
  filename TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size_bytes BIGINT NOT NULL,
  uploaded_by BIGINT NOT NULL REFERENCES people(id),
  is_public INTEGER NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX attachments_ticket ON attachments(ticket_id);
)SQL";

// Full-text search over subject, description and public replies.
extern const char* const kMigrationV001SearchSqlite = R"SQL(
CREATE VIRTUAL TABLE ticket_search USING fts5(
  subject, body, tokenize = 'unicode61 remove_diacritics 2');
)SQL";

extern const char* const kMigrationV001SearchPostgres = R"SQL(
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE TABLE ticket_search (
  ticket_id BIGINT PRIMARY KEY REFERENCES tickets(id),
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  document TSVECTOR NOT NULL
);
CREATE INDEX ticket_search_document ON ticket_search USING GIN (document);
)SQL";

}  // namespace guiche::store
