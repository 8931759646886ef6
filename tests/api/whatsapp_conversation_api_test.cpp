// The WhatsApp chatbot end to end (issue 20, "How it is judged"), through
// the fake Cloud API (scripts/test-servers/whatsapp_cloud.py): the fake
// posts signed webhooks to this desk's /webhooks/whatsapp, the inbox and the
// chatbot (app/whatsapp/whatsapp_conversations.hpp) work them, and the bot's
// answers and the notices leave through the WhatsApp transport back to the
// fake, which checks every message against the Cloud API's shapes and
// limits. The rounds are driven with the manual clock.
#include <gmock/gmock.h>

#include <regex>

#include "app/attachments/attachments.hpp"
#include "app/directory/directory.hpp"
#include "app/tickets/ticket_reads.hpp"
#include "app/tickets/ticket_work.hpp"
#include "app/whatsapp/whatsapp_conversations.hpp"
#include "app/whatsapp/whatsapp_inbox.hpp"
#include "app/whatsapp/whatsapp_templates.hpp"
#include "store/outbox_rows.hpp"
#include "store/ticket_rows.hpp"
#include "support/api_world.hpp"
#include "support/whatsapp_fake.hpp"
#include "support/whatsapp_payloads.hpp"
#include "transports/outbox_worker.hpp"
#include "transports/whatsapp/cloud_media_source.hpp"
#include "transports/whatsapp/whatsapp_transport.hpp"

namespace guiche::testing {
namespace {

using nlohmann::json;
using ::testing::HasSubstr;
using namespace std::chrono_literals;

constexpr const char* kNumber = "5527998887766";
// A 1×1 PNG: what a phone's photo is to the desk (sniffed, stored, attached).
constexpr const char* kPhotoBase64 =
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg"
    "==";

class WhatsAppConversationTest : public ApiTest {
 protected:
  app::DeskConfig desk_config() override {
    auto c = ApiTest::desk_config();
    c.whatsapp = test_whatsapp_config();
    c.whatsapp.api_url = fake->api_url();
    c.whatsapp.phone_number_id = fake->phone_number_id();
    c.whatsapp.token = WhatsAppFake::token();
    c.whatsapp.templates = app::load_whatsapp_templates(GUICHE_WHATSAPP_TEMPLATES);
    c.notice_channels = {"email", "whatsapp"};
    return c;
  }
  void SetUp() override {
    ApiTest::SetUp();
    fake->control("config", {{"webhook_url",
                              "http://127.0.0.1:" + std::to_string(port) + "/webhooks/whatsapp"},
                             {"app_secret", test_whatsapp_config().app_secret}});
    transports::CloudApiConfig api{fake->api_url(), fake->phone_number_id(), WhatsAppFake::token()};
    api.timeout = 5s;
    media = std::make_unique<transports::CloudMediaSource>(api);
    desk->whatsapp_conversations().set_media_source(media.get());
    transports::WorkerConfig config;
    config.batch = 100;
    worker = std::make_unique<transports::OutboxWorker>(
        database->db(), clock,
        std::make_unique<transports::WhatsAppTransport>(
            database->db(), clock,
            transports::WhatsAppTransportConfig{api, database->data_dir() + "/attachments"}),
        config, false);
    // A service whose form has a choice, a text and a date, for public servants only: the
    // person must prove who they are.
    Service s;
    s.code = "EQP-REPARO";
    s.name = "Reparo de equipamento";
    s.audience = Audience::public_servants;
    s.form = {{"equipamento",
               "Qual equipamento?",
               FieldType::choice,
               true,
               {"Computador", "Impressora", "Monitor"}},
              {"patrimonio", "Número do patrimônio", FieldType::text, true, {}},
              {"desde", "Desde quando?", FieldType::date, true, {}}};
    desk->directory().create_service(as(w.admin), s);
  }
  void TearDown() override {
    worker.reset();
    ApiTest::TearDown();
    media.reset();
  }

