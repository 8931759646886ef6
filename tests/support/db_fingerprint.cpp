#include "support/db_fingerprint.hpp"

#include <filesystem>
#include <set>

namespace guiche::testing {
namespace {

// Every table of the schema; a table added later and missing here only makes
// the fingerprint less strict, never wrong.
constexpr const char* kTables[] = {
    "organizations", "units",          "people",          "person_emails",
    "role_grants",   "authorizations", "services",        "protocol_counters",
    "tickets",       "ticket_events",  "attachments",     "ticket_search",
    "sessions",      "api_tokens",     "idempotency_keys"};

}  // namespace

std::string database_fingerprint(TestDatabase& database) {
  std::string out;
  database.db().read([&](store::Connection& c) {
    for (const char* table : kTables) {
      out += std::string("## ") + table + "\n";
      for (const auto& row : c.query(std::string("SELECT * FROM ") + table + " ORDER BY 1")) {
        for (std::size_t i = 0; i < row.size(); ++i) {
          out += row.is_null(i) ? std::string("NULL") : row.text(i);
          out += '|';
        }
        out += '\n';
      }
    }
  });
  namespace fs = std::filesystem;
  const fs::path blobs = fs::path(database.data_dir()) / "attachments";
  std::set<std::string> files;
  if (fs::exists(blobs)) {
    for (const auto& entry : fs::recursive_directory_iterator(blobs)) {
      if (entry.is_regular_file()) files.insert(entry.path().filename().string());
    }
  }
  out += "## blobs\n";
  for (const auto& f : files) out += f + "\n";
  return out;
}

}  // namespace guiche::testing
