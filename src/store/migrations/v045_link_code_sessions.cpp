// Version 45: a session opened by confirming an e-mail link code is checked
// again and signed out at the provider like any other (issue 16, item 4).
// The code's row keeps, until it is typed back, what external_sessions
// (v044) will keep for that session: the provider's tokens, sealed as there
// (app/accounts/auth/oidc_backend.hpp), or, for the directory, the login to
// look up again. Swept with the code (personal_data_map.cpp).
namespace guiche::store {

extern const char* const kMigrationV045LinkCodeSessions = R"SQL(
ALTER TABLE external_link_codes ADD COLUMN id_token TEXT NOT NULL DEFAULT '';
ALTER TABLE external_link_codes ADD COLUMN refresh_token TEXT NOT NULL DEFAULT '';
ALTER TABLE external_link_codes ADD COLUMN access_token TEXT NOT NULL DEFAULT '';
ALTER TABLE external_link_codes ADD COLUMN directory_login TEXT NOT NULL DEFAULT '';
)SQL";

}  // namespace guiche::store