  // The person sends `messages` (the fake's inbound shapes) in one webhook; the desk answers.
  std::vector<json> say(const std::vector<json>& messages) {
    json batch{{"messages", json::array()}, {"name", "Marcos"}};
    for (auto m : messages) {
      m["from"] = kNumber;
      batch["messages"].push_back(m);
    }
    const json posted = fake->control("inbound", batch);
    EXPECT_EQ(posted.value("status", 0), 200) << posted.dump();
    return answers();
  }
  std::vector<json> say_text(const std::string& text) {
    return say(std::vector<json>{json{{"type", "text"}, {"text", text}}});
  }
  // Taps the button or list row titled `title` of the bot's last interactive message.
  std::vector<json> tap(const std::string& title) {
    const auto option = option_titled(title);
    return say(
        std::vector<json>{json{{"type", option.second}, {"id", option.first}, {"title", title}}});
  }
  // The id of the option titled `title` in the last interactive message, and its kind.
  std::pair<std::string, std::string> option_titled(const std::string& title) {
    const auto all = fake->sent();
    for (auto it = all.rbegin(); it != all.rend(); ++it) {
      const json& request = (*it)["request"];
      if (request.value("type", "") != "interactive") continue;
      const json& action = request["interactive"]["action"];
      for (const auto& b : action.value("buttons", json::array())) {
        if (b["reply"]["title"] == title) return {b["reply"]["id"], "button_reply"};
      }
      for (const auto& section : action.value("sections", json::array())) {
        for (const auto& row : section["rows"]) {
          if (row["title"] == title) return {row["id"], "list_reply"};
        }
      }
      ADD_FAILURE() << "sem a opção " << title << " em " << request.dump();
      return {};
    }
    ADD_FAILURE() << "nenhuma mensagem interativa";
    return {};
  }
  // Past the pause that gathers quick messages: the inbox works them, the worker sends.
  std::vector<json> answers() {
    clock.advance(5s);
    desk->whatsapp_inbox().process_due();
    return deliver();
  }
  // What the transport sends now, as the fake accepted it.
  std::vector<json> deliver() {
    for (int rounds = 0; worker->deliver_due() > 0 && rounds < 100; ++rounds) {
    }
    const auto all = fake->sent();
    std::vector<json> fresh(all.begin() + static_cast<std::ptrdiff_t>(seen), all.end());
    seen = all.size();
    return fresh;
  }
  static std::string text_of(const std::vector<json>& messages) {
    std::string out;
    for (const auto& m : messages) {
      const json& r = m["request"];
      if (r["type"] == "text") out += r["text"]["body"].get<std::string>() + "\n";
      if (r["type"] == "interactive")
        out += r["interactive"]["body"]["text"].get<std::string>() + "\n";
      if (r["type"] == "template")
        out += "[modelo " + r["template"]["name"].get<std::string>() + "]\n";
    }
    return out;
  }
  // The code e-mailed to `p`, read from the outbox as the person reads it.
  std::string code_mailed_to(const Person& p) {
    std::string code;
    database->db().read([&](store::Connection& c) {
      for (const auto& m : store::list_messages(c, "", std::nullopt, 1000)) {
        if (m.template_key != "whatsapp_code" || m.recipient_id != p.id) continue;
        EXPECT_EQ(m.channel, "email");
        std::smatch found;
        if (std::regex_search(m.text_body, found, std::regex("é ([0-9]{6})"))) code = found[1];
      }
    });
    return code;
  }
  std::vector<TicketEvent> events_of(std::int64_t ticket_id) {
    std::vector<TicketEvent> out;
    database->db().read([&](store::Connection& c) { out = store::load_events(c, ticket_id); });
    return out;
  }

