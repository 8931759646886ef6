// Outbound WhatsApp sends per second: N notices queued in a fresh SQLite
// outbox (people inside their 24-hour window, so free-form text), sent by the
// WhatsApp transport's worker to the fake Cloud API on 127.0.0.1. The
// baseline, measured in the same run, is the fake's own round trip (GET
// /health on one kept-alive connection): the ratio is what the transport,
// the outbox and the fake's validation cost above that.
//
//   bench_whatsapp_outbound [--messages N] [--port P]
// Starts scripts/test-servers/whatsapp.sh on --port (default 8799) unless
// GUICHE_BENCH_WHATSAPP_PORT names a fake already running.
#include <curl/curl.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>

#include "store/migrations/migrations.hpp"
#include "store/outbox_rows.hpp"
#include "store/whatsapp_window_rows.hpp"
#include "transports/outbox_worker.hpp"
#include "transports/whatsapp/whatsapp_transport.hpp"

using namespace guiche;
using namespace std::chrono_literals;

namespace {

std::size_t keep(char* data, std::size_t size, std::size_t count, void* out) {
  static_cast<std::string*>(out)->append(data, size * count);
  return size * count;
}

// GET `url` `times` times on one connection; the seconds taken (or -1).
double round_trips(const std::string& url, int times, std::string* last = nullptr) {
  CURL* curl = curl_easy_init();
  std::string body;
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, keep);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &body);
  const auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < times; ++i) {
    body.clear();
    if (curl_easy_perform(curl) != CURLE_OK) {
      curl_easy_cleanup(curl);
      return -1;
    }
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  curl_easy_cleanup(curl);
  if (last) *last = body;
  return seconds;
}

}  // namespace

int main(int argc, char** argv) {
  int messages = 2000, port = 8799;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--messages") messages = std::atoi(argv[i + 1]);
    if (flag == "--port") port = std::atoi(argv[i + 1]);
  }
  const bool own_fake = std::getenv("GUICHE_BENCH_WHATSAPP_PORT") == nullptr;
  if (!own_fake) port = std::atoi(std::getenv("GUICHE_BENCH_WHATSAPP_PORT"));
  const std::string script = std::string(GUICHE_SOURCE_DIR) + "/scripts/test-servers/whatsapp.sh";
  const std::string env = "GUICHE_TEST_WHATSAPP_PORT=" + std::to_string(port) + " ";
  if (own_fake && std::system((env + script + " start >/dev/null").c_str()) != 0) return 1;
  curl_global_init(CURL_GLOBAL_DEFAULT);
  const std::string base = "http://127.0.0.1:" + std::to_string(port);
  const std::string line = "9" + std::to_string(::getpid());  // this run's phone number id

  const double baseline = round_trips(base + "/health", messages);

  const auto dir = std::filesystem::temp_directory_path() /
                   ("guiche-bench-whatsapp-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  auto db = store::open_database("", dir.string());
  store::migrate(*db);
  SystemClock clock;
  db->write([&](store::Connection& c) {
    for (int p = 0; p < 100; ++p)
      store::touch_whatsapp_window(c, "55279999" + std::to_string(10000 + p), clock.now());
    for (int i = 0; i < messages; ++i) {
      store::OutboxMessage m;
      m.channel = "whatsapp";
      m.template_key = "agent_reply";
      m.recipient_name = "Maria Solicitante";
      m.recipient_address = "+55279999" + std::to_string(10000 + i % 100);
      m.subject = "[SA 2026-000001] Atualização";
      m.text_body = "Nova mensagem na SA 2026-000001 (Sofia):\n\nAviso " + std::to_string(i);
      m.payload =
          R"({"template":{"name":"guiche_aviso","language":"pt_BR","parameters":["Maria","x"]}})";
      m.next_attempt_at = clock.now();
      m.created_at = clock.now();
      store::enqueue_message(c, m, "guiche.localhost");
    }
  });
  transports::WhatsAppTransportConfig wa;
  wa.api = {base + "/v21.0", line, "fake-token"};
  transports::WorkerConfig config;
  config.batch = 100;
  config.poll = 10ms;
  const auto start = std::chrono::steady_clock::now();
  {
    transports::OutboxWorker worker(
        *db, clock, std::make_unique<transports::WhatsAppTransport>(*db, clock, wa), config);
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
  std::string answer;
  round_trips(base + "/_control/" + line + "/attempts", 1, &answer);
  std::printf(
      "whatsapp outbound (SQLite outbox -> fake Cloud API on 127.0.0.1:%d, 1 worker): "
      "%d of %d sent in %.2f s = %.0f sends/s\n",
      port, sent, messages, seconds, sent / seconds);
  std::printf("  baseline: the fake's GET /health round trip, %.0f/s; sends run at %.2f of it\n",
              messages / baseline, (sent / seconds) / (messages / baseline));
  std::printf("  the fake counted: %s\n", answer.c_str());
  db.reset();
  std::filesystem::remove_all(dir);
  const int stopped = own_fake ? std::system((env + script + " stop").c_str()) : 0;
  return sent == messages && stopped == 0 ? 0 : 1;
}
