// The mail quarantine pages over a real socket: hostile text escaped, the
// CSRF token required, and where the visitor lands after registering a
// message as a request (an agent on the ticket's page, an admin, who has no
// workspace, back on the list with a notice).
#include <gmock/gmock.h>

#include <thread>

#include "app/mail_intake/mail_intake.hpp"
#include "support/raw_mail.hpp"
#include "support/web_server_test.hpp"

namespace guiche::testing {
namespace {

using namespace std::chrono_literals;
using ::testing::HasSubstr;
using ::testing::Not;

class QuarantinePagesTest : public WebServerTest {
 protected:
  // A stranger's message about a ticket: quarantined.
  std::int64_t quarantined() {
    const Ticket t = register_sis(w.requester_seger);
    RawMail m;
    m.from = "estranho@exemplo.com";
    m.subject = "[SA " + t.protocol + "] <script>alert(1)</script>";
    m.body = "Olá <img src=x onerror=alert(2)>";
    const auto r = desk->mail().receive_mail(as(w.attendant), m.str(), "mailgate");
    EXPECT_EQ(r.outcome, "quarantined");
    return r.inbound_id;
  }
  std::string form_for(const Browser& b, const Person& requester) {
    return "csrf=" + b.csrf + "&pessoa=" + std::to_string(requester.id) + "&servico=SUP-TEC";
  }
};

TEST_P(QuarantinePagesTest, HostileTextIsEscapedAndOnlyTheDeskOpensIt) {
  const auto id = quarantined();
  const auto attendant = sign_in(w.attendant);
  const std::string url = "/atendimento/quarentena/" + std::to_string(id);
  for (const auto& target : {std::string("/atendimento/quarentena"), url}) {
    const auto r = get(attendant, target);
    ASSERT_EQ(r.status, 200) << target;
    EXPECT_THAT(r.body, HasSubstr("&lt;script&gt;alert(1)&lt;/script&gt;")) << target;
    EXPECT_THAT(r.body, Not(HasSubstr("<script>alert"))) << target;
    EXPECT_THAT(r.body, Not(HasSubstr("<img src=x"))) << target;
  }
  EXPECT_THAT(get(attendant, url).body, HasSubstr("&lt;img src=x onerror=alert(2)&gt;"));
  auto raw = get(attendant, url + "/original");
  EXPECT_EQ(raw.status, 200);
  EXPECT_THAT(raw.headers["content-disposition"], HasSubstr("attachment"));
  EXPECT_EQ(raw.headers["x-content-type-options"], "nosniff");

  const auto analyst = sign_in(w.analyst_sis);
  EXPECT_EQ(get(analyst, "/atendimento/quarentena").status, 403);
  EXPECT_EQ(get(analyst, url).status, 403);
  EXPECT_EQ(get(attendant, "/atendimento/quarentena/abc").status, 404);
}

TEST_P(QuarantinePagesTest, FormsNeedTheCsrfTokenAndRefusedChoicesComeBackByTheField) {
  const auto id = quarantined();
  const auto attendant = sign_in(w.attendant);
  const std::string url = "/atendimento/quarentena/" + std::to_string(id);
  EXPECT_EQ(post(attendant, url + "/chamado",
                 "pessoa=" + std::to_string(w.requester_seger.id) + "&servico=SUP-TEC")
                .status,
            403);
  EXPECT_EQ(post(attendant, url + "/tentar", "").status, 403);
  auto r = post(attendant, url + "/chamado", "csrf=" + attendant.csrf + "&servico=SUP-TEC");
  EXPECT_EQ(r.status, 422);
  EXPECT_THAT(r.body, HasSubstr("id=\"pessoa-erro\""));
  r = post(attendant, url + "/chamado", form_for(attendant, w.requester_seger) + "X");
  EXPECT_EQ(r.status, 422);
  EXPECT_THAT(r.body, HasSubstr("id=\"servico-erro\""));
  EXPECT_EQ(count("tickets"), 1);
  EXPECT_EQ(desk->mail().quarantined_mail(as(w.attendant), id).state, "pending");
}

TEST_P(QuarantinePagesTest, AnAgentLandsOnTheNewTicketAnAdminOnTheList) {
  const auto first = quarantined();
  const auto attendant = sign_in(w.attendant);
  auto r = post(attendant, "/atendimento/quarentena/" + std::to_string(first) + "/chamado",
                form_for(attendant, w.requester_seger));
  ASSERT_EQ(r.status, 303) << r.body;
  EXPECT_THAT(r.headers["location"], HasSubstr("/atendimento/chamados/"));
  EXPECT_THAT(r.headers["location"], HasSubstr("?aviso=da-quarentena"));
  EXPECT_THAT(get(attendant, r.headers["location"]).body, HasSubstr("id=\"aviso\""));
  // Twice is a conflict shown on the page.
  r = post(attendant, "/atendimento/quarentena/" + std::to_string(first) + "/chamado",
           form_for(attendant, w.requester_seger));
  EXPECT_EQ(r.status, 409);

  const auto admin = sign_in(w.admin);
  const auto second = desk->mail().receive_mail(as(w.attendant), "\x01 nada\r\n\r\n", "mailgate");
  ASSERT_EQ(second.outcome, "quarantined");
  r = post(admin, "/atendimento/quarentena/" + std::to_string(second.inbound_id) + "/chamado",
           form_for(admin, w.requester_seger));
  ASSERT_EQ(r.status, 303) << r.body;
  EXPECT_EQ(r.headers["location"], "/atendimento/quarentena?aviso=registrada");
  const auto list = get(admin, r.headers["location"]);
  EXPECT_EQ(list.status, 200);
  EXPECT_THAT(list.body, HasSubstr("id=\"aviso\""));
  EXPECT_THAT(list.body, HasSubstr("href=\"/atendimento\""));  // admins reach the workspace
}

GUICHE_ON_BOTH_ENGINES(QuarantinePagesTest);

}  // namespace
}  // namespace guiche::testing
