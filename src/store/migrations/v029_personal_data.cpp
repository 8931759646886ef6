// Version 29: LGPD (Lei 13.709) exports and anonymizations
// (app/personal_data/personal_data.hpp; the places personal data lives are
// listed in store/personal_data_map.cpp).
//
// - people.anonymized_at: when the person's data was erased (the row stays,
//   "Titular anonimizado #ID", so every foreign key holds); the retention rule
//   reads it to anonymize each person once.
// - personal_data_requests: who had a person's data exported or erased, and
//   when (actor_id NULL: the retention rule of housekeeping). It keeps no datum
//   of the person beyond the id.
// - personal_data_blob_erasures: the attachment files an anonymization stopped
//   referring to, written in its transaction and erased from the store after
//   the commit (files are not transactional); a file still listed after a
//   crash is erased by the next anonymization. Holds only SHA-256 names.
namespace guiche::store {

extern const char* const kMigrationV029PersonalData = R"SQL(
ALTER TABLE people ADD COLUMN anonymized_at BIGINT;

CREATE TABLE personal_data_requests (
  id {{id}},
  person_id BIGINT NOT NULL REFERENCES people(id),
  kind TEXT NOT NULL,
  actor_id BIGINT REFERENCES people(id),
  channel TEXT NOT NULL,
  at BIGINT NOT NULL
);
CREATE INDEX personal_data_requests_person ON personal_data_requests(person_id, id);

CREATE TABLE personal_data_blob_erasures (
  sha256 TEXT PRIMARY KEY,
  requested_at BIGINT NOT NULL
);
)SQL";

}  // namespace guiche::store
