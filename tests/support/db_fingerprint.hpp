#pragma once
// Everything a test database holds, as text, to prove that a refused request
// changed nothing: every row of every table plus the attachment files.
#include <string>

#include "support/test_database.hpp"

namespace guiche::testing {

std::string database_fingerprint(TestDatabase& database);

}  // namespace guiche::testing
