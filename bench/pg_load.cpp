// Where PostgreSQL time goes (issue 22): serves a desk on the project's
// PostgreSQL test server through real HTTP and measures registration, reading
// one ticket, the central's queue, search and GET /api/v1/health at 1, 8 and
// 64 connections, next to `pgbench` committing one-row inserts on the same
// server in the same run (the baseline: what the server itself allows). Every
// figure is printed with its ratio to the baseline at the same client count.
// With pg_stat_statements loaded (scripts/test-servers/postgres.sh preloads
// it) it also counts the statements each use case sends, per request, and
// it prints the CPU each request cost the node's web threads and the server.
//
//   bench_pg_load [--quick] [--seconds S] [--clients 1,8,64] [--tickets N]
//                 [--postgres URL] [--pg-port P] [--keep-server] [--top K]
//                 [--only 'use case'] [--one-node]
// Then it runs each use case at the largest client count on one node and on
// two nodes sharing the clients (--one-node skips that).
// Without --postgres it starts its own test cluster on --pg-port (55442) with
// scripts/test-servers/postgres.sh, so tests running on the default port are
// not disturbed, and stops it at the end unless --keep-server.
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>

#include "api/routes.hpp"
#include "http/server.hpp"
#include "load_runner.hpp"
#include "observability/metrics.hpp"
#include "scale_world.hpp"
#include "store/database.hpp"
#include "store/migrations/migrations.hpp"
#include "thread_cpu.hpp"

using namespace guiche;
namespace fs = std::filesystem;

namespace {

constexpr const char* kPgBin = "/usr/lib/postgresql/15/bin";

struct Options {
  std::vector<int> clients = {1, 8, 64};
  double seconds = 3;
  long tickets = 1000;
  std::string postgres_url;  // admin URL; empty: start our own test cluster
  int pg_port = 55442;
  bool keep_server = false;
  int counted = 100;  // requests per use case for the statement counts
  int top = 12;       // statements listed for registration
  std::string only;   // one use case by name ("register"); empty: all
  bool two_nodes = true;
};

std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// Runs a shell command and returns its standard output.
std::string capture(const std::string& command, int* status = nullptr) {
  std::string out;
  std::FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return out;
  char buf[4096];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, pipe)) > 0) out.append(buf, n);
  const int rc = ::pclose(pipe);
  if (status) *status = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
  return out;
}

std::string trimmed(std::string s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.pop_back();
  return s;
}

// The same server, another database: `postgresql://u@h:p/db?x` with db replaced.
std::string with_database(const std::string& url, const std::string& db) {
  const auto scheme = url.find("://");
  const auto slash = url.find('/', scheme == std::string::npos ? 0 : scheme + 3);
  if (slash == std::string::npos) return url + "/" + db;
  const auto query = url.find('?', slash);
  return url.substr(0, slash + 1) + db + (query == std::string::npos ? "" : url.substr(query));
}

// One psql statement, unaligned and without headers; nothing on failure.
std::optional<std::string> psql(const std::string& url, const std::string& sql,
                                bool quiet = false) {
  int status = 0;
  std::string out =
      capture(std::string(kPgBin) + "/psql -X -At -v ON_ERROR_STOP=1 " + shell_quote(url) + " -c " +
                  shell_quote(sql) + (quiet ? " 2>/dev/null" : ""),
              &status);
  if (status != 0) return std::nullopt;
  return trimmed(out);
}

struct Baseline {
  double tps = 0, latency_ms = 0;
};

// pgbench with a one-row insert per transaction (prepared protocol: the
// fastest a client can ask this server for a commit).
Baseline pgbench(const std::string& url, int clients, double seconds, const std::string& script) {
  const int threads = std::min(clients, 2);
  const std::string out = capture(std::string(kPgBin) + "/pgbench -n -M prepared -c " +
                                  std::to_string(clients) + " -j " + std::to_string(threads) +
                                  " -T " + std::to_string(std::max(1, static_cast<int>(seconds))) +
                                  " -f " + shell_quote(script) + " " + shell_quote(url) + " 2>&1");
  Baseline b;
  std::istringstream in(out);
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("tps = ", 0) == 0) b.tps = std::atof(line.c_str() + 6);
    if (line.rfind("latency average = ", 0) == 0) b.latency_ms = std::atof(line.c_str() + 18);
  }
  if (b.tps == 0) std::fprintf(stderr, "pgbench failed:\n%s\n", out.c_str());
  return b;
}

