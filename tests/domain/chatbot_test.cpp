// The WhatsApp chatbot (domain/chatbot/chatbot.hpp): the conversation cases of
// tests/domain/data/chatbot/*.conversa, WhatsApp's limits on every message they produce, the
// state's JSON, typed answers and service codes. GUICHE_CHATBOT_PRINT=1 prints each case as the
// engine plays it (a draft for a new case, to be read before it is trusted).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "chatbot_cases.hpp"
#include "domain/chatbot/chatbot.hpp"
#include "domain/chatbot/cloud_inbound.hpp"
#include "domain/chatbot/folding.hpp"
#include "domain/chatbot/form_questions.hpp"

namespace guiche::chatbot {
namespace {

const std::string kDir = std::string(GUICHE_DOMAIN_CASES_DIR) + "/chatbot";

std::vector<std::string> case_files() {
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(kDir)) {
    if (entry.path().extension() == ".conversa") files.push_back(entry.path().filename());
  }
  std::sort(files.begin(), files.end());
  return files;
}

TEST(ChatbotConversations, EveryCaseFileHolds) {
  auto files = case_files();
  for (const auto& file : files) {
    if (std::getenv("GUICHE_CHATBOT_PRINT")) {
      std::cout << "=== " << file << "\n" << cases::replay(kDir, file, false).transcript;
    }
    auto r = cases::replay(kDir, file);
    EXPECT_EQ(r.failure, "") << file;
  }
  EXPECT_GE(files.size(), 11u);
}

TEST(ChatbotConversations, EveryMessageIsWithinWhatsAppLimits) {
  std::size_t messages = 0;
  for (const auto& file : case_files()) {
    const auto played = cases::replay(kDir, file);
    for (const auto& m : played.messages) {
      ++messages;
      auto problems = cloud_api_limit_problems(m);
      EXPECT_TRUE(problems.empty()) << file << ": " << problems.front() << "\n" << m.body;
      auto j = m.to_cloud_api_json();
      EXPECT_TRUE(j.contains("type") && j.contains(j["type"].get<std::string>())) << j.dump();
    }
  }
  EXPECT_GE(messages, 50u);
}

TEST(ChatbotMessages, TheLimitCheckCatchesEachBreach) {
  BotMessage four{BotMessage::Kind::buttons,
                  "Escolha",
                  {{"a", "A", ""}, {"b", "B", ""}, {"c", "C", ""}, {"d", "D", ""}},
                  "",
                  ""};
  EXPECT_EQ(cloud_api_limit_problems(four).size(), 1u);
  BotMessage long_title{
      BotMessage::Kind::buttons, "Escolha", {{"a", std::string(21, 'x'), ""}}, "", ""};
  EXPECT_EQ(cloud_api_limit_problems(long_title).size(), 1u);
  BotMessage same{
      BotMessage::Kind::buttons, "Escolha", {{"a", "Sim", ""}, {"b", "Sim", ""}}, "", ""};
  EXPECT_EQ(cloud_api_limit_problems(same).size(), 1u);
  BotMessage eleven{BotMessage::Kind::list, "Escolha", {}, "Ver", ""};
  for (int i = 0; i < 11; ++i) eleven.options.push_back({std::to_string(i), "Linha", ""});
  EXPECT_EQ(cloud_api_limit_problems(eleven).size(), 1u);
  BotMessage row{BotMessage::Kind::list,
                 "Escolha",
                 {{"a", std::string(25, 'x'), std::string(73, 'y')}},
                 "Ver",
                 ""};
  EXPECT_EQ(cloud_api_limit_problems(row).size(), 2u);
  EXPECT_EQ(cloud_api_limit_problems(text_message(std::string(5000, 'z'))).size(), 0u);
  // Characters, not bytes: 20 accented letters fit a button.
  std::string accents;
  for (int i = 0; i < 20; ++i) accents += "ã";
  EXPECT_EQ(cloud_api_limit_problems(buttons_message("Ok", {{"a", accents, ""}})).size(), 0u);
  EXPECT_EQ(fit("Solicitar Suporte de Tecnologia", 24), "Solicitar Suporte de Te…");
}

TEST(ChatbotMessages, CloudApiShapes) {
  auto buttons = buttons_message("Você concorda?", {{"sim", "Aceito", ""}}).to_cloud_api_json();
  EXPECT_EQ(buttons, nlohmann::json::parse(R"({"type":"interactive","interactive":{
    "type":"button","body":{"text":"Você concorda?"},
    "action":{"buttons":[{"type":"reply","reply":{"id":"sim","title":"Aceito"}}]}}})"));
  auto list = list_message("Qual?", "Ver serviços", "Serviços",
                           {{"servico:SUP-TEC", "SUP-TEC", "Suporte"}, {"x", "Outro", ""}})
                  .to_cloud_api_json();
  EXPECT_EQ(list, nlohmann::json::parse(R"({"type":"interactive","interactive":{
    "type":"list","body":{"text":"Qual?"},"action":{"button":"Ver serviços","sections":[
    {"title":"Serviços","rows":[{"id":"servico:SUP-TEC","title":"SUP-TEC","description":"Suporte"},
    {"id":"x","title":"Outro"}]}]}}})"));
  EXPECT_EQ(text_message("Oi").to_cloud_api_json(),
            nlohmann::json::parse(R"({"type":"text","text":{"preview_url":false,"body":"Oi"}})"));
}

