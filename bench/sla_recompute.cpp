// The recompute of the SLA clocks at scale (issue 21, item 4): a desk with N
// unfinished tickets (default 100,000), then
//   - the admin's request that changes the SLA configuration (it only
//     restarts the recompute job: app/sla/sla_recompute.hpp),
//   - the recompute itself, batch after batch, in tickets/s,
//   - `admin rebuild-tickets`' work (TicketWork::rebuild_tickets), in tickets/s,
// each also as a ratio to a baseline measured in the same run on the same
// database: one primary-key read of a ticket row (reads/s). On SQLite, and on
// PostgreSQL with --postgres URL (a database guiche_bench_recompute is
// dropped and created on that server).
//
//   bench_sla_recompute [--tickets N] [--postgres URL] [--no-sqlite] [--seed-tickets S]
//
// A few hundred open tickets are registered and worked through the
// application layer (bench/scale_world.hpp); the rest are copies of them made
// in SQL (events and cached clocks included), doubling until N are open.
#include <libpq-fe.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>

#include "app/sla/sla_admin.hpp"
#include "app/sla/sla_recompute.hpp"
#include "app/tickets/ticket_work.hpp"
#include "scale_clone.hpp"
#include "scale_world.hpp"
#include "store/migrations/migrations.hpp"

using namespace guiche;
namespace fs = std::filesystem;
using Stopwatch = std::chrono::steady_clock;

namespace {

double seconds_since(Stopwatch::time_point t0) {
  return std::chrono::duration<double>(Stopwatch::now() - t0).count();
}

std::int64_t unfinished(store::Database& db) {
  std::int64_t n = 0;
  db.read([&](store::Connection& c) {
    n = c.query_one("SELECT count(*) FROM tickets WHERE status NOT IN ('closed', 'cancelled')")
            ->integer(0);
  });
  return n;
}

// Doubles the unfinished tickets (rows, events, cached clocks) until `target`.
void grow_open_tickets(store::Database& db, std::int64_t target) {
  for (int round = 1;; ++round) {
    std::int64_t have = unfinished(db), top = 0;
    if (have >= target) return;
    std::string chosen = "status NOT IN ('closed', 'cancelled')";
    db.read([&](store::Connection& c) {
      top = c.query_one("SELECT max(id) FROM tickets")->integer(0);
      // Not the copies this round adds (the later statements see them).
      chosen += " AND id <= " + std::to_string(top);
      const auto need = target - have;
      if (need < have) {
        const auto id =
            c.query_one("SELECT id FROM tickets WHERE " + chosen + " ORDER BY id LIMIT 1 OFFSET ?",
                        {need - 1})
                ->integer(0);
        chosen += " AND id <= " + std::to_string(id);
      }
    });
    const std::string offset = std::to_string(top);
    auto moved = [&](const std::string& col) -> std::string {
      if (col == "id" || col == "ticket_id") return "src." + col + " + " + offset;
      if (col == "protocol") return "src.protocol || '-" + std::to_string(round) + "'";
      if (col == "message_id") return "NULL";
      return "src." + col;
    };
    db.write([&](store::Connection& c) {
      bench::copy_tickets(c, moved, chosen, offset);
      if (c.dialect() == store::Dialect::postgres) {
        c.query(
            "SELECT setval(pg_get_serial_sequence('tickets', 'id'), (SELECT max(id) FROM "
            "tickets))");
      }
    });
  }
}

// Primary-key reads of ticket rows per second, for a few seconds.
double pk_reads_per_second(store::Database& db) {
  std::int64_t top = 0;
  db.read(
      [&](store::Connection& c) { top = c.query_one("SELECT max(id) FROM tickets")->integer(0); });
  const auto t0 = Stopwatch::now();
  long reads = 0;
  while (seconds_since(t0) < 2.0) {
    for (int i = 0; i < 200; ++i, ++reads) {
      db.read([&](store::Connection& c) {
        c.query_one("SELECT status, due_at FROM tickets WHERE id = ?", {1 + (reads * 7919) % top});
      });
    }
  }
  return static_cast<double>(reads) / seconds_since(t0);
}

void run_engine(const char* engine, const std::string& url, const std::string& dir, long tickets,
                long seed_tickets) {
  fs::create_directories(dir);
  auto db = store::open_database(url, dir);
  store::migrate(*db);
  const auto real_now =
      std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now());
  bench::FillClock clock(real_now - std::chrono::hours(24 * 30));
  app::Desk desk(*db, clock, app::DeskConfig{dir});
  auto world = bench::build_scale_world(desk);
  std::fprintf(stderr, "%s: registering %ld tickets through the application…\n", engine,
               seed_tickets);
  bench::fill_tickets(desk, clock, world, 0, seed_tickets, 2, 60000);
  std::fprintf(stderr, "%s: copying open tickets up to %ld…\n", engine, tickets);
  grow_open_tickets(*db, tickets);
  clock.set(real_now);
  const auto open = unfinished(*db);
  const double pk = pk_reads_per_second(*db);

