// What the WhatsApp worker's look for numbers to answer (store::numbers_ready,
// twice a second) costs once the inbox holds a long history: N processed
// messages from 50,000 numbers and a few pending ones, on a migrated desk
// database of either engine. It times the query as it is against the one it
// replaced (grouping the whole table; SQLite walked whatsapp_inbound_number
// over every row), prints their plans (PostgreSQL: EXPLAIN (ANALYZE)), and,
// with the same history and people, tables of conversations, codes and media,
// the PostgreSQL plans of the other WhatsApp look-ups.
//
//   bench_whatsapp_ready [--rows N] [--pending P] [--runs R] [--postgres ADMIN_URL]
// With --postgres it creates a database of its own on that server and drops
// it at the end (scripts/test-servers/postgres.sh start prints such a URL).
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "store/database.hpp"
#include "store/migrations/migrations.hpp"
#include "store/whatsapp_inbound_rows.hpp"
#include "store/whatsapp_ticket_rows.hpp"

using namespace guiche;

namespace {

// store::numbers_ready's statement before tests/store/whatsapp_ready_plan_test.cpp.
constexpr const char* kOldReady =
    "SELECT wa_id FROM whatsapp_inbound WHERE state = 'pending' AND kind = 'message' "
    "GROUP BY wa_id HAVING MAX(next_attempt_at) <= ? AND MAX(received_at) <= ? "
    "ORDER BY MIN(id) LIMIT ?";

constexpr std::int64_t kT0 = 1772452800000;

std::string with_database(const std::string& url, const std::string& db) {
  const auto scheme = url.find("://");
  const auto slash = url.find('/', scheme == std::string::npos ? 0 : scheme + 3);
  if (slash == std::string::npos) return url + "/" + db;
  const auto query = url.find('?', slash);
  return url.substr(0, slash + 1) + db + (query == std::string::npos ? "" : url.substr(query));
}

bool psql(const std::string& url, const std::string& sql) {
  const std::string command = "psql -X -q -v ON_ERROR_STOP=1 '" + url + "' -c '" + sql + "'";
  return std::system(command.c_str()) == 0;
}

// The history: `rows` messages answered long ago, then `pending` new ones
// from a handful of numbers; people with phones and CPFs, conversations,
// identity codes and media, one per number.
void load(store::Database& db, bool sqlite, int rows, int pending) {
  const std::string numbers = "50000";
  const std::string series =
      sqlite ? "WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < ?) "
             : "WITH g(n) AS (SELECT generate_series(1, ?::bigint)) ";
  db.write([&](store::Connection& c) {
    c.query("INSERT INTO whatsapp_webhook_batches (received_at, body, items) VALUES (?, '{}', 1)",
            {kT0});
    c.query(series +
                "INSERT INTO whatsapp_inbound (dedup_key, kind, batch_id, wa_id, item, sent_at, "
                "received_at, state, attempts, next_attempt_at, outcome, processed_at) "
                "SELECT 'message:old' || n, 'message', 1, '55279' || (n % " +
                numbers + "), '{}', ? + n, ? + n, 'done', 1, ? + n, 'respondida', ? + n FROM g",
            {std::int64_t{rows}, kT0, kT0, kT0, kT0});
    c.query(series +
                "INSERT INTO whatsapp_inbound (dedup_key, kind, batch_id, wa_id, item, sent_at, "
                "received_at, next_attempt_at) "
                "SELECT 'message:new' || n, 'message', 1, '55279' || (n % 3), '{}', ? + n, ? + n, "
                "? + n FROM g",
            {std::int64_t{pending}, kT0 + rows, kT0 + rows, kT0 + rows});
    c.query(series +
                "INSERT INTO people (name, phone, cpf, active, created_at) "
                "SELECT 'Pessoa ' || n, '+55279' || n, 'cpf' || n, 1, ? FROM g",
            {std::int64_t{50000}, kT0});
    c.query(series +
                "INSERT INTO whatsapp_conversations (wa_id, person_id, state, updated_at, "
                "expires_at) SELECT '55279' || n, n, 'idle', ?, "
                "CASE WHEN n % 100 = 0 THEN ? + n END FROM g",
            {std::int64_t{50000}, kT0, kT0});
    c.query(series +
                "INSERT INTO whatsapp_identity_codes (wa_id, person_id, code_mac, expires_at) "
                "SELECT '55279' || n, n, 'mac', ? FROM g",
            {std::int64_t{50000}, kT0});
    c.query(series +
                "INSERT INTO whatsapp_media (media_id, wa_id, sha256, content_type, size_bytes, "
                "filename, fetched_at) SELECT 'media' || n, '55279' || n, 'x', 'image/jpeg', 1, "
                "'f.jpg', ? FROM g",
            {std::int64_t{50000}, kT0});
    if (!sqlite) c.execute_script("ANALYZE");
  });
}

std::string plan(store::Database& db, bool sqlite, const std::string& sql,
                 const std::vector<store::Value>& params, bool analyze) {
  std::string out;
  db.read([&](store::Connection& c) {
    const std::string explain =
        sqlite ? "EXPLAIN QUERY PLAN " : (analyze ? "EXPLAIN (ANALYZE) " : "EXPLAIN ");
    for (const auto& r : c.query(explain + sql, params)) {
      out += "    " + r.text(r.size() - 1) + "\n";
    }
  });
  return out;
}

// Median wall time of `runs` executions, in milliseconds.
double median_ms(store::Database& db, const std::string& sql,
                 const std::vector<store::Value>& params, int runs, std::size_t* found) {
  std::vector<double> times;
  for (int i = 0; i < runs; ++i) {
    const auto start = std::chrono::steady_clock::now();
    db.read([&](store::Connection& c) { *found = c.query(sql, params).size(); });
    times.push_back(
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
            .count());
  }
  std::sort(times.begin(), times.end());
  return times[times.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  int rows = 1000000, pending = 5, runs = 21;
  std::string admin_url;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--rows") rows = std::atoi(argv[i + 1]);
    if (flag == "--pending") pending = std::atoi(argv[i + 1]);
    if (flag == "--runs") runs = std::max(1, std::atoi(argv[i + 1]));
    if (flag == "--postgres") admin_url = argv[i + 1];
  }
  const bool sqlite = admin_url.empty();
  const std::string name = "guiche_bench_ready_" + std::to_string(::getpid());
  const auto dir = std::filesystem::temp_directory_path() / name;
  std::filesystem::create_directories(dir);
  if (!sqlite && !psql(admin_url, "CREATE DATABASE " + name)) return 1;
  {
    auto db = store::open_database(sqlite ? "" : with_database(admin_url, name), dir.string());
    store::migrate(*db);
    const auto start = std::chrono::steady_clock::now();
    load(*db, sqlite, rows, pending);
    std::printf(
        "whatsapp ready numbers (%s, %d processed messages from 50000 numbers, %d "
        "pending; loaded in %.1f s):\n",
        sqlite ? "SQLite" : "PostgreSQL", rows, pending,
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    const std::vector<store::Value> params{kT0 + rows + 3600000, kT0 + rows + 3600000,
                                           std::int64_t{50}};
    std::size_t found_old = 0, found_new = 0;
    const double old_ms = median_ms(*db, kOldReady, params, runs, &found_old);
    const double new_ms = median_ms(*db, store::numbers_ready_sql(), params, runs, &found_new);
    std::printf("  before: %.3f ms (%zu numbers)\n%s", old_ms, found_old,
                plan(*db, sqlite, kOldReady, params, true).c_str());
    std::printf("  now:    %.3f ms (%zu numbers)\n%s", new_ms, found_new,
                plan(*db, sqlite, store::numbers_ready_sql(), params, true).c_str());
    std::printf("  before/now: %.0fx (median of %d runs each)\n", old_ms / new_ms, runs);
    if (!sqlite) {
      const std::string wa = "5527912345";
      const struct {
        const char* what;
        std::string sql;
        std::vector<store::Value> params;
      } others[] = {
          {"conversation by number",
           "SELECT wa_id, person_id, state FROM whatsapp_conversations WHERE wa_id = ?",
           {wa}},
          {"conversations expired",
           "SELECT wa_id FROM whatsapp_conversations WHERE expires_at IS NOT NULL AND "
           "expires_at <= ? ORDER BY expires_at LIMIT ?",
           {kT0 + 1000, std::int64_t{50}}},
          {"identity code by number",
           "SELECT wa_id, person_id FROM whatsapp_identity_codes WHERE wa_id = ?",
           {wa}},
          {"media by id",
           "SELECT media_id FROM whatsapp_media WHERE media_id = ?",
           {std::string("media12345")}},
          {"person by CPF", "SELECT id FROM people WHERE cpf = ?", {std::string("cpf12345")}},
          {"active people with a phone",
           "SELECT id FROM people WHERE phone IN (?, ?) AND active = 1 ORDER BY id LIMIT ?",
           {std::string("+5527912345"), std::string("+552712345"), std::int64_t{5}}},
          {"pending messages of a number",
           "SELECT id FROM whatsapp_inbound WHERE wa_id = ? AND state = 'pending' "
           "AND kind = 'message' ORDER BY sent_at, id",
           {std::string("552791")}},
          {"due statuses",
           "SELECT id FROM whatsapp_inbound WHERE state = 'pending' AND kind = 'status' "
           "AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?",
           {kT0 + rows + 3600000, std::int64_t{50}}},
          {"ticket: messages attached",
           store::whatsapp_ticket_attached_sql(),
           {std::int64_t{1}, std::int64_t{200}}},
          {"ticket: the requester's messages not attached",
           store::whatsapp_ticket_unattached_sql(2),
           {std::string("552791"), std::string("5527991"), kT0, std::int64_t{200}}},
          {"ticket: answers sent",
           store::whatsapp_ticket_outbound_sql(),
           {std::int64_t{1}, std::int64_t{1}, std::int64_t{200}}},
      };
      for (const auto& o : others) {
        std::printf("  %s:\n%s", o.what, plan(*db, sqlite, o.sql, o.params, true).c_str());
      }
    }
  }
  std::filesystem::remove_all(dir);
  if (!sqlite) psql(admin_url, "DROP DATABASE " + name);
  return 0;
}