TEST(ChatbotInbound, CloudApiMessagesBecomeInputs) {
  auto in = [](const char* text) {
    return bot_input_of_cloud_message(nlohmann::json::parse(text));
  };
  auto text = std::get<TextIn>(in(R"({"from":"5567","id":"wamid.1","type":"text",
                                      "text":{"body":"sup-tec"}})"));
  EXPECT_EQ(text.text, "sup-tec");
  auto button = std::get<ChoiceIn>(in(R"({"type":"interactive","interactive":{
      "type":"button_reply","button_reply":{"id":"consentimento:sim","title":"Aceito"}}})"));
  EXPECT_EQ(button.id, "consentimento:sim");
  EXPECT_EQ(button.title, "Aceito");
  auto row = std::get<ChoiceIn>(in(R"({"type":"interactive","interactive":{"type":"list_reply",
      "list_reply":{"id":"servico:SUP-TEC","title":"SUP-TEC","description":"Suporte"}}})"));
  EXPECT_EQ(row.id, "servico:SUP-TEC");
  auto quick = std::get<ChoiceIn>(in(R"({"type":"button","button":{"payload":"avaliar:41:4",
                                        "text":"4"}})"));
  EXPECT_EQ(quick.id, "avaliar:41:4");
  auto photo = std::get<MediaIn>(in(R"({"type":"image","image":{"id":"m1",
      "mime_type":"image/jpeg","sha256":"x","caption":"tela"}})"));
  EXPECT_EQ(photo.media_ref, "m1");
  EXPECT_EQ(photo.caption, "tela");
  auto doc = std::get<MediaIn>(in(R"({"type":"document","document":{"id":"m2",
      "mime_type":"application/pdf","filename":"laudo.pdf"}})"));
  EXPECT_EQ(doc.filename, "laudo.pdf");
  EXPECT_EQ(std::get<UnsupportedIn>(in(R"({"type":"audio","audio":{"id":"m3"}})")).type, "audio");
  EXPECT_EQ(std::get<UnsupportedIn>(in(R"({"type":"sticker"})")).type, "sticker");
  EXPECT_TRUE(std::holds_alternative<UnsupportedIn>(in(R"({"type":"image","image":{}})")));
  EXPECT_TRUE(std::holds_alternative<UnsupportedIn>(in(R"([1])")));
}

// Service codes follow the catalog's rule (tests/domain/data/service_codes.cases).
TEST(ChatbotFolding, WithoutCaseAccentsOrExtraBlanks) {
  EXPECT_EQ(fold("  NÃO  Aceito\n"), "nao aceito");
  EXPECT_EQ(fold("Çà"), "ca");
}

Facts some_facts() {
  Facts f;
  f.today = std::chrono::year{2026} / 4 / 6;
  f.catalog.push_back({"SUP-TEC", "Suporte", Audience::anyone, {}});
  return f;
}

TEST(ChatbotState, AnUnreadableStateRestartsAndNeverThrows) {
  for (const char* text :
       {"null", "[1,2]", "\"x\"", "{}", R"({"version":"1","consent":true})",
        R"({"version":99,"step":"summary","consent":true})",
        R"({"version":1,"step":"nope","consent":true})",
        R"({"version":1,"step":"summary","consent":true,"answers":"x"})",
        R"({"version":1,"step":"summary","consent":"sim","person":{"id":"x"}})"}) {
    auto c = Conversation::from_json(nlohmann::json::parse(text));
    EXPECT_EQ(c.step, Step::start) << text;
    auto out = converse(c, TextIn{"oi"}, some_facts());
    EXPECT_FALSE(out.messages.empty()) << text;
  }
  // Consent and the identified person survive another version's state.
  auto old = Conversation::from_json(nlohmann::json::parse(
      R"({"version":0,"step":"x","consent":true,"person":{"id":7,"name":"Maria Souza",
          "public_servant":true,"authorized":false}})"));
  ASSERT_TRUE(old.person);
  EXPECT_TRUE(old.consent);
  EXPECT_EQ(old.person->name, "Maria Souza");
  auto out = converse(old, TextIn{"oi"}, some_facts());
  EXPECT_EQ(old.step, Step::service);
  EXPECT_EQ(out.messages.at(0).body.substr(0, 12), "Olá, Maria!");
}