using Work = std::function<int(bench::KeepAliveClient&, long)>;

struct Workload {
  std::string name;
  Work work;
};

std::vector<Workload> workloads(const bench::ScaleWorld& w, const std::vector<std::int64_t>& ids) {
  const std::string agent = "Authorization: Bearer " + w.attendant_token + "\r\n";
  const std::string requester =
      "Authorization: Bearer " + w.requester_token + "\r\nContent-Type: application/json\r\n";
  const std::string central = std::to_string(w.central);
  auto get = [](std::string target, std::string headers) -> Work {
    return [target, headers](bench::KeepAliveClient& c, long) {
      std::string body;
      return c.request("GET", target, headers, "", body);
    };
  };
  return {
      {"register",
       [requester](bench::KeepAliveClient& c, long i) {
         std::string body;
         return c.request("POST", "/api/v1/tickets", requester,
                          R"({"service_code":"SRV1","subject":"Sistema lento )" +
                              std::to_string(i) + R"(","description":")" +
                              bench::scale_description(i) + R"("})",
                          body);
       }},
      {"read one",
       [agent, ids](bench::KeepAliveClient& c, long i) {
         std::string body;
         const auto id = ids[static_cast<std::size_t>(i * 7919) % ids.size()];
         return c.request("GET", "/api/v1/tickets/" + std::to_string(id), agent, "", body);
       }},
      {"central queue",
       get("/api/v1/tickets?unit_id=" + central + "&status=new&sort=deadline&limit=50", agent)},
      {"search", get("/api/v1/tickets?q=lentidao&limit=20", agent)},
      {"health", get("/api/v1/health", "")},
  };
}

// The node's group commits so far, from its own /metrics registry: how many
// transactions carried how many writes, and their summed duration.
struct GroupCommits {
  double commits = 0, writes = 0, seconds = 0;
};

double metric_value(const std::string& text, const std::string& series) {
  const auto at = text.find("\n" + series + " ");
  return at == std::string::npos ? 0 : std::atof(text.c_str() + at + series.size() + 2);
}

GroupCommits group_commits() {
  const std::string text = "\n" + observability::metrics().exposition();
  const std::string engine = "{engine=\"postgresql\"}";
  return {metric_value(text, "guiche_db_commits_total" + engine),
          metric_value(text, "guiche_db_writes_total{engine=\"postgresql\",outcome=\"ok\"}"),
          metric_value(text, "guiche_db_commit_duration_seconds_sum" + engine)};
}

// CPU spent so far by this node's web threads and by the PostgreSQL server
// (its postmaster and backends): per request, where a use case's time goes.
struct Cpu {
  double node = 0, server = 0;
};

Cpu cpu_now(long postmaster) {
  return {bench::thread_cpu_seconds("http-worker") + bench::thread_cpu_seconds("http-io"),
          postmaster > 0 ? bench::process_tree_cpu_seconds(postmaster) : 0.0};
}

// The server's postmaster, if it runs on this machine (its data directory's
// postmaster.pid); 0 when it cannot be told.
long postmaster_pid(const std::string& url);

// Waits for the server's answer so far, in write and in read transactions.
struct RoundTrips {
  double write = 0, read = 0;
};

RoundTrips round_trips() {
  const std::string text = "\n" + observability::metrics().exposition();
  return {metric_value(text, "guiche_db_round_trips_total{transaction=\"write\"}"),
          metric_value(text, "guiche_db_round_trips_total{transaction=\"read\"}")};
}

struct StatementCount {
  double per_request = -1;  // -1: pg_stat_statements unavailable
  RoundTrips round_trips;   // per request
  double exec_ms = 0;       // the server's execution time per request
  struct Statement {
    double calls, exec_us;  // per request
    std::string text;
  };
  std::vector<Statement> top;  // by execution time
};

