#include "support/postgres_test_database.hpp"

#include <libpq-fe.h>

#include <unistd.h>
#include <atomic>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <map>
#include <memory>
#include <random>
#include <stdexcept>

namespace guiche::testing {
namespace {

constexpr const char* kUrlVariable = "GUICHE_TEST_PG_URL";
constexpr const char* kPrefix = "guiche_test_";

struct ConnDeleter {
  void operator()(PGconn* c) const { PQfinish(c); }
};
using Conn = std::unique_ptr<PGconn, ConnDeleter>;

std::string admin_url() {
  const char* url = std::getenv(kUrlVariable);
  if (url == nullptr || *url == '\0') {
    throw std::runtime_error(
        std::string(kUrlVariable) +
        " is not set; start a server with "
        "`export GUICHE_TEST_PG_URL=$(scripts/test-servers/postgres.sh start)`");
  }
  return url;
}

// The explicitly given options of a conninfo string or URL.
std::map<std::string, std::string> parse(const std::string& conninfo) {
  char* error = nullptr;
  PQconninfoOption* options = PQconninfoParse(conninfo.c_str(), &error);
  if (options == nullptr) {
    std::string message = error ? error : "out of memory";
    PQfreemem(error);
    throw std::runtime_error("cannot parse PostgreSQL test URL: " + message);
  }
  std::map<std::string, std::string> result;
  for (PQconninfoOption* o = options; o->keyword != nullptr; ++o) {
    if (o->val != nullptr && *o->val != '\0') result[o->keyword] = o->val;
  }
  PQconninfoFree(options);
  return result;
}

std::string percent_encode(const std::string& s) {
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    }
  }
  return out;
}

// Every option goes in the query string so that socket paths, IPv6 hosts and
// host lists need no special URL syntax.
std::string url_for(const std::string& base, const std::string& dbname) {
  std::string url = "postgresql:///" + percent_encode(dbname);
  char separator = '?';
  for (const auto& [key, value] : parse(base)) {
    if (key == "dbname") continue;
    url += separator + key + "=" + percent_encode(value);
    separator = '&';
  }
  return url;
}

Conn connect(const std::string& url) {
  Conn conn(PQconnectdb(url.c_str()));
  if (!conn || PQstatus(conn.get()) != CONNECTION_OK) {
    throw std::runtime_error(std::string("cannot connect to the PostgreSQL test server: ") +
                             (conn ? PQerrorMessage(conn.get()) : "out of memory"));
  }
  return conn;
}

void exec(PGconn* conn, const std::string& sql, ExecStatusType expected = PGRES_COMMAND_OK) {
  PGresult* res = PQexec(conn, sql.c_str());
  bool ok = res != nullptr && PQresultStatus(res) == expected;
  std::string message = ok ? "" : PQerrorMessage(conn);
  PQclear(res);
  if (!ok) throw std::runtime_error(sql + ": " + message);
}

// A name no other test, process or run has used.
std::string fresh_name() {
  static std::atomic<unsigned> counter{0};
  std::random_device random;
  char suffix[16];
  std::snprintf(suffix, sizeof suffix, "%08x", static_cast<unsigned>(random()));
  return kPrefix + std::to_string(getpid()) + "_" + std::to_string(++counter) + "_" + suffix;
}

bool database_exists(PGconn* conn, const std::string& name) {
  const char* values[] = {name.c_str()};
  PGresult* res = PQexecParams(conn, "SELECT 1 FROM pg_database WHERE datname = $1", 1, nullptr,
                               values, nullptr, nullptr, 0);
  const bool ok = res != nullptr && PQresultStatus(res) == PGRES_TUPLES_OK;
  const bool found = ok && PQntuples(res) == 1;
  std::string message = ok ? "" : PQerrorMessage(conn);
  PQclear(res);
  if (!ok) throw std::runtime_error("cannot look up database " + name + ": " + message);
  return found;
}

// pg_advisory_lock or pg_advisory_unlock of the key the template's makers share.
void template_lock(PGconn* conn, const char* function) {
  exec(conn, std::string("SELECT ") + function + "(7340201)", PGRES_TUPLES_OK);
}

}  // namespace

std::string create_fresh_postgres_database() {
  std::string admin = admin_url();
  std::string name = fresh_name();
  Conn conn = connect(admin);
  // template0 so that nothing a test left in template1 leaks into other tests.
  exec(conn.get(), "CREATE DATABASE " + name + " TEMPLATE template0 ENCODING 'UTF8'");
  return url_for(admin, name);
}

std::string create_postgres_database_from_template(
    const std::string& template_name, const std::function<void(const std::string&)>& make) {
  std::string admin = admin_url();
  Conn conn = connect(admin);
  {
    // Session-level: released when conn closes if make throws, else just below, so that the
    // copies themselves run side by side.
    template_lock(conn.get(), "pg_advisory_lock");
    if (!database_exists(conn.get(), template_name)) {
      // Built under another name and renamed when whole, so a run killed half-way
      // never leaves a template that others would copy.
      const std::string building = template_name + "_wip";
      exec(conn.get(), "DROP DATABASE IF EXISTS " + building + " WITH (FORCE)");
      exec(conn.get(), "CREATE DATABASE " + building + " TEMPLATE template0 ENCODING 'UTF8'");
      make(url_for(admin, building));
      exec(conn.get(), "ALTER DATABASE " + building + " RENAME TO " + template_name);
    }
    template_lock(conn.get(), "pg_advisory_unlock");
  }
  std::string name = fresh_name();
  exec(conn.get(), "CREATE DATABASE " + name + " TEMPLATE " + template_name);
  return url_for(admin, name);
}

void drop_postgres_database(const std::string& url) {
  try {
    auto options = parse(url);
    std::string name = options["dbname"];
    // Refuse anything this file did not create: the URL may be mistyped.
    if (name.rfind(kPrefix, 0) != 0) return;
    Conn conn = connect(admin_url());
    char* quoted = PQescapeIdentifier(conn.get(), name.c_str(), name.size());
    if (quoted == nullptr) return;
    std::string sql = std::string("DROP DATABASE IF EXISTS ") + quoted + " WITH (FORCE)";
    PQfreemem(quoted);
    exec(conn.get(), sql);
  } catch (const std::exception&) {
  }
}

}  // namespace guiche::testing
