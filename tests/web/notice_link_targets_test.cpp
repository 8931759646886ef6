// The links the notices carry open the pages they name: the registration
// receipt's and the resolution's links lead the requester to their request
// and to its evaluation and reopening (they once pointed at /sa/..., which
// no page answers).
#include <gmock/gmock.h>

#include <regex>

#include "app/tickets/ticket_work.hpp"
#include "store/outbox_rows.hpp"
#include "support/web_server_test.hpp"

namespace guiche::testing {
namespace {

using ::testing::HasSubstr;

class NoticeLinkTargetsTest : public WebServerTest {
 protected:
  // The paths of the links in the ticket's notice `key` (text body).
  std::vector<std::string> link_paths(std::int64_t ticket_id, const std::string& key) {
    std::vector<std::string> paths;
    database->db().read([&](store::Connection& c) {
      for (const auto& m : store::messages_of_ticket(c, ticket_id)) {
        if (m.template_key != key) continue;
        static const std::regex url(R"(https?://[^/\s]+(/[^\s]*))");
        for (std::sregex_iterator it(m.text_body.begin(), m.text_body.end(), url), end; it != end;
             ++it)
          paths.push_back((*it)[1]);
      }
    });
    return paths;
  }
};

TEST_P(NoticeLinkTargetsTest, TheReceiptAndResolutionLinksOpenTheRequestersPage) {
  auto t = register_sis(w.requester_seger, "Acesso ao SIGEFES");
  const auto paulo = sign_in(w.requester_seger);
  const auto receipt = link_paths(t.id, "registration");
  ASSERT_FALSE(receipt.empty());
  for (const auto& path : receipt) {
    EXPECT_EQ(get(paulo, path).status, 200) << path;
  }
  desk->work().route(as(w.attendant), t.id, w.sgsis.id, w.analyst_sis.id);
  desk->work().resolve(as(w.analyst_sis), t.id, "Acesso liberado.", 10);
  const auto resolution = link_paths(t.id, "resolution");
  ASSERT_GE(resolution.size(), 2u);
  for (const auto& path : resolution) {
    const auto page = get(paulo, path.substr(0, path.find('#')));
    EXPECT_EQ(page.status, 200) << path;
    if (const auto hash = path.find('#'); hash != std::string::npos) {
      EXPECT_THAT(page.body, HasSubstr("id=\"" + path.substr(hash + 1) + "\"")) << path;
    }
  }
}

GUICHE_ON_BOTH_ENGINES(NoticeLinkTargetsTest);

}  // namespace
}  // namespace guiche::testing
