#include "support/test_database.hpp"

#include <stdlib.h>

#include <filesystem>

#include "store/migrations/migrations.hpp"
#include "support/postgres_test_database.hpp"

namespace guiche::testing {

std::string engine_name(const ::testing::TestParamInfo<Engine>& info) {
  return info.param == Engine::sqlite ? "SQLite" : "PostgreSQL";
}

std::string make_temp_dir(const std::string& prefix) {
  std::string pattern = (std::filesystem::temp_directory_path() / (prefix + "XXXXXX")).string();
  if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
  return pattern;
}

TestDatabase::TestDatabase(Engine engine) : engine_(engine) {
  data_dir_ = make_temp_dir("guiche-test-");
  if (engine == Engine::postgres) url_ = create_fresh_postgres_database();
  reopen();
  store::migrate(*db_);
}

void TestDatabase::reopen() {
  db_.reset();
  db_ = store::open_database(url_, data_dir_);
}

TestDatabase::~TestDatabase() {
  db_.reset();
  if (engine_ == Engine::postgres) drop_postgres_database(url_);
  std::error_code ignored;
  std::filesystem::remove_all(data_dir_, ignored);
}

}  // namespace guiche::testing
