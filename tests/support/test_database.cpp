#include "support/test_database.hpp"

#include <stdlib.h>

#include <cstdint>
#include <cstdio>
#include <filesystem>

#include "store/migrations/migrations.hpp"
#include "support/postgres_test_database.hpp"

namespace guiche::testing {

namespace {

// A hash (FNV-1a, hex) of an engine's migrations, and for SQLite of this test binary too: a
// changed or added migration, or a rebuilt binary (perhaps opening files another way), makes a
// new template.
std::string migrations_hash(store::Dialect dialect, const std::string& also = "") {
  std::uint64_t hash = 14695981039346656037ull;
  auto mix = [&](const std::string& text) {
    for (unsigned char c : text) hash = (hash ^ c) * 1099511628211ull;
  };
  for (const auto& m : store::migrations_for(dialect)) {
    mix(std::to_string(m.version));
    mix(m.sql);
  }
  mix(also);
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
  return hex;
}

// The template every PostgreSQL test database is copied from.
std::string postgres_template_name() {
  return "guiche_template_" + migrations_hash(store::Dialect::postgres);
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

// SQLite: the migrations run once into a template file that every test database starts as a
// copy of, kept in the temporary directory for the next processes (ctest runs each test in its
// own). It is built apart and renamed into place whole (the engine checkpoints its WAL when
// closed), so a process never copies half a template.
std::string this_binary() {
  namespace fs = std::filesystem;
  std::error_code error;
  const auto exe = fs::read_symlink("/proc/self/exe", error);
  if (error) return "";
  const auto written = fs::last_write_time(exe, error);
  return exe.string() + "@" + std::to_string(written.time_since_epoch().count());
}

class SqliteTemplate {
 public:
  SqliteTemplate()
      : file_(std::filesystem::temp_directory_path() /
              ("guiche-sqlite-template-" + migrations_hash(store::Dialect::sqlite, this_binary()) +
               ".db")) {
    namespace fs = std::filesystem;
    if (fs::exists(file_)) return;
    const std::string dir = make_temp_dir("guiche-template-");
    store::migrate(*store::open_database("", dir));
    std::error_code ignored;
    fs::rename(fs::path(dir) / "guiche.db", file_, ignored);  // another process's is as good
    fs::remove_all(dir, ignored);
  }
  void copy_into(const std::string& data_dir) const {
    std::filesystem::copy_file(file_, std::filesystem::path(data_dir) / "guiche.db");
  }

 private:
  std::filesystem::path file_;
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
