// The desk at state scale (issue 21): fills a desk with N tickets through the
// application layer (bench/scale_world.hpp), serves it with the real
// `guiche serve` binary and measures through HTTP at a chosen concurrency:
// one ticket, each queue, search (a common and a rare word), the attendant's
// workspace and registration, next to GET /api/v1/health from the same run.
// The desk grows stage by stage (10k, 100k, and 1M with --million) and every
// figure is printed with its ratio to the first stage's, with the database's
// size per ticket and the server's resident memory.
//
//   bench_desk_scale [--sizes 10000,100000] [--million] [--concurrency C] [--seconds S]
//                    [--postgres URL] [--no-sqlite] [--keep] [--guiche PATH]
//                    [--fill-threads T] [--app-fill-max N]
// Past --app-fill-max tickets (100,000) the history grows by copying the
// finished tickets already registered (bench/scale_clone.hpp).
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "load_runner.hpp"
#include "scale_clone.hpp"
#include "scale_world.hpp"
#include "store/database.hpp"
#include "store/migrations/migrations.hpp"

using namespace guiche;
namespace fs = std::filesystem;

namespace {

struct Options {
  std::vector<long> sizes = {10000, 100000};
  int concurrency = 32;
  double seconds = 2;
  std::string postgres_url;
  bool sqlite = true;
  bool keep = false;  // leave the data directory for a look at the plans
  std::string guiche = GUICHE_SOURCE_DIR "/build/guiche";
  int fill_threads = 8;
  std::int64_t step_ms = 30000;  // simulated time between two registrations
  // Past this many tickets the history grows by copying finished tickets
  // (bench/scale_clone.hpp) instead of registering through the application.
  long app_fill_max = 100000;
};

struct Figure {
  std::string name;
  bench::LoadResult alone;   // one connection: what one request costs
  bench::LoadResult result;  // --concurrency connections
};

struct Stage {
  long tickets = 0;
  bench::FillReport fill;
  long cloned = 0;  // finished tickets copied (bench/scale_clone.hpp)
  double clone_seconds = 0;
  std::vector<Figure> figures;
  double bytes_per_ticket = 0;
  long rss_kb = 0, peak_rss_kb = 0;
};

long status_kb(pid_t pid, const std::string& field) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind(field + ":", 0) == 0) return std::atol(line.c_str() + field.size() + 1);
  }
  return 0;
}

