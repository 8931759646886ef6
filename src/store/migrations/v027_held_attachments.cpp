// Version 27: files the desk's policy refused are kept, held apart
// (app/attachments/attachment_policy.hpp). A held attachment has its reason
// (pt-BR) in held_reason; a normal one has ''. An admin's release empties it
// and records who and when (released_by without a foreign key, so the
// migration can be undone on SQLite; the attachment_released event, whose
// actor is checked, is the record of truth). Held files are rows of attachments like the
// others, so backup, restore and `guiche check` carry them unchanged.
namespace guiche::store {

extern const char* const kMigrationV027HeldAttachments = R"SQL(
ALTER TABLE attachments ADD COLUMN held_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE attachments ADD COLUMN released_by BIGINT;
ALTER TABLE attachments ADD COLUMN released_at BIGINT;
-- The admins' list of held files reads only them, newest first.
CREATE INDEX attachments_held ON attachments(id) WHERE held_reason <> '';
)SQL";

}  // namespace guiche::store
