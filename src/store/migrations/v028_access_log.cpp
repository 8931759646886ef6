// Version 28: LGPD (Lei 13.709) — the log of who read whose personal data
// (art. 37) and the privacy notice (app/privacy/).
//
// - access_log: one row per (read, data subject): when, who read (the person,
//   and the API token when the call came with one, and the address), through
//   which face (api, web), whose data (subject_person_id: the ticket's
//   requester for a ticket read) and what (object_kind + object_id: ticket 123,
//   person 45, attachment 9). No foreign keys: rows are appended in batches
//   by a background flusher and must never fail for a person or ticket changed
//   meanwhile; the ids are what the law asks to keep. Queries are by subject
//   and time, by reader and time, or by time alone (and retention deletes by
//   time), newest first with (at, id) as the keyset: one index each.
// - privacy_notice: the aviso de privacidade an admin edits (one row, id 1,
//   once saved), with who and when.
namespace guiche::store {

extern const char* const kMigrationV028AccessLog = R"SQL(
CREATE TABLE access_log (
  id {{id}},
  at BIGINT NOT NULL,
  reader_person_id BIGINT,
  reader_token_id BIGINT,
  reader_address TEXT NOT NULL,
  channel TEXT NOT NULL,
  subject_person_id BIGINT NOT NULL,
  object_kind TEXT NOT NULL,
  object_id BIGINT NOT NULL
);
CREATE INDEX access_log_subject ON access_log(subject_person_id, at, id);
CREATE INDEX access_log_reader ON access_log(reader_person_id, at, id);
CREATE INDEX access_log_at ON access_log(at, id);
CREATE TABLE privacy_notice (
  id INTEGER PRIMARY KEY,
  text_pt TEXT NOT NULL,
  text_en TEXT NOT NULL,
  dpo_contact TEXT NOT NULL,
  updated_at BIGINT NOT NULL,
  updated_by BIGINT REFERENCES people(id)
);
)SQL";

}  // namespace guiche::store