// Runs `n` requests one after another and reads what pg_stat_statements
// counted for this database meanwhile (psql's own statements excluded).
StatementCount count_statements(const std::string& url, unsigned short port, const Work& work,
                                int n, int top) {
  StatementCount result;
  if (!psql(url, "SELECT pg_stat_statements_reset()", true)) return result;
  bench::KeepAliveClient client(port);
  const RoundTrips before = round_trips();
  for (int i = 0; i < n; ++i) work(client, 1000000 + i);
  const RoundTrips after = round_trips();
  result.round_trips = {(after.write - before.write) / n, (after.read - before.read) / n};
  const std::string mine =
      "FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid "
      "WHERE d.datname = current_database() AND s.query NOT LIKE '%pg_stat_statements%'";
  result.per_request =
      std::atof(psql(url, "SELECT coalesce(sum(calls), 0) " + mine).value_or("0").c_str()) / n;
  result.exec_ms =
      std::atof(
          psql(url, "SELECT coalesce(sum(total_exec_time), 0) " + mine).value_or("0").c_str()) /
      n;
  std::istringstream rows(
      psql(url, "SELECT calls, total_exec_time, regexp_replace(query, '\\s+', ' ', 'g') " + mine +
                    " ORDER BY total_exec_time DESC, query LIMIT " + std::to_string(top))
          .value_or(""));
  std::string line;
  while (std::getline(rows, line)) {
    const auto bar = line.find('|');
    const auto second = bar == std::string::npos ? bar : line.find('|', bar + 1);
    if (second == std::string::npos) continue;
    result.top.push_back({std::atof(line.substr(0, bar).c_str()) / n,
                          1000 * std::atof(line.substr(bar + 1, second - bar - 1).c_str()) / n,
                          line.substr(second + 1)});
  }
  return result;
}

std::vector<int> parse_list(const std::string& s) {
  std::vector<int> out;
  std::istringstream in(s);
  std::string item;
  while (std::getline(in, item, ',')) out.push_back(std::max(1, std::atoi(item.c_str())));
  return out;
}

// One `guiche serve` node on its own port: its own desk over `db` (a second
// node opens its own pool, so its own write groups, as a second process would).
class ServedNode {
 public:
  ServedNode(store::Database& db, const std::string& dir, unsigned short port)
      : desk_(db, clock_, app::DeskConfig{dir}), routes_(api::api_routes(context_)), port_(port) {
    http::ServeOptions serving;
    serving.reads_may_block = true;  // as `guiche serve` does on PostgreSQL
    serving.control = &control_;
    server_ = std::thread([this, serving] { http::serve(routes_, "127.0.0.1", port_, serving); });
    for (int i = 0; i < 200; ++i) {
      std::string body;
      bench::KeepAliveClient probe(port_);
      if (probe.request("GET", "/api/v1/health", "", "", body) == 200) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(25));
    }
  }
  ~ServedNode() {
    control_.request_stop();
    server_.join();
  }
  ServedNode(const ServedNode&) = delete;
  ServedNode& operator=(const ServedNode&) = delete;

 private:
  SystemClock clock_;
  app::Desk desk_;
  api::ApiContext context_{desk_};
  std::vector<http::Route> routes_;
  const unsigned short port_;
  http::ServeControl control_;
  std::thread server_;
};

// The same load on one node, then on two nodes sharing the clients evenly
// (issue 22, item 4: two nodes must serve more than one).
void compare_two_nodes(const Options& o, const std::string& url, const std::string& dir,
                       const std::vector<Workload>& loads, unsigned short port) {
  const int clients = *std::max_element(o.clients.begin(), o.clients.end());
  const auto second_port = static_cast<unsigned short>(port + 1);
  auto second_db = store::open_database(url, dir);
  ServedNode second(*second_db, dir, second_port);
  std::printf("\nTwo nodes on the same server, %d clients shared evenly, vs one node\n", clients);
  std::printf("%-14s %12s %9s %12s %9s %8s\n", "use case", "1 node req/s", "p99 ms",
              "2 nodes req/s", "p99 ms", "ratio");
  for (const auto& w : loads) {
    const auto one = bench::run_load(clients, o.seconds, port, w.work);
    const auto two = bench::run_load(clients, o.seconds, {port, second_port}, w.work);
    std::printf("%-14s %12.0f %9.2f %12.0f %9.2f %8.2f\n", w.name.c_str(), one.rate, one.p99,
                two.rate, two.p99, one.rate > 0 ? two.rate / one.rate : 0.0);
    std::fflush(stdout);
  }
}

