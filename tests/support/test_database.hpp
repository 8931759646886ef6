#pragma once
// A real, empty, migrated database of either engine for one test.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "store/database.hpp"

namespace guiche::testing {

enum class Engine { sqlite, postgres };

std::string engine_name(const ::testing::TestParamInfo<Engine>& info);

class TestDatabase {
 public:
  explicit TestDatabase(Engine engine);
  ~TestDatabase();
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  store::Database& db() { return *db_; }
  const std::string& data_dir() const { return data_dir_; }
  // What `guiche --database` takes to open the same database ("" for SQLite).
  const std::string& url() const { return url_; }
  // Closes and reopens the engine (e.g. after a child process wrote to it).
  void reopen();
  // Closes the engine (before a fork, so no thread or handle crosses it).
  void close() { db_.reset(); }

 private:
  Engine engine_;
  std::string data_dir_;
  std::string url_;
  std::unique_ptr<store::Database> db_;
};

// A fresh temporary directory, removed by the caller.
std::string make_temp_dir(const std::string& prefix);

}  // namespace guiche::testing
