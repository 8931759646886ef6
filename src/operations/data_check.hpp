#pragma once
// `guiche check`: whether a desk's data is whole, without changing any of it.
// Three checks, each reported on its own: the database's integrity (SQLite's
// PRAGMA integrity_check; PostgreSQL keeps its own), every file the rows name
// present under attachments/ with the content its name promises, and every
// ticket row equal to the fold of its events (app/tickets/ticket_drift.hpp).
#include <string>
#include <vector>

namespace guiche::operations {

struct CheckSection {
  std::string title;                  // pt-BR: "banco de dados", "anexos", "chamados"
  std::string summary;                // one line, pt-BR
  std::vector<std::string> problems;  // each names what is wrong and where
  bool skipped = false;
};

struct CheckReport {
  std::vector<CheckSection> sections;
  bool passed() const;
};

// Throws OperationRefused when there is no database to check (a SQLite file
// that does not exist is never created here).
CheckReport check_data(const std::string& data_dir, const std::string& database_url);

}  // namespace guiche::operations