// `guiche serve` on its own port, its access log in `log`.
pid_t start_server(const Options& o, const std::string& data, const std::string& url,
                   unsigned short port, const std::string& log) {
  const pid_t pid = ::fork();
  if (pid == 0) {
    std::FILE* out = std::fopen(log.c_str(), "w");
    if (out) {
      ::dup2(::fileno(out), 1);
      ::dup2(::fileno(out), 2);
    }
    const std::string listen = "127.0.0.1:" + std::to_string(port);
    std::vector<std::string> args = {o.guiche, "serve", "--data", data, "--listen", listen};
    if (!url.empty()) {
      args.push_back("--database");
      args.push_back(url);
    }
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    ::execv(o.guiche.c_str(), argv.data());
    std::_Exit(127);
  }
  for (int i = 0; i < 1200; ++i) {
    std::string body;
    bench::KeepAliveClient probe(port);
    if (probe.request("GET", "/api/v1/health", "", "", body) == 200) return pid;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  std::fprintf(stderr, "bench_desk_scale: the server did not answer (see %s)\n", log.c_str());
  ::kill(pid, SIGTERM);
  std::exit(1);
}

void stop_server(pid_t pid) {
  ::kill(pid, SIGTERM);
  int status = 0;
  ::waitpid(pid, &status, 0);
}

std::vector<Figure> measure(const Options& o, unsigned short port, const bench::ScaleWorld& w,
                            const std::vector<std::int64_t>& ids) {
  const std::string agent = "Authorization: Bearer " + w.attendant_token + "\r\n";
  const std::string requester =
      "Authorization: Bearer " + w.requester_token + "\r\nContent-Type: application/json\r\n";
  const std::string cookie = "Cookie: guiche_session=" + w.attendant_session + "\r\n";
  const std::string central = std::to_string(w.central);
  using Work = std::function<int(bench::KeepAliveClient&, long)>;
  auto get = [](std::string target, std::string headers) -> Work {
    return [target, headers](bench::KeepAliveClient& c, long) {
      std::string body;
      return c.request("GET", target, headers, "", body);
    };
  };
  const std::vector<std::pair<std::string, Work>> workloads = {
      {"health", get("/api/v1/health", "")},
      {"read one ticket",
       [&](bench::KeepAliveClient& c, long i) {
         std::string body;
         const auto id = ids[static_cast<std::size_t>(i * 7919) % ids.size()];
         return c.request("GET", "/api/v1/tickets/" + std::to_string(id), agent, "", body);
       }},
      {"API central queue, new, by deadline",
       get("/api/v1/tickets?unit_id=" + central + "&status=new&sort=deadline&limit=50", agent)},
      {"API queue by creation",
       get("/api/v1/tickets?unit_id=" + central + "&status=new&limit=50", agent)},
      {"queue: my unit", get("/atendimento/tabela?fila=minha-unidade", cookie)},
      {"queue: assigned to me", get("/atendimento/tabela?fila=atribuidos", cookie)},
      {"queue: unassigned", get("/atendimento/tabela?fila=sem-responsavel", cookie)},
      {"queue: at risk", get("/atendimento/tabela?fila=em-risco", cookie)},
      {"queue: breached", get("/atendimento/tabela?fila=vencidos", cookie)},
      {"search, common word", get("/api/v1/tickets?q=lentidao&limit=20", agent)},
      {"search, rare word", get("/api/v1/tickets?q=quimera&limit=20", agent)},
      {"workspace /atendimento", get("/atendimento", cookie)},
      // The charter reads a service's last 12 months and the current one from
      // the roll-ups the ledger keeps (store/service_figure_rows.hpp), live.
      {"charter: a service's page", get("/carta/servicos/SRV1", "")},
      {"charter: /carta.json (every service)", get("/carta.json", "")},
      {"register a ticket",
       [&](bench::KeepAliveClient& c, long i) {
         std::string body;
         return c.request("POST", "/api/v1/tickets", requester,
                          R"({"service_code":"SRV1","subject":"Sistema lento )" +
                              std::to_string(i) + R"(","description":")" +
                              bench::scale_description(i) + R"("})",
                          body);
       }},
  };
  std::vector<Figure> out;
  for (const auto& [name, work] : workloads) {
    {
      // One request first: a workload that fails says why, once.
      bench::KeepAliveClient probe(port);
      const auto started = std::chrono::steady_clock::now();
      const int status = work(probe, 0);
      const double first_ms =
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
              .count();
      if (status < 200 || status >= 300) {
        std::fprintf(stderr, "  %s: HTTP %d\n", name.c_str(), status);
      }
      std::fprintf(stderr, "  %-38s first request %8.2f ms\n", name.c_str(), first_ms);
    }
    Figure figure{name, bench::run_load(1, o.seconds / 2, port, work), {}};
    figure.result = bench::run_load(o.concurrency, o.seconds, port, work);
    out.push_back(figure);
    std::fprintf(stderr, "  %-38s %9.0f req/s  p99 %8.2f ms  failures %ld\n", name.c_str(),
                 out.back().result.rate, out.back().result.p99, out.back().result.failures);
  }
  return out;
}

long count_tickets(store::Database& db) {
  long n = 0;
  db.read([&](store::Connection& c) {
    n = static_cast<long>(c.query_one("SELECT count(*) FROM tickets")->integer(0));
  });
  return n;
}

double database_bytes(store::Database& db, const std::string& sqlite_dir) {
  if (db.dialect() == store::Dialect::sqlite) {
    double bytes = 0;
    for (const char* f : {"guiche.db", "guiche.db-wal"}) {
      std::error_code ec;
      auto size = fs::file_size(fs::path(sqlite_dir) / f, ec);
      if (!ec) bytes += static_cast<double>(size);
    }
    return bytes;
  }
  double bytes = 0;
  db.read([&](store::Connection& c) {
    bytes =
        static_cast<double>(c.query_one("SELECT pg_database_size(current_database())")->integer(0));
  });
  return bytes;
}