  std::unique_ptr<WhatsAppFake> fake = std::make_unique<WhatsAppFake>();
  std::unique_ptr<transports::CloudMediaSource> media;
  std::unique_ptr<transports::OutboxWorker> worker;
  std::size_t seen = 0;
};

TEST_P(WhatsAppConversationTest, AWholeRequestFromFirstContactToTheEvaluation) {
  const Person& marcos = w.requester_seger;
  ASSERT_FALSE(marcos.emails.empty());

  // First contact: the privacy notice with its page, then who is writing (the number is unknown).
  const std::string first = text_of(say_text("Bom dia"));
  EXPECT_THAT(first, HasSubstr("LGPD"));
  EXPECT_THAT(first,
              HasSubstr("Aviso de privacidade: " + desk->config().public_url + "/privacidade"));
  EXPECT_THAT(text_of(tap("Aceito")), HasSubstr("Não encontrei este número"));
  EXPECT_THAT(text_of(tap("Tenho cadastro")), HasSubstr("e-mail ou o CPF"));

  // Identification by a code e-mailed to the registered address.
  EXPECT_THAT(text_of(say_text(marcos.emails.front())), HasSubstr("Enviei um código"));
  const std::string code = code_mailed_to(marcos);
  ASSERT_EQ(code.size(), 6u);
  EXPECT_THAT(text_of(say_text(code)), HasSubstr("Confirmei sua identidade"));

  // The service typed as its code, in another case and with an accent; the form; a photo.
  EXPECT_THAT(text_of(say_text("eqp-réparo")), HasSubstr("Qual equipamento?"));
  EXPECT_THAT(text_of(tap("Impressora")), HasSubstr("Número do patrimônio"));
  EXPECT_THAT(text_of(say_text("PAT-0042")), HasSubstr("Desde quando?"));
  EXPECT_THAT(text_of(say_text("27/02/2026")), HasSubstr("foto ou documento"));
  const json photo =
      fake->control("media", {{"mime_type", "image/png"}, {"data_base64", kPhotoBase64}});
  EXPECT_THAT(text_of(say(std::vector<json>{json{{"type", "image"},
                                                 {"media_id", photo["id"]},
                                                 {"mime_type", "image/png"},
                                                 {"caption", "a etiqueta"}}})),
              HasSubstr("Recebi a foto"));
  EXPECT_THAT(text_of(tap("Concluir")), HasSubstr("descreva"));
  const auto summary = text_of(say_text("A impressora do 2º andar não puxa papel"));
  EXPECT_THAT(summary, HasSubstr("Impressora"));
  EXPECT_THAT(summary, HasSubstr("PAT-0042"));
  const auto registered = text_of(tap("Confirmar"));
  std::smatch found;
  ASSERT_TRUE(std::regex_search(registered, found, std::regex("Protocolo: \\*([0-9-]+)\\*")))
      << registered;
  const std::string protocol = found[1];

  std::optional<Ticket> ticket;
  database->db().read(
      [&](store::Connection& c) { ticket = store::load_ticket_by_protocol(c, protocol); });
  ASSERT_TRUE(ticket);
  EXPECT_EQ(ticket->requester_id, marcos.id);
  EXPECT_EQ(ticket->channel, Channel::whatsapp);
  EXPECT_EQ(ticket->form_answers["equipamento"], "Impressora");
  EXPECT_EQ(ticket->form_answers["patrimonio"], "PAT-0042");
  EXPECT_EQ(ticket->form_answers["desde"], "2026-02-27");

  // The attendant asks; the question goes by WhatsApp; the requester answers replying to it.
  desk->work().assign(as(w.attendant), ticket->id, w.attendant.id);
  desk->work().reply(as(w.attendant), ticket->id, "Qual o número da sala?", true);
  const auto question = deliver();
  ASSERT_EQ(question.size(), 1u);
  EXPECT_THAT(text_of(question), HasSubstr("Qual o número da sala?"));
  say(std::vector<json>{
      json{{"type", "text"}, {"text", "Sala 204"}, {"context_id", question[0]["id"]}}});

  // A program sent the same way is kept, held for staff with its reason, and the person is
  // told it was not accepted (issue 17: the desk's one attachment policy).
  const json program = fake->control("media", {{"mime_type", "application/x-msdownload"},
                                               {"data_base64", "TVqQAAMAAAAEAAAA//8AAA=="}});
  const auto told = text_of(say(std::vector<json>{json{{"type", "document"},
                                                       {"media_id", program["id"]},
                                                       {"mime_type", "application/x-msdownload"},
                                                       {"filename", "driver.exe"},
                                                       {"context_id", question[0]["id"]}}}));
  EXPECT_THAT(told, HasSubstr("não foram aceitos"));
  EXPECT_THAT(told, HasSubstr("driver.exe"));
  bool held = false;
  for (const auto& a : desk->attachments().attachments(as(w.attendant), ticket->id)) {
    if (a.filename == "driver.exe") held = a.held();
  }
  EXPECT_TRUE(held);

  // A file the attendant attaches goes to the requester as itself, uploaded and sent by id.
  desk->attachments().attach(as(w.attendant), ticket->id, "instrucoes.pdf",
                             "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
  const auto file = deliver();
  ASSERT_EQ(file.size(), 1u);
  EXPECT_EQ(file[0]["type"], "document");
  EXPECT_EQ(file[0]["request"]["document"]["filename"], "instrucoes.pdf");

  // Resolved; the requester rates it 4 by the list the resolution notice carries.
  desk->work().resolve(as(w.attendant), ticket->id, "Rolete trocado.", 20);
  EXPECT_THAT(text_of(deliver()), HasSubstr("Rolete trocado."));
  EXPECT_THAT(text_of(tap("4 – Bom")), HasSubstr("Obrigado"));

  // All of it is in the ticket's events.
  std::vector<std::string> kinds;
  std::string replies;
  int rating = 0;
  for (const auto& e : events_of(ticket->id)) {
    kinds.emplace_back(event_kind_code(e.kind));
    if (e.kind == EventKind::public_reply) replies += e.data.value("text", "") + "|";
    if (e.kind == EventKind::evaluated) rating = e.data.value("rating", 0);
  }
  EXPECT_THAT(kinds, ::testing::IsSupersetOf(
                         {"created", "attachment_added", "public_reply", "resolved", "evaluated"}));
  EXPECT_THAT(replies, HasSubstr("Qual o número da sala?|Sala 204|"));
  EXPECT_EQ(rating, 4);

  // And for the requester, as the portal reads it.
  const Browser browser = sign_in(marcos);
  const auto seen_by_requester =
      call("GET", "/api/v1/tickets/" + std::to_string(ticket->id) + "/events", browser);
  ASSERT_EQ(seen_by_requester.status, 200) << seen_by_requester.body;
  EXPECT_THAT(seen_by_requester.body, HasSubstr("Sala 204"));
  EXPECT_THAT(seen_by_requester.body, HasSubstr("Qual o número da sala?"));
  EXPECT_THAT(seen_by_requester.body, HasSubstr("Rolete trocado."));
  EXPECT_THAT(seen_by_requester.body, HasSubstr("\"rating\":4"));
}

// WhatsApp may accept a free-form message and report later, in a status webhook, that the
// person's 24-hour window had closed (131047): the notice goes again as its approved template.
TEST_P(WhatsAppConversationTest, AWindowReportedClosedLaterSendsTheTemplate) {
  say_text("Bom dia");  // the desk counts the window open from here
  w.requester_seger.phone = std::string("+") + kNumber;
  w.requester_seger.notice_preference = NoticePreference::whatsapp;
  w.requester_seger = desk->directory().update_person(as(w.admin), w.requester_seger);
  const Ticket t = register_sis(w.requester_seger);
  const auto receipt = deliver();
  ASSERT_EQ(receipt.size(), 1u);
  EXPECT_NE(receipt[0]["type"], "template");
  fake->control("statuses", {{"statuses",
                              {{{"id", receipt[0]["id"]},
                                {"status", "failed"},
                                {"recipient_id", kNumber},
                                {"error_code", 131047},
                                {"error_title", "Re-engagement message"}}}}});
  desk->whatsapp_inbox().process_due();
  const auto again = deliver();
  ASSERT_EQ(again.size(), 1u);
  EXPECT_EQ(again[0]["type"], "template");
  EXPECT_THAT(again[0]["request"]["template"].dump(), HasSubstr(t.protocol));
  // Once: a second report of the same failure sends nothing more.
  desk->whatsapp_inbox().process_due();
  EXPECT_TRUE(deliver().empty());
}

TEST_P(WhatsAppConversationTest, AttendantHandsTheConversationToTheCentralAndRelaysTheRest) {
  say_text("Bom dia");
  tap("Aceito");
  const auto handed = text_of(say_text("atendente"));
  EXPECT_THAT(handed, HasSubstr("Chamei um atendente"));
  std::smatch found;
  ASSERT_TRUE(std::regex_search(handed, found, std::regex("protocolo \\*([0-9-]+)\\*"))) << handed;
  say_text("Minha impressora não liga");
  std::optional<Ticket> ticket;
  database->db().read(
      [&](store::Connection& c) { ticket = store::load_ticket_by_protocol(c, found[1]); });
  ASSERT_TRUE(ticket);
  EXPECT_EQ(ticket->channel, Channel::whatsapp);
  EXPECT_THAT(ticket->description, HasSubstr("Pessoa: Bom dia"));
  std::string replies;
  for (const auto& e : events_of(ticket->id)) {
    if (e.kind == EventKind::public_reply) replies += e.data.value("text", "");
  }
  EXPECT_EQ(replies, "Minha impressora não liga");
}

TEST_P(WhatsAppConversationTest, AConversationLeftInTheMiddleExpiresWithAMessage) {
  say_text("Bom dia");
  tap("Aceito");
  clock.advance(29min);
  EXPECT_EQ(desk->whatsapp_conversations().expire_quiet(), 0);
  clock.advance(2min);
  EXPECT_EQ(desk->whatsapp_conversations().expire_quiet(), 1);
  EXPECT_THAT(text_of(deliver()), HasSubstr("encerrei"));
  EXPECT_EQ(desk->whatsapp_conversations().expire_quiet(), 0);
}

GUICHE_ON_BOTH_ENGINES(WhatsAppConversationTest);

}  // namespace
}  // namespace guiche::testing
