#include "support/test_database.hpp"

#include <stdlib.h>

#include <cstdint>
#include <cstdio>
#include <filesystem>

#include "store/migrations/migrations.hpp"
#include "support/postgres_test_database.hpp"

namespace guiche::testing {

namespace {

// The template every PostgreSQL test database is copied from: named by a hash (FNV-1a) of the
// migrations, so a changed or added migration makes a new one.
std::string postgres_template_name() {
  std::uint64_t hash = 14695981039346656037ull;
  auto mix = [&](const std::string& text) {
    for (unsigned char c : text) hash = (hash ^ c) * 1099511628211ull;
  };
  for (const auto& m : store::migrations_for(store::Dialect::postgres)) {
    mix(std::to_string(m.version));
    mix(m.sql);
  }
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
  return std::string("guiche_template_") + hex;
}

std::string create_migrated_postgres_database() {
  static const std::string template_name = postgres_template_name();
  return create_postgres_database_from_template(template_name, [](const std::string& url) {
    const std::string dir = make_temp_dir("guiche-template-");
    store::migrate(*store::open_database(url, dir));
    std::error_code ignored;
    std::filesystem::remove_all(dir, ignored);
  });
}

// SQLite: the migrations run once per process into a template file that every test database
// starts as a copy of (the file is whole: the engine checkpoints its WAL when closed).
class SqliteTemplate {
 public:
  SqliteTemplate() : dir_(make_temp_dir("guiche-template-")) {
    store::migrate(*store::open_database("", dir_));
  }
  ~SqliteTemplate() {
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }
  void copy_into(const std::string& data_dir) const {
    std::filesystem::copy_file(std::filesystem::path(dir_) / "guiche.db",
                               std::filesystem::path(data_dir) / "guiche.db");
  }

 private:
  std::string dir_;
};

}  // namespace

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
  if (engine == Engine::postgres) {
    url_ = create_migrated_postgres_database();
  } else {
    static const SqliteTemplate migrated;
    migrated.copy_into(data_dir_);
  }
  reopen();
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
