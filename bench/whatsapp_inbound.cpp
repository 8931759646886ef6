// Inbound WhatsApp messages per second, on an embedded SQLite desk: N
// webhook bodies (one message each, from N/2 numbers: a first "Bom dia",
// then the tap on "Aceito") kept by the inbox as the webhook does before its
// 200 (WhatsAppInbox::receive: the body, its rows, the 24-hour window), then
// processed by the chatbot (WhatsAppConversations: conversation state, the
// engine's turn, the answer queued in the outbox). The baseline, measured in
// the same run on the same database, is a one-row write transaction: the
// ratios say what each message costs in such transactions. HTTP and the
// signature check are not counted (bench_api_load measures the server).
//
//   bench_whatsapp_inbound [--messages N]
#include <unistd.h>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "app/desk.hpp"
#include "app/whatsapp/whatsapp_inbox.hpp"
#include "bench_world.hpp"
#include "store/migrations/migrations.hpp"

using namespace guiche;
using nlohmann::json;

namespace {

constexpr const char* kPhoneNumberId = "106540352242922";

std::string webhook(const std::string& wa_id, int n, const json& message_fields) {
  json message{{"from", wa_id},
               {"id", "wamid.bench." + std::to_string(n)},
               {"timestamp", std::to_string(1772452800 + n)}};
  message.update(message_fields);
  json value{
      {"messaging_product", "whatsapp"},
      {"metadata", {{"display_phone_number", "552733334444"}, {"phone_number_id", kPhoneNumberId}}},
      {"contacts", {{{"profile", {{"name", "Pessoa"}}}, {"wa_id", wa_id}}}},
      {"messages", {message}}};
  return json{{"object", "whatsapp_business_account"},
              {"entry", {{{"id", "1"}, {"changes", {{{"field", "messages"}, {"value", value}}}}}}}}
      .dump();
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  int messages = 2000;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (std::string(argv[i]) == "--messages") messages = std::atoi(argv[i + 1]);
  }
  messages = std::max(2, messages - messages % 2);
  const auto dir = std::filesystem::temp_directory_path() /
                   ("guiche-bench-whatsapp-in-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  int processed = 0, answers = 0;
  double baseline = 0, received = 0, worked = 0;
  {
    auto db = store::open_database("", dir.string());
    store::migrate(*db);
    ManualClock clock{from_millis(1772452800000)};
    app::DeskConfig config{dir.string()};
    config.notice_channels = {"email", "whatsapp"};
    config.whatsapp.api_url = "http://127.0.0.1:9/v21.0";
    config.whatsapp.phone_number_id = kPhoneNumberId;
    config.whatsapp.token = config.whatsapp.app_secret = config.whatsapp.verify_token = "bench";
    app::Desk desk(*db, clock, config);
    bench::prepare_bench_world(desk);

    db->write([](store::Connection& c) { c.execute_script("CREATE TABLE bench_rows (n BIGINT)"); });
    auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < messages; ++i) {
      db->write([&](store::Connection& c) {
        c.query("INSERT INTO bench_rows (n) VALUES (?)", {std::int64_t{i}});
      });
    }
    baseline = seconds_since(start);

    std::vector<std::string> bodies;
    const int numbers = messages / 2;
    for (int i = 0; i < numbers; ++i) {
      const std::string wa_id = "55279" + std::to_string(90000000 + i);
      bodies.push_back(webhook(wa_id, 2 * i, {{"type", "text"}, {"text", {{"body", "Bom dia"}}}}));
    }
    for (int i = 0; i < numbers; ++i) {
      const std::string wa_id = "55279" + std::to_string(90000000 + i);
      bodies.push_back(
          webhook(wa_id, 2 * i + 1,
                  {{"type", "interactive"},
                   {"interactive",
                    {{"type", "button_reply"},
                     {"button_reply", {{"id", "consentimento:sim"}, {"title", "Aceito"}}}}}}));
    }
    auto& inbox = desk.whatsapp_inbox();
    // Two rounds, as people write: each number's first message, then its answer.
    for (int round = 0; round < 2; ++round) {
      start = std::chrono::steady_clock::now();
      for (int i = round * numbers; i < (round + 1) * numbers; ++i) inbox.receive(bodies[i]);
      received += seconds_since(start);
      clock.advance(std::chrono::seconds(5));  // past the pause that gathers quick messages
      start = std::chrono::steady_clock::now();
      for (int n; (n = inbox.process_due()) > 0;) processed += n;
      worked += seconds_since(start);
    }
    db->read([&](store::Connection& c) {
      answers = static_cast<int>(
          c.query_one("SELECT count(*) FROM outbox WHERE channel = 'whatsapp'")->integer(0));
    });
  }
  std::filesystem::remove_all(dir);
  const double base_rate = messages / baseline;
  std::printf("whatsapp inbound (SQLite, %d messages from %d numbers, no HTTP):\n", messages,
              messages / 2);
  std::printf("  baseline: one-row write transactions, %.0f/s\n", base_rate);
  std::printf(
      "  kept (webhook body + rows + window, before the 200): %.0f messages/s = %.2f of it\n",
      messages / received, (messages / received) / base_rate);
  std::printf("  processed by the chatbot (%d answers queued): %.0f messages/s = %.2f of it\n",
              answers, processed / worked, (processed / worked) / base_rate);
  return processed == messages && answers >= messages ? 0 : 1;
}
