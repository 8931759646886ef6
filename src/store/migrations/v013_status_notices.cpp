// Version 13: incident communication (docs/domain.md, "Incident
// communication"): the status page's components, the notices (incidents and
// planned maintenance) with their timeline of events and messages, and the
// tickets linked to them; the monitoring alerts received (Alertmanager
// re-sends them: (fingerprint, starts_at) is each one's identity).
//
// Indexes: the staff board reads the open notices, newest first, from a
// partial index of them (store/status_notice_rows.cpp repeats its states); the status page
// and the feeds read what was published, newest first, from a partial index
// of published events (drafts are never public); a component's page reads its
// notices through status_notice_components_component; a ticket finds its
// notices through status_notice_tickets_ticket.
namespace guiche::store {

extern const char* const kMigrationV013StatusNotices = R"SQL(
CREATE TABLE status_components (
  id {{id}},
  name TEXT NOT NULL UNIQUE,
  group_name TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  service_id BIGINT REFERENCES services(id),
  responsible_unit_id BIGINT NOT NULL REFERENCES units(id),
  active INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE status_component_organizations (
  component_id BIGINT NOT NULL REFERENCES status_components(id),
  organization_id BIGINT NOT NULL REFERENCES organizations(id),
  PRIMARY KEY (component_id, organization_id)
);
CREATE INDEX status_component_organizations_organization
  ON status_component_organizations(organization_id, component_id);

CREATE TABLE status_notices (
  id {{id}},
  kind TEXT NOT NULL,
  state TEXT NOT NULL,
  public_state TEXT,
  title TEXT NOT NULL,
  impact TEXT NOT NULL DEFAULT '',
  organization_id BIGINT REFERENCES organizations(id),
  reporter_kind TEXT NOT NULL,
  reported_by BIGINT REFERENCES people(id),
  starts_at BIGINT,
  ends_at BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  first_published_at BIGINT,
  monitoring_resolved_at BIGINT
);
CREATE INDEX status_notices_open ON status_notices(id)
  WHERE state IN ('reported', 'acknowledged', 'confirmed_organization', 'confirmed_general',
                  'scheduled', 'in_progress');
CREATE INDEX status_notices_published ON status_notices(first_published_at, id)
  WHERE first_published_at IS NOT NULL;

CREATE TABLE status_notice_components (
  notice_id BIGINT NOT NULL REFERENCES status_notices(id),
  component_id BIGINT NOT NULL REFERENCES status_components(id),
  PRIMARY KEY (notice_id, component_id)
);
CREATE INDEX status_notice_components_component
  ON status_notice_components(component_id, notice_id);

CREATE TABLE status_notice_events (
  id {{id}},
  notice_id BIGINT NOT NULL REFERENCES status_notices(id),
  action TEXT NOT NULL,
  state_after TEXT NOT NULL,
  at BIGINT NOT NULL,
  actor_id BIGINT REFERENCES people(id),
  channel TEXT NOT NULL,
  data TEXT NOT NULL,
  message_key TEXT,
  message_title TEXT,
  message_text TEXT,
  published_at BIGINT,
  published_by BIGINT REFERENCES people(id)
);
CREATE INDEX status_notice_events_notice ON status_notice_events(notice_id, id);
CREATE INDEX status_notice_events_published ON status_notice_events(published_at, id)
  WHERE published_at IS NOT NULL;

CREATE TABLE status_notice_tickets (
  notice_id BIGINT NOT NULL REFERENCES status_notices(id),
  ticket_id BIGINT NOT NULL REFERENCES tickets(id),
  linked_by BIGINT REFERENCES people(id),
  linked_at BIGINT NOT NULL,
  PRIMARY KEY (notice_id, ticket_id)
);
CREATE INDEX status_notice_tickets_ticket ON status_notice_tickets(ticket_id, notice_id);

CREATE TABLE monitoring_alerts (
  fingerprint TEXT NOT NULL,
  starts_at BIGINT NOT NULL,
  status TEXT NOT NULL,
  labels TEXT NOT NULL,
  notice_id BIGINT REFERENCES status_notices(id),
  received_at BIGINT NOT NULL,
  PRIMARY KEY (fingerprint, starts_at)
);
CREATE INDEX monitoring_alerts_notice ON monitoring_alerts(notice_id, status);
)SQL";

}  // namespace guiche::store
