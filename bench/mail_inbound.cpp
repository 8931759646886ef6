// Inbound mail processed per second through a real server (SQLite), the way
// an MTA delivers it: one `guiche mailgate` process per message; and the same
// messages posted in-process (keep-alive connections). Baselines measured in
// the same run, so the ratios are what to read:
//  - a mailgate process whose post costs the server nothing (a 404), i.e. the
//    price of a process, libcurl and a connection;
//  - a plain registration through the API (POST /api/v1/tickets, JSON).
//
//   bench_mail_inbound [--messages N] [--concurrency C] [--guiche PATH]
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "api/routes.hpp"
#include "app/accounts/accounts.hpp"
#include "app/desk.hpp"
#include "app/directory/directory.hpp"
#include "bench_world.hpp"
#include "http/server.hpp"
#include "keepalive_client.hpp"
#include "store/migrations/migrations.hpp"

using namespace guiche;
using Stopwatch = std::chrono::steady_clock;

namespace {

struct Options {
  int messages = 200;
  int concurrency = 4;
  std::string guiche = GUICHE_SOURCE_DIR "/build/guiche";
};

std::string message(int i, const std::string& tag) {
  return "From: Solicitante de Carga <carga@carga.es.gov.br>\r\n"
         "To: atendimento@prodest.es.gov.br\r\n"
         "Subject: Pedido " +
         tag + " " + std::to_string(i) +
         "\r\n"
         "Message-ID: <carga-" +
         tag + "-" + std::to_string(i) +
         "@carga.es.gov.br>\r\n"
         "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
         "Bom dia,\r\n\r\nPreciso de acesso ao sistema de folha. Matrícula 123456.\r\n\r\n"
         "> Em 01/03, a Central escreveu:\r\n> Qual a matrícula?\r\n";
}

unsigned short free_port() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
  socklen_t len = sizeof a;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
  ::close(fd);
  return ntohs(a.sin_port);
}

// Runs `count` jobs on `threads` threads; returns jobs per second.
double per_second(int count, int threads, const std::function<void(int)>& job) {
  std::atomic<int> next{0};
  auto start = Stopwatch::now();
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) {
    pool.emplace_back([&] {
      for (int i = next++; i < count; i = next++) job(i);
    });
  }
  for (auto& th : pool) th.join();
  return count / std::chrono::duration<double>(Stopwatch::now() - start).count();
}

// One mailgate process, the message on stdin; returns its exit code.
int run_mailgate(const Options& o, const std::string& url, const std::string& token,
                 const std::string& file) {
  const std::string command = "GUICHE_MAILGATE_TOKEN='" + token + "' " + o.guiche +
                              " mailgate --url " + url + " <" + file + " >/dev/null 2>&1";
  const int status = std::system(command.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  if (const char* binary = std::getenv("GUICHE_BINARY")) o.guiche = binary;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--messages") o.messages = std::atoi(argv[i + 1]);
    if (flag == "--concurrency") o.concurrency = std::atoi(argv[i + 1]);
    if (flag == "--guiche") o.guiche = argv[i + 1];
  }
  if (!std::filesystem::exists(o.guiche)) {
    std::fprintf(stderr, "bench_mail_inbound: binário não encontrado: %s (use --guiche)\n",
                 o.guiche.c_str());
    return 2;
  }
  const auto dir =
      std::filesystem::temp_directory_path() / ("guiche-bench-mail-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  auto db = store::open_database("", dir.string());
  store::migrate(*db);
  SystemClock clock;
  app::DeskConfig config{dir.string()};
  config.mail_service_code = "CARGA";
  config.mail_notices_per_hour = 1'000'000;  // one requester sends everything here
  app::Desk desk(*db, clock, config);
  const auto world = bench::prepare_bench_world(desk);
  Person root;
  root.id = -1;
  root.roles = {{Role::admin, std::nullopt}};
  Person gateway;
  gateway.name = "Gateway de e-mail";
  gateway.roles = {{Role::attendant, desk.directory().units().front().id}};
  gateway = desk.directory().create_person({root, Channel::api}, {gateway, std::nullopt});
  const std::string token =
      desk.accounts().create_api_token({root, Channel::api}, gateway.id, "mailgate").secret;

  api::ApiContext context{desk};
  const auto routes = api::api_routes(context);
  const unsigned short port = free_port();
  http::ServeControl control;
  std::thread server([&] { http::serve(routes, "127.0.0.1", port, {.control = &control}); });
  for (int i = 0; i < 200; ++i) {
    bench::KeepAliveClient probe(port);
    std::string body;
    if (probe.request("GET", "/api/v1/health", "", "", body) == 200) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
  }
  const std::string url = "http://127.0.0.1:" + std::to_string(port);
  std::vector<std::string> files;
  for (int i = 0; i < o.messages; ++i) {
    files.push_back((dir / ("m" + std::to_string(i) + ".eml")).string());
    std::ofstream(files.back(), std::ios::binary) << message(i, "mailgate");
  }
  std::atomic<int> failures{0};

  const double processes = per_second(o.messages, o.concurrency, [&](int i) {
    if (run_mailgate(o, url + "/nada", token, files[i]) != 75) ++failures;  // 404: deferred
  });
  const double mailgate = per_second(o.messages, o.concurrency, [&](int i) {
    if (run_mailgate(o, url, token, files[i]) != 0) ++failures;
  });
  const std::string mail_headers =
      "Authorization: Bearer " + token + "\r\nContent-Type: message/rfc822\r\n";
  const double in_process = per_second(o.messages, o.concurrency, [&](int i) {
    thread_local bench::KeepAliveClient client(port);
    std::string body;
    if (client.request("POST", "/api/v1/mail/inbound", mail_headers, message(i, "direto"), body) !=
        202)
      ++failures;
  });
  const std::string json_headers =
      "Authorization: Bearer " + token + "\r\nContent-Type: application/json\r\n";
  const double registrations = per_second(o.messages, o.concurrency, [&](int i) {
    thread_local bench::KeepAliveClient client(port);
    const std::string request = nlohmann::json{{"requester_id", world.requester.id},
                                               {"service_code", world.service_code},
                                               {"subject", "Pedido API " + std::to_string(i)},
                                               {"description", "Preciso de acesso ao sistema."}}
                                    .dump();
    std::string body;
    if (client.request("POST", "/api/v1/tickets", json_headers, request, body) != 201) ++failures;
  });
  control.request_stop();
  server.join();

  std::printf("mail inbound (SQLite, %d messages, concurrency %d)\n", o.messages, o.concurrency);
  std::printf("  baseline: mailgate process, no work (404)   %8.1f /s\n", processes);
  std::printf("  mailgate process per message             %8.1f msg/s  (%.2f of baseline)\n",
              mailgate, mailgate / processes);
  std::printf("  baseline: registration via API (JSON)    %8.1f req/s\n", registrations);
  std::printf("  in-process POST /api/v1/mail/inbound     %8.1f msg/s  (%.2f of registration)\n",
              in_process, in_process / registrations);
  if (failures > 0) std::printf("  FAILURES: %d\n", failures.load());
  std::filesystem::remove_all(dir);
  return failures > 0 ? 1 : 0;
}