// Serves the filled desk over HTTP and prints the table and the statement counts.
void run_and_report(const Options& o, const std::string& url, const std::string& dir,
                    store::Database& db, const bench::ScaleWorld& world,
                    const std::vector<std::int64_t>& ids, const std::string& script) {
  const auto port = static_cast<unsigned short>(20000 + (::getpid() % 20000));
  ServedNode node(db, dir, port);
  auto loads = workloads(world, ids);
  if (!o.only.empty()) {
    std::erase_if(loads, [&](const Workload& w) { return w.name != o.only; });
  }
  for (const auto& w : loads) {
    bench::KeepAliveClient probe(port);
    const int status = w.work(probe, 0);
    if (status < 200 || status >= 300)
      std::fprintf(stderr, "  %s: HTTP %d\n", w.name.c_str(), status);
  }

  std::printf(
      "PostgreSQL through HTTP vs pgbench one-row inserts, same server, %g s each, %ld "
      "tickets\n\n",
      o.seconds, o.tickets);
  std::printf("%-14s %7s %10s %9s %9s %9s %8s %14s %12s %22s\n", "use case", "clients", "req/s",
              "p50 ms", "p99 ms", "x pgbench", "failures", "writes/commit", "ms/commit",
              "CPU us/req node+server");
  const long postmaster = postmaster_pid(url);
  for (const int clients : o.clients) {
    const Baseline base = pgbench(url, clients, o.seconds, script);
    std::printf("%-14s %7d %10.0f %9.2f %9s %9s %8s\n", "pgbench insert", clients, base.tps,
                base.latency_ms, "-", "1.000", "-");
    for (const auto& w : loads) {
      const GroupCommits before = group_commits();
      const Cpu cpu_before = cpu_now(postmaster);
      const auto r = bench::run_load(clients, o.seconds, port, w.work);
      const Cpu cpu_after = cpu_now(postmaster);
      const GroupCommits after = group_commits();
      const double requests = r.rate * o.seconds;
      const double commits = after.commits - before.commits;
      std::printf("%-14s %7d %10.0f %9.2f %9.2f %9.3f %8ld", w.name.c_str(), clients, r.rate, r.p50,
                  r.p99, base.tps > 0 ? r.rate / base.tps : 0.0, r.failures);
      if (commits > 0) {
        std::printf(" %14.1f %12.2f", (after.writes - before.writes) / commits,
                    1000 * (after.seconds - before.seconds) / commits);
      } else {
        std::printf(" %14s %12s", "", "");
      }
      if (requests > 0) {
        std::printf(" %10.0f + %-10.0f", 1e6 * (cpu_after.node - cpu_before.node) / requests,
                    1e6 * (cpu_after.server - cpu_before.server) / requests);
      }
      std::printf("\n");
      std::fflush(stdout);
    }
    std::printf("\n");
  }

  std::printf(
      "Statements per request (pg_stat_statements, %d requests each, BEGIN/COMMIT "
      "included), the server's time executing them, and the node's waits for an answer in "
      "write and read transactions\n",
      o.counted);
  for (const auto& w : loads) {
    const auto count = count_statements(url, port, w.work, o.counted, o.top);
    if (count.per_request < 0) {
      std::printf(
          "  pg_stat_statements is not loaded: restart the test server with "
          "scripts/test-servers/postgres.sh stop; start\n");
      break;
    }
    std::printf(
        "  %-14s %6.2f statements, %6.0f us executing, round trips %5.2f in writes + %5.2f in "
        "reads\n",
        w.name.c_str(), count.per_request, 1000 * count.exec_ms, count.round_trips.write,
        count.round_trips.read);
    if (w.name == "register") {
      std::printf("      calls  us exec  statement (by execution time)\n");
      for (const auto& st : count.top) {
        std::printf("      %5.2f  %7.1f  %.100s\n", st.calls, st.exec_us, st.text.c_str());
      }
    }
  }

  if (o.two_nodes) compare_two_nodes(o, url, dir, loads, port);
}

long postmaster_pid(const std::string& url) {
  const auto dir = psql(url, "SHOW data_directory", true);
  if (!dir) return 0;
  std::ifstream pid_file(fs::path(*dir) / "postmaster.pid");
  long pid = 0;
  return pid_file >> pid ? pid : 0;
}