void print_table(const char* engine, const std::vector<Stage>& stages) {
  constexpr int kWidth = 43;  // one stage's columns
  std::printf("\n%s\n%-38s", engine, "tickets");
  for (const auto& s : stages) std::printf(" | %*ld", kWidth, s.tickets);
  std::printf("\n%-38s", "");
  for (std::size_t i = 0; i < stages.size(); ++i) {
    std::printf(" | %8s %6s %8s %8s %8s", "alone ms", "×1", "req/s", "p99 ms", "p99 ×1");
  }
  std::printf("\n");
  auto ratio = [](double value, double first) { return first > 0 ? value / first : 0.0; };
  for (std::size_t f = 0; f < stages.front().figures.size(); ++f) {
    std::printf("%-38s", stages.front().figures[f].name.c_str());
    const auto& first = stages.front().figures[f];
    for (const auto& stage : stages) {
      const auto& fig = stage.figures[f];
      std::printf(" | %8.2f %5.2fx %8.0f %8.2f %7.2fx", fig.alone.p50,
                  ratio(fig.alone.p50, first.alone.p50), fig.result.rate, fig.result.p99,
                  ratio(fig.result.p99, first.result.p99));
      if (fig.result.failures) std::printf(" (%ld failed)", fig.result.failures);
    }
    std::printf("\n");
  }
  auto line = [&](const char* name, auto value) {
    std::printf("%-38s", name);
    for (const auto& s : stages) std::printf(" | %*s", kWidth, value(s).c_str());
    std::printf("\n");
  };
  auto fmt = [](const char* f, double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, f, v);
    return std::string(buf);
  };
  line("registration ÷ health", [&](const Stage& s) {
    return fmt("%.3f", s.figures.back().result.rate / s.figures.front().result.rate);
  });
  line("database bytes per ticket",
       [&](const Stage& s) { return fmt("%.0f", s.bytes_per_ticket); });
  line("server RSS after the run (MiB)",
       [&](const Stage& s) { return fmt("%.1f", static_cast<double>(s.rss_kb) / 1024); });
  line("server peak RSS (MiB)",
       [&](const Stage& s) { return fmt("%.1f", static_cast<double>(s.peak_rss_kb) / 1024); });
  line("fill: tickets/s (application layer)", [&](const Stage& s) {
    return fmt("%.0f", static_cast<double>(s.fill.tickets) / std::max(s.fill.seconds, 1e-9));
  });
  line("fill: housekeeping catch-up (s)",
       [&](const Stage& s) { return fmt("%.1f", s.fill.catch_up_seconds); });
  line("fill: finished tickets copied", [&](const Stage& s) {
    return fmt("%.0f", static_cast<double>(s.cloned)) + fmt(" in %.0f s", s.clone_seconds);
  });
  std::fflush(stdout);
}

void run_engine(const char* engine, const Options& o, const std::string& url,
                const std::string& dir) {
  fs::create_directories(dir);
  // The registered history ends near the real now at the last stage filled
  // through the application (copies go further back: bench/scale_clone.hpp).
  const long last = std::min(o.sizes.back(), o.app_fill_max);
  const auto real_now =
      std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now());
  bench::FillClock clock(real_now - std::chrono::milliseconds(last * o.step_ms));
  bench::ScaleWorld world;
  std::vector<Stage> stages;
  {
    auto db = store::open_database(url, dir);
    store::migrate(*db);
    app::Desk desk(*db, clock, app::DeskConfig{dir});
    world = bench::build_scale_world(desk);
  }
  long index = 0;
  for (long size : o.sizes) {
    Stage stage;
    {
      auto db = store::open_database(url, dir);
      app::Desk desk(*db, clock, app::DeskConfig{dir});
      const long have = count_tickets(*db);
      const long by_app = std::max(0L, std::min(size, o.app_fill_max) - have);
      std::fprintf(stderr, "%s: filling %ld → %ld tickets…\n", engine, have, size);
      if (by_app > 0) {
        stage.fill = bench::fill_tickets(desk, clock, world, index, index + by_app, o.fill_threads,
                                         o.step_ms);
        index += by_app;
        std::fprintf(stderr, "  %ld tickets in %.1f s (%ld failed), catch-up %.1f s\n",
                     stage.fill.tickets, stage.fill.seconds, stage.fill.failures,
                     stage.fill.catch_up_seconds);
      }
      if (count_tickets(*db) < size) {
        const auto t0 = std::chrono::steady_clock::now();
        stage.cloned = bench::clone_history(*db, size);
        stage.clone_seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        std::fprintf(stderr, "  %ld finished tickets copied in %.1f s\n", stage.cloned,
                     stage.clone_seconds);
      }
      stage.tickets = count_tickets(*db);
    }
    // Tickets to read, anywhere in the history (copied ones leave gaps in the ids).
    std::vector<std::int64_t> sample_ids;
    {
      auto db = store::open_database(url, dir);
      world.attendant_session = bench::open_attendant_session(*db, dir);
      db->read([&](store::Connection& c) {
        for (const auto& r : c.query("SELECT id FROM tickets ORDER BY random() LIMIT 5000")) {
          sample_ids.push_back(r.integer(0));
        }
      });
    }
    const auto port = static_cast<unsigned short>(20000 + (::getpid() + size) % 20000);
    const pid_t server = start_server(o, dir, url, port, dir + "/serve.log");
    stage.figures = measure(o, port, world, sample_ids);
    stage.rss_kb = status_kb(server, "VmRSS");
    stage.peak_rss_kb = status_kb(server, "VmHWM");
    stop_server(server);
    {
      auto db = store::open_database(url, dir);
      const long now_tickets = count_tickets(*db);
      stage.bytes_per_ticket = database_bytes(*db, dir) / static_cast<double>(now_tickets);
    }
    stages.push_back(std::move(stage));
    print_table(engine, stages);
  }
}

