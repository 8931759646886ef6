// Outbound deliveries per second: N messages queued in a fresh SQLite
// outbox, delivered by the outbox worker to a local SMTP sink (aiosmtpd).
//
//   bench_mail_delivery [--messages N] [--workers W] [--port P]
// Starts scripts/test-servers/smtp.sh on --port (default 2599) unless
// GUICHE_BENCH_SMTP_PORT names a sink already running.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "store/migrations/migrations.hpp"
#include "store/outbox_rows.hpp"
#include "transports/email/delivery_worker.hpp"

using namespace guiche;
using namespace std::chrono_literals;

int main(int argc, char** argv) {
  int messages = 2000, workers = 2, port = 2599;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--messages") messages = std::atoi(argv[i + 1]);
    if (flag == "--workers") workers = std::atoi(argv[i + 1]);
    if (flag == "--port") port = std::atoi(argv[i + 1]);
  }
  const bool own_sink = std::getenv("GUICHE_BENCH_SMTP_PORT") == nullptr;
  if (!own_sink) port = std::atoi(std::getenv("GUICHE_BENCH_SMTP_PORT"));
  const std::string script = std::string(GUICHE_SOURCE_DIR) + "/scripts/test-servers/smtp.sh";
  const std::string env = "GUICHE_TEST_SMTP_PORT=" + std::to_string(port) + " ";
  if (own_sink && std::system((env + script + " start >/dev/null").c_str()) != 0) return 1;

  const auto dir =
      std::filesystem::temp_directory_path() / ("guiche-bench-mail-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  auto db = store::open_database("", dir.string());
  store::migrate(*db);
  SystemClock clock;
  db->write([&](store::Connection& c) {
    for (int i = 0; i < messages; ++i) {
      store::OutboxMessage m;
      m.template_key = "agent_reply";
      m.recipient_name = "Maria Solicitante";
      m.recipient_address = "maria@seger.es.gov.br";
      m.subject = "[SA 2026-000001] Atualização " + std::to_string(i);
      m.text_body = "Olá, Maria.\n\nSua solicitação foi atualizada.\n";
      m.html_body = "<p>Olá, Maria.</p><p>Sua solicitação foi atualizada.</p>";
      m.next_attempt_at = clock.now();
      m.created_at = clock.now();
      store::enqueue_message(c, m, "guiche.localhost");
    }
  });
  mail::DeliveryConfig config;
  config.smtp.host = "127.0.0.1";
  config.smtp.port = port;
  config.smtp.tls = mail::SmtpConfig::Tls::none;
  config.poll = 10ms;
  const auto start = std::chrono::steady_clock::now();
  {
    std::vector<std::unique_ptr<mail::DeliveryWorker>> running;
    for (int w = 0; w < workers; ++w)
      running.push_back(std::make_unique<mail::DeliveryWorker>(*db, clock, config));
    for (;;) {
      bool busy = false;
      db->read([&](store::Connection& c) {
        busy = !store::list_messages(c, "pending", {}, 1).empty() ||
               !store::list_messages(c, "sending", {}, 1).empty();
      });
      if (!busy) break;
      std::this_thread::sleep_for(5ms);
    }
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  int sent = 0;
  db->read([&](store::Connection& c) {
    sent = static_cast<int>(
        c.query_one("SELECT count(*) FROM outbox WHERE status = 'sent'")->integer(0));
  });
  std::printf(
      "mail delivery (SQLite outbox -> aiosmtpd on 127.0.0.1:%d, %d workers): "
      "%d of %d sent in %.2f s = %.0f messages/s\n",
      port, workers, sent, messages, seconds, sent / seconds);
  db.reset();
  std::filesystem::remove_all(dir);
  const int stopped = own_sink ? std::system((env + script + " stop").c_str()) : 0;
  return sent == messages && stopped == 0 ? 0 : 1;
}
