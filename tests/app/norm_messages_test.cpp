// Messages 6.1–6.6 render the norm's text word for word, with no placeholder
// left, in America/Sao_Paulo and America/Campo_Grande across the night
// Brasília entered daylight saving in 2018 (tests/app/data/norm_messages.txt).
#include <gmock/gmock.h>

#include <fstream>
#include <sstream>

#include "app/incidents/notice_messages.hpp"
#include "support/desk_world.hpp"

namespace guiche::testing {
namespace {

struct Expected {
  std::string key, time_zone, title, text;
};

std::string trimmed(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}

std::vector<Expected> expected_messages() {
  std::ifstream file(std::string(GUICHE_APP_CASES_DIR) + "/norm_messages.txt");
  std::vector<Expected> out;
  std::string line;
  enum { outside, title, text } at = outside;
  while (std::getline(file, line)) {
    if (line.rfind("== ", 0) == 0) {
      std::istringstream in(line.substr(3));
      Expected e;
      in >> e.key >> e.time_zone;
      out.push_back(e);
      at = title;
    } else if (at == title) {
      if (line == "--") {
        at = text;
      } else {
        out.back().title = line;
      }
    } else if (at == text) {
      out.back().text += line + "\n";
    }
  }
  return out;
}

class NormMessagesTest : public DeskTest {};

TEST_P(NormMessagesTest, RenderTheNormsTextInEachTimeZone) {
  const auto all = expected_messages();
  ASSERT_EQ(all.size(), 12u);  // six messages, two zones
  StatusNotice n;
  n.impact = "acesso, processamento de dados";
  n.starts_at = parse_instant("2018-11-04T03:00:00Z");
  n.ends_at = parse_instant("2018-11-04T06:00:00Z");
  app::MessageFacts facts;
  facts.component_names = {"SIGEFES"};
  facts.organization_name = "SEGER";
  facts.now = parse_instant("2018-11-04T03:30:00Z").value();
  for (const auto& e : all) {
    SCOPED_TRACE(e.key + " " + e.time_zone);
    app::DeskConfig config = desk->config();
    config.time_zone = e.time_zone;
    config.agency_name = "PRODEST";
    config.incident_group_name = "Grupo WhatsApp TI ES";
    config.public_url = "https://servicedesk.prodest.es.gov.br";
    NoticeMessage m;
    database->db().read(
        [&](store::Connection& c) { m = app::render_notice_message(c, config, e.key, n, facts); });
    EXPECT_EQ(m.title, e.title);
    EXPECT_EQ(trimmed(m.text), trimmed(e.text));
    EXPECT_THAT(m.text, ::testing::Not(::testing::HasSubstr("{{")));
    EXPECT_THAT(m.text, ::testing::Not(::testing::HasSubstr("[")));
  }
}

GUICHE_ON_BOTH_ENGINES(NormMessagesTest);

}  // namespace
}  // namespace guiche::testing
