// Version 15: the reminders the desk sends of its own (docs/domain.md,
// "Reminders"; app/incidents/notice_reminders.hpp): one row per notice, kind
// and anchor (the published schedule a maintenance reminder is for, the
// quiet period an incident reminder is for). The primary key is what makes
// each reminder go out once when several nodes run housekeeping at once.
//
// role_grants_role: ASCOM's people (role communications) are found by role,
// not by walking every grant.
namespace guiche::store {

extern const char* const kMigrationV015NoticeReminders = R"SQL(
CREATE TABLE status_notice_reminders (
  notice_id BIGINT NOT NULL REFERENCES status_notices(id),
  kind TEXT NOT NULL,
  anchor BIGINT NOT NULL,
  sent_at BIGINT NOT NULL,
  PRIMARY KEY (notice_id, kind, anchor)
);
CREATE INDEX role_grants_role ON role_grants(role, person_id);
)SQL";

}  // namespace guiche::store