int usage(const char* argv0) {
  std::fprintf(stderr,
               "usage: %s [--quick] [--seconds S] [--clients 1,8,64] [--tickets N]\n"
               "          [--postgres URL] [--pg-port P] [--keep-server] [--top K]\n"
               "          [--only 'use case'] [--one-node]\n",
               argv0);
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string flag = argv[i];
    const bool has_value = i + 1 < argc;
    if (flag == "--quick") {
      o.seconds = 1;
      o.tickets = 200;
      o.counted = 30;
    } else if (flag == "--keep-server") {
      o.keep_server = true;
    } else if (flag == "--one-node") {
      o.two_nodes = false;
    } else if (!has_value) {
      return usage(argv[0]);
    } else if (flag == "--seconds") {
      o.seconds = std::max(1.0, std::atof(argv[++i]));
    } else if (flag == "--clients") {
      o.clients = parse_list(argv[++i]);
    } else if (flag == "--tickets") {
      o.tickets = std::max(50L, std::atol(argv[++i]));
    } else if (flag == "--postgres") {
      o.postgres_url = argv[++i];
    } else if (flag == "--pg-port") {
      o.pg_port = std::atoi(argv[++i]);
    } else if (flag == "--only") {
      o.only = argv[++i];
    } else if (flag == "--top") {
      o.top = std::atoi(argv[++i]);
    } else {
      return usage(argv[0]);
    }
  }
  const std::string script_dir = GUICHE_SOURCE_DIR "/scripts/test-servers";
  const std::string cluster_env = "GUICHE_TEST_PG_PORT=" + std::to_string(o.pg_port) +
                                  " GUICHE_TEST_PG_DIR=/tmp/guiche-pg-bench-" +
                                  std::to_string(o.pg_port) + " ";
  const bool own_server = o.postgres_url.empty();
  if (own_server) {
    o.postgres_url = trimmed(capture(cluster_env + script_dir + "/postgres.sh start"));
    if (o.postgres_url.rfind("postgresql://", 0) != 0) {
      std::fprintf(stderr, "bench_pg_load: the test server did not start\n");
      return 1;
    }
  }
  const std::string dbname = "guiche_bench_" + std::to_string(::getpid());
  if (!psql(o.postgres_url, "CREATE DATABASE " + dbname)) {
    std::fprintf(stderr, "bench_pg_load: cannot create database %s\n", dbname.c_str());
    return 1;
  }
  const std::string url = with_database(o.postgres_url, dbname);
  psql(url, "CREATE EXTENSION IF NOT EXISTS pg_stat_statements", true);
  psql(url, "CREATE TABLE pgbench_one_row (id bigserial PRIMARY KEY, v int, at timestamptz)");
  const auto dir = fs::temp_directory_path() / ("guiche-pg-bench-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const std::string script = (dir / "one_row.sql").string();
  std::ofstream(script) << "INSERT INTO pgbench_one_row (v, at) VALUES (1, now());\n";

  std::fprintf(stderr, "filling %ld tickets on %s ...\n", o.tickets, dbname.c_str());
  auto db = store::open_database(url, dir.string());
  store::migrate(*db);
  const auto real_now =
      std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now());
  bench::FillClock fill_clock(real_now - std::chrono::milliseconds(o.tickets * 30000));
  bench::ScaleWorld world;
  {
    app::Desk desk(*db, fill_clock, app::DeskConfig{dir.string()});
    world = bench::build_scale_world(desk);
    bench::fill_tickets(desk, fill_clock, world, 0, o.tickets, 8, 30000);
  }
  std::vector<std::int64_t> ids;
  db->read([&](store::Connection& c) {
    for (const auto& row : c.query("SELECT id FROM tickets ORDER BY id")) {
      ids.push_back(row.integer(0));
    }
  });

  run_and_report(o, url, dir.string(), *db, world, ids, script);
  db.reset();
  psql(o.postgres_url, "DROP DATABASE IF EXISTS " + dbname + " WITH (FORCE)");
  fs::remove_all(dir);
  if (own_server && !o.keep_server) capture(cluster_env + script_dir + "/postgres.sh stop");
  return 0;
}
