// Version 7: what the administration needs of the directory. Units may be
// deactivated (kept for the history of their tickets). An authorization may
// carry its own expiry date ("válida até", the last day it holds) and keeps
// the reason it was revoked, or its revocation asked for.
namespace guiche::store {

extern const char* const kMigrationV007AdminDirectory = R"SQL(
ALTER TABLE units ADD COLUMN active INTEGER NOT NULL DEFAULT 1;
ALTER TABLE authorizations ADD COLUMN expires_on TEXT;
ALTER TABLE authorizations ADD COLUMN revocation_reason TEXT NOT NULL DEFAULT '';
)SQL";

}  // namespace guiche::store
