#pragma once
// Realistic pt-BR demo data built from the seeds (see README, "Demo logins").
#include <string>

#include "store/database.hpp"

namespace guiche::demo {

// Whether the database already holds organizations (demo or real).
bool has_data(store::Database& db);

// Loads the demo organizations, units, people, services and tickets through
// the application layer, so every ticket has its real event history.
// Returns a pt-BR summary (counts and the demo logins).
std::string load_demo_data(store::Database& db, const std::string& data_dir);

}  // namespace guiche::demo
