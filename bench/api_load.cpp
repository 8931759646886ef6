// Drives the real HTTP server over loopback at a chosen concurrency and
// prints req/s and p50/p99 for each workload, next to GET /api/v1/health
// measured the same way in the same run (the server's floor).
//
//   bench_api_load [--concurrency C] [--seconds S] [--postgres URL] [--only NAME]
//                  [--no-access-log]
// --only runs the health baseline and the workloads whose name contains NAME.
// "read ticket" reads as the requester (their own data: not in the access
// log); "read ticket staff" as an admin, each read an entry of the LGPD
// access log (app/privacy/access_log.hpp); --no-access-log turns the log off
// for the baseline of that cost.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <thread>
#include <vector>

#include "api/routes.hpp"
#include "app/accounts/accounts.hpp"
#include "app/directory/directory.hpp"
#include "app/intake/intake.hpp"
#include "bench_world.hpp"
#include "http/server.hpp"
#include "keepalive_client.hpp"
#include "load_runner.hpp"
#include "store/migrations/migrations.hpp"
#include "thread_cpu.hpp"

using namespace guiche;

namespace {

struct Options {
  int concurrency = 64;
  double seconds = 3;
  std::string postgres_url;
  std::string only;  // run only workloads whose name contains this
  bool access_log = true;
};

struct World {
  std::string token;
  std::string staff_token;  // an admin's: staff reads go to the access log
};

World prepare(app::Desk& desk) {
  auto world = bench::prepare_bench_world(desk);
  const app::Actor requester{world.requester, Channel::api};
  auto token = desk.accounts().create_api_token(requester, world.requester.id, "carga");
  Person root;
  root.id = -1;
  root.roles = {{Role::admin, std::nullopt}};
  Person staff;
  staff.name = "Administradora de Leitura";
  staff.roles = {{Role::admin, std::nullopt}};
  staff = desk.directory().create_person(app::Actor{root, Channel::api}, {staff, std::nullopt});
  auto staff_token =
      desk.accounts().create_api_token(app::Actor{staff, Channel::api}, staff.id, "leitura");
  // The tickets the read workload cycles through, so it can run alone (--only).
  for (int i = 0; i < 500; ++i) {
    app::RegisterRequest r;
    r.requester_id = world.requester.id;
    r.service_code = world.service_code;
    r.subject = "Chamado de leitura " + std::to_string(i);
    r.description = "Lentidão ao emitir documento na unidade " + std::to_string(i % 97) + ".";
    desk.intake().register_request(requester, r);
  }
  return {token.secret, staff_token.secret};
}

using Result = bench::LoadResult;

Result run(const Options& o, unsigned short port,
           const std::function<int(bench::KeepAliveClient&, long)>& work) {
  return bench::run_load(o.concurrency, o.seconds, port, work);
}

// The CPU the server's threads spent, per request of the last workload.
struct ServerCpu {
  double writer = 0;   // the SQLite writer, which runs every write in series
  double workers = 0;  // the HTTP workers and I/O threads, in parallel
};

ServerCpu server_cpu() {
  return {bench::thread_cpu_seconds("sqlite-writer"),
          bench::thread_cpu_seconds("http-worker") + bench::thread_cpu_seconds("http-io")};
}

void report(const char* engine, const char* name, const Result& r, double baseline,
            const ServerCpu& before) {
  const ServerCpu after = server_cpu();
  const double requests = std::max(1.0, static_cast<double>(r.requests));
  std::printf(
      "%-10s %-16s %9.0f req/s  p50 %6.2f ms  p99 %6.2f ms  %5.3fx health  failures %ld  "
      "CPU/req: writer %5.0f us, workers %5.0f us\n",
      engine, name, r.rate, r.p50, r.p99, baseline > 0 ? r.rate / baseline : 1.0, r.failures,
      (after.writer - before.writer) / requests * 1e6,
      (after.workers - before.workers) / requests * 1e6);
}

void bench_engine(const char* engine, const std::string& url, const std::string& dir,
                  const Options& o) {
  auto db = store::open_database(url, dir);
  store::migrate(*db);
  SystemClock clock;
  app::DeskConfig config{dir};
  config.access_log.enabled = o.access_log;
  app::Desk desk(*db, clock, config);
  const World world = prepare(desk);
  api::ApiContext context{desk};
  const auto routes = api::api_routes(context);
  http::ServeControl control;
  http::ServeOptions serving;
  serving.reads_may_block = !o.postgres_url.empty() && url == o.postgres_url;
  serving.control = &control;
  const unsigned short port = static_cast<unsigned short>(20000 + (::getpid() % 20000));
  std::thread server([&] { http::serve(routes, "127.0.0.1", port, serving); });
  for (int i = 0; i < 200; ++i) {
    std::string body;
    bench::KeepAliveClient probe(port);
    if (probe.request("GET", "/api/v1/health", "", "", body) == 200) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
  }
  const std::string auth = "Authorization: Bearer " + world.token + "\r\n";
  const std::string json = auth + "Content-Type: application/json\r\n";
  const std::string staff_auth = "Authorization: Bearer " + world.staff_token + "\r\n";

  const ServerCpu health_start = server_cpu();
  Result health = run(o, port, [&](bench::KeepAliveClient& c, long) {
    std::string body;
    return c.request("GET", "/api/v1/health", "", "", body);
  });
  report(engine, "health", health, health.rate, health_start);
  using Work = std::function<int(bench::KeepAliveClient&, long)>;
  const std::vector<std::pair<const char*, Work>> workloads = {
      {"register ticket",
       [&](bench::KeepAliveClient& c, long i) {
         std::string body;
         return c.request("POST", "/api/v1/tickets", json,
                          R"({"service_code":"CARGA","subject":"Sistema lento )" +
                              std::to_string(i) +
                              R"(","description":"Lentidão ao emitir documento na unidade )" +
                              std::to_string(i % 97) + R"(."})",
                          body);
       }},
      {"read ticket",
       [&](bench::KeepAliveClient& c, long i) {
         std::string body;
         return c.request("GET", "/api/v1/tickets/" + std::to_string(1 + i % 500), auth, "", body);
       }},
      {"read ticket staff",
       [&](bench::KeepAliveClient& c, long i) {
         std::string body;
         return c.request("GET", "/api/v1/tickets/" + std::to_string(1 + i % 500), staff_auth, "",
                          body);
       }},
      {"list queue",
       [&](bench::KeepAliveClient& c, long) {
         std::string body;
         return c.request("GET", "/api/v1/tickets?status=new&limit=20", auth, "", body);
       }},
      {"search",
       [&](bench::KeepAliveClient& c, long i) {
         std::string body;
         return c.request(
             "GET", "/api/v1/tickets?q=lentidao+unidade+" + std::to_string(i % 97) + "&limit=20",
             auth, "", body);
       }},
  };
  for (const auto& [name, work] : workloads) {
    if (std::string(name).find(o.only) == std::string::npos) continue;
    const ServerCpu start = server_cpu();
    report(engine, name, run(o, port, work), health.rate, start);
  }
  control.request_stop();
  server.join();
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; i += 2) {
    std::string flag = argv[i];
    if (flag == "--no-access-log") {
      o.access_log = false;
      --i;  // no value
      continue;
    }
    if (i + 1 >= argc) flag = "";
    if (flag == "--concurrency")
      o.concurrency = std::max(1, std::atoi(argv[i + 1]));
    else if (flag == "--seconds")
      o.seconds = std::max(0.5, std::atof(argv[i + 1]));
    else if (flag == "--postgres")
      o.postgres_url = argv[i + 1];
    else if (flag == "--only")
      o.only = argv[i + 1];
    else {
      std::fprintf(stderr,
                   "usage: %s [--concurrency C] [--seconds S] [--postgres URL] [--only NAME] "
                   "[--no-access-log]\n",
                   argv[0]);
      return 2;
    }
  }
  std::fprintf(stderr, "(access log lines go to stderr; redirect it to keep the table readable)\n");
  auto dir =
      std::filesystem::temp_directory_path() / ("guiche-api-bench-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  bench_engine("SQLite", "", (dir / "sqlite").string(), o);
  if (!o.postgres_url.empty()) bench_engine("PostgreSQL", o.postgres_url, (dir / "pg").string(), o);
  std::filesystem::remove_all(dir);
  return 0;
}