// A fresh database beside the one in `url` (same server), for this run.
std::string fresh_postgres(const std::string& url) {
  const std::string name = "guiche_scale_bench";
  const std::string command = "psql -q -X '" + url + "' -c 'DROP DATABASE IF EXISTS " + name +
                              "' -c 'CREATE DATABASE " + name + "' >/dev/null";
  if (std::system(command.c_str()) != 0) {
    std::fprintf(stderr, "bench_desk_scale: could not create database %s\n", name.c_str());
    std::exit(1);
  }
  return url.substr(0, url.rfind('/')) + "/" + name;
}

std::vector<long> parse_sizes(const std::string& text) {
  std::vector<long> out;
  std::stringstream in(text);
  std::string item;
  while (std::getline(in, item, ',')) out.push_back(std::max(1L, std::atol(item.c_str())));
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string flag = argv[i];
    const bool has_value = i + 1 < argc;
    if (flag == "--million") {
      o.sizes.push_back(1000000);
    } else if (flag == "--no-sqlite") {
      o.sqlite = false;
    } else if (flag == "--keep") {
      o.keep = true;
    } else if (flag == "--sizes" && has_value) {
      o.sizes = parse_sizes(argv[++i]);
    } else if (flag == "--concurrency" && has_value) {
      o.concurrency = std::max(1, std::atoi(argv[++i]));
    } else if (flag == "--seconds" && has_value) {
      o.seconds = std::max(0.5, std::atof(argv[++i]));
    } else if (flag == "--postgres" && has_value) {
      o.postgres_url = argv[++i];
    } else if (flag == "--guiche" && has_value) {
      o.guiche = argv[++i];
    } else if (flag == "--app-fill-max" && has_value) {
      o.app_fill_max = std::max(1L, std::atol(argv[++i]));
    } else if (flag == "--fill-threads" && has_value) {
      o.fill_threads = std::max(1, std::atoi(argv[++i]));
    } else {
      std::fprintf(stderr,
                   "usage: %s [--sizes 10000,100000] [--million] [--concurrency C] [--seconds S] "
                   "[--postgres URL] [--no-sqlite] [--keep] [--guiche PATH] [--fill-threads T] "
                   "[--app-fill-max N]\n",
                   argv[0]);
      return 2;
    }
  }
  if (const char* binary = std::getenv("GUICHE_BINARY")) o.guiche = binary;
  if (!fs::exists(o.guiche)) {
    std::fprintf(stderr, "bench_desk_scale: binário não encontrado: %s (use --guiche)\n",
                 o.guiche.c_str());
    return 2;
  }
  const auto dir = fs::temp_directory_path() / ("guiche-scale-" + std::to_string(::getpid()));
  std::printf(
      "bench_desk_scale: each workload %.1f s on one connection (\"alone\": its p50), then "
      "%.1f s on %d; ×1: the ratio to the first stage's figure\n",
      o.seconds / 2, o.seconds, o.concurrency);
  if (o.sqlite) run_engine("SQLite", o, "", (dir / "sqlite").string());
  if (!o.postgres_url.empty()) {
    run_engine("PostgreSQL", o, fresh_postgres(o.postgres_url), (dir / "pg").string());
  }
  if (o.keep) {
    std::fprintf(stderr, "bench_desk_scale: data kept in %s\n", dir.c_str());
  } else {
    fs::remove_all(dir);
  }
  return 0;
}