  // The administrator bench/scale_world.hpp created: a stored person signs the change.
  std::int64_t admin_id = 0;
  db->read([&](store::Connection& c) {
    admin_id = c.query_one("SELECT id FROM people WHERE name = 'Administradora'")->integer(0);
  });
  const app::Actor admin = desk.accounts().actor(admin_id, Channel::api);
  auto config = sla::to_json(desk.sla().sla_configuration(admin));
  for (auto& p : config["policies"])
    p["resolution"]["amount"] = p["resolution"]["amount"].get<int>() + 1;
  auto t0 = Stopwatch::now();
  desk.sla().update_sla_configuration(admin, config);
  const double request = seconds_since(t0);

  t0 = Stopwatch::now();
  const auto refreshed = desk.sla_recompute().run_until_done();
  const double recompute = seconds_since(t0);

  t0 = Stopwatch::now();
  const auto rebuilt = desk.work().rebuild_tickets();
  const double rebuild = seconds_since(t0);

  const double pk_ms = 1000.0 / pk;
  std::printf("\n%s, %lld unfinished tickets (%lld in all)\n", engine, static_cast<long long>(open),
              static_cast<long long>(rebuilt.total));
  std::printf("  baseline: primary-key read %.0f/s (%.3f ms)\n", pk, pk_ms);
  std::printf("  admin's SLA change request: %.1f ms = %.0f× a primary-key read\n", request * 1000,
              request * 1000 / pk_ms);
  std::printf("  recompute: %lld tickets in %.1f s = %.0f tickets/s = %.3f× the read rate\n",
              static_cast<long long>(refreshed), recompute, refreshed / recompute,
              refreshed / recompute / pk);
  std::printf("  rebuild-tickets: %lld tickets in %.1f s = %.0f tickets/s = %.3f× the read rate\n",
              static_cast<long long>(rebuilt.done), rebuild, rebuilt.done / rebuild,
              rebuilt.done / rebuild / pk);
  std::fflush(stdout);
}

// A fresh database on the server `admin_url` names, for the PostgreSQL run.
std::string fresh_postgres_database(const std::string& admin_url) {
  PGconn* c = PQconnectdb(admin_url.c_str());
  if (PQstatus(c) != CONNECTION_OK) {
    std::fprintf(stderr, "bench_sla_recompute: %s", PQerrorMessage(c));
    PQfinish(c);
    std::exit(2);
  }
  for (const char* sql : {"DROP DATABASE IF EXISTS guiche_bench_recompute",
                          "CREATE DATABASE guiche_bench_recompute"}) {
    PQclear(PQexec(c, sql));
  }
  PQfinish(c);
  const auto slash = admin_url.rfind('/');
  const auto query = admin_url.find('?', slash);
  return admin_url.substr(0, slash + 1) + "guiche_bench_recompute" +
         (query == std::string::npos ? "" : admin_url.substr(query));
}

}  // namespace

int main(int argc, char** argv) {
  long tickets = 100000, seed_tickets = 2000;
  std::string postgres;
  bool sqlite = true;
  for (int i = 1; i < argc; ++i) {
    const std::string flag = argv[i];
    const bool has_value = i + 1 < argc;
    if (flag == "--tickets" && has_value) {
      tickets = std::max(1L, std::atol(argv[++i]));
    } else if (flag == "--seed-tickets" && has_value) {
      seed_tickets = std::max(100L, std::atol(argv[++i]));
    } else if (flag == "--postgres" && has_value) {
      postgres = argv[++i];
    } else if (flag == "--no-sqlite") {
      sqlite = false;
    } else {
      std::fprintf(stderr,
                   "usage: %s [--tickets N] [--postgres URL] [--no-sqlite] [--seed-tickets S]\n",
                   argv[0]);
      return 2;
    }
  }
  const auto dir = fs::temp_directory_path() / ("bench_sla_recompute_" + std::to_string(getpid()));
  if (sqlite) run_engine("SQLite", "", (dir / "sqlite").string(), tickets, seed_tickets);
  if (!postgres.empty()) {
    run_engine("PostgreSQL", fresh_postgres_database(postgres), (dir / "pg").string(), tickets,
               seed_tickets);
  }
  fs::remove_all(dir);
  return 0;
}