TEST(ChatbotState, NoStepPastTheConsentWithoutIt) {
  Conversation c;
  c.step = Step::summary;  // as a hand-edited or broken state might say
  auto out = converse(c, TextIn{"oi"}, some_facts());
  EXPECT_EQ(c.step, Step::consent);
  EXPECT_TRUE(out.effects.empty());
}

TEST(ChatbotState, TheVerificationCodeStaysOutOfTheTranscript) {
  Conversation c;
  c.consent = true;
  c.step = Step::code;
  c.masked_email = "a***a@sefaz.ms.gov.br";
  auto facts = some_facts();
  EXPECT_EQ(converse(c, TextIn{"482913"}, facts).effects.size(), 1u);
  converse(c, CodeCheckResult{CodeCheckResult::Outcome::wrong, {}}, facts);
  auto out = converse(c, TextIn{"atendente"}, facts);
  ASSERT_EQ(out.effects.size(), 1u);
  const auto& handover = std::get<HandOver>(out.effects[0]);
  ASSERT_GE(handover.transcript.size(), 3u);
  for (const auto& line : handover.transcript) {
    EXPECT_EQ(line.text.find("482913"), std::string::npos) << line.text;
  }
  EXPECT_EQ(handover.transcript.back().from, "bot");
}

TEST(ChatbotForm, TypedAnswersBecomeFormValues) {
  Date today = std::chrono::year{2026} / 4 / 6;
  FormField date{"d", "Data", FieldType::date, true, {}};
  EXPECT_EQ(read_typed_answer(date, "06/04/2026", today).value, nlohmann::json("2026-04-06"));
  EXPECT_EQ(read_typed_answer(date, "6-4-2026", today).value, nlohmann::json("2026-04-06"));
  EXPECT_EQ(read_typed_answer(date, "Hoje", today).value, nlohmann::json("2026-04-06"));
  EXPECT_FALSE(read_typed_answer(date, "31/02/2026", today).value);
  EXPECT_FALSE(read_typed_answer(date, "2026-04-06", today).value);
  FormField number{"n", "Quantos", FieldType::number, false, {}};
  EXPECT_EQ(read_typed_answer(number, "3", today).value, nlohmann::json(3));
  EXPECT_EQ(read_typed_answer(number, "1.234,5", today).value, nlohmann::json(1234.5));
  EXPECT_EQ(read_typed_answer(number, "pular", today).value, nlohmann::json(nullptr));
  EXPECT_FALSE(read_typed_answer(number, "três", today).value);
  FormField yes_no{"y", "Urgente?", FieldType::yes_no, true, {}};
  EXPECT_EQ(read_typed_answer(yes_no, "NÃO", today).value, nlohmann::json(false));
  EXPECT_FALSE(read_typed_answer(yes_no, "pular", today).value);
  FormField choice{"c", "Tipo", FieldType::choice, true, {"Dúvida", "Falha técnica"}};
  EXPECT_EQ(read_typed_answer(choice, "falha tecnica", today).value,
            nlohmann::json("Falha técnica"));
  EXPECT_EQ(read_typed_answer(choice, "1", today).value, nlohmann::json("Dúvida"));
  EXPECT_FALSE(read_typed_answer(choice, "3", today).value);
  FormField text{"t", "Sistema", FieldType::text, true, {}};
  EXPECT_EQ(read_typed_answer(text, "SIGA\nweb", today).value, nlohmann::json("SIGA web"));
  EXPECT_FALSE(read_typed_answer(text, std::string(501, 'a'), today).value);
  // Whatever is read passes the form's own check.
  auto answers = nlohmann::json{
      {"d", "2026-04-06"}, {"n", 1234.5}, {"y", false}, {"c", "Dúvida"}, {"t", "SIGA web"}};
  EXPECT_NO_THROW(validate_form_answers({date, number, yes_no, choice, text}, answers));
}

TEST(ChatbotForm, ManyOrLongChoicesGoAsAListOrNumbers) {
  Date today = std::chrono::year{2026} / 4 / 6;
  FormField op{"op",
               "Operação",
               FieldType::choice,
               true,
               {"Restauração de backup", "Criação de base", "Concessão de acesso"}};
  auto m = field_question(op, 1, 1, "", today);
  EXPECT_EQ(m.kind, BotMessage::Kind::list);  // a title over 20 characters: no buttons
  FormField many{"x", "Órgão", FieldType::choice, false, {}};
  for (int i = 1; i <= 12; ++i) many.choices.push_back("Órgão " + std::to_string(i));
  m = field_question(many, 1, 1, "", today);
  EXPECT_EQ(m.kind, BotMessage::Kind::text);
  EXPECT_NE(m.body.find("12. Órgão 12"), std::string::npos);
  EXPECT_EQ(read_typed_answer(many, "12", today).value, nlohmann::json("Órgão 12"));
}

}  // namespace
}  // namespace guiche::chatbot
