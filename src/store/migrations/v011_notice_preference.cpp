// Version 11: how each person wants to hear of their requests
// (domain/notice_preference.hpp); by default, by the channel the request came
// through.
namespace guiche::store {

extern const char* const kMigrationV011NoticePreference = R"SQL(
ALTER TABLE people ADD COLUMN notice_preference TEXT NOT NULL DEFAULT 'request_channel';
)SQL";

}  // namespace guiche::store
