// Every bad request of the tables in malformed_*_cases.cpp, over a real
// socket: the exact status, a problem+json body with a pt-BR detail, the
// fields named for validation errors, and a database identical before and
// after (every row of every table, and the attachment files).
#include <gmock/gmock.h>

#include <set>

#include "api/malformed_input.hpp"
#include "app/accounts/accounts.hpp"
#include "app/directory/authorizations.hpp"
#include "app/tickets/ticket_work.hpp"
#include "support/api_world.hpp"
#include "support/db_fingerprint.hpp"

namespace guiche::testing {
namespace {

using nlohmann::json;

// A detail a person in Brazil reads: Portuguese words, no English error text
// or library message leaking through.
bool reads_as_portuguese(const std::string& detail) {
  static const std::vector<std::string> english = {"error",     "Error",     "invalid",
                                                   "exception", "not found", "[json"};
  for (const auto& word : english) {
    if (detail.find(word) != std::string::npos) return false;
  }
  static const std::vector<std::string> portuguese = {
      "ã",       "ç",     "é",           "á",         "í",      "ó",       "ú",
      "ê",       "õ",     " de ",        " do ",      " da ",   " o ",     " a ",
      "Informe", "Envie", "desconhecid", "excede",    "deve ",  "inválid", "Campo",
      "Recurso", "Token", "JSON",        "Parâmetro", "Sessão", " ou ",    "Digite"};
  for (const auto& word : portuguese) {
    if (detail.find(word) != std::string::npos) return true;
  }
  return false;
}

class MalformedInputApiTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    requester = sign_in(w.requester_seger);
    attendant = sign_in(w.attendant);
    analyst = sign_in(w.analyst_sis);
    admin = sign_in(w.admin);
    const Ticket fresh = register_sis(w.requester_seger, "Novo na central");
    Ticket working = register_sis(w.requester_seger, "Em atendimento");
    desk->work().route(as(w.attendant), working.id, w.sgsis.id, w.analyst_sis.id);
    desk->work().change_status(as(w.analyst_sis), working.id, Status::in_progress);
    auto token =
        desk->accounts().create_api_token(as(w.requester_seger), w.requester_seger.id, "ERP");
    desk->accounts().revoke_api_token(as(w.requester_seger), token.id);
    revoked_secret = token.secret;
    std::int64_t authorization = 0;
    for (const auto& a : desk->authorizations().authorizations(as(w.admin), w.seger.id)) {
      if (a.person_id == w.requester_seger.id) authorization = a.id;
    }
    expired = sign_in(w.citizen);
    database->db().write([&](store::Connection& c) {
      c.query("UPDATE sessions SET expires_at = 0 WHERE person_id = ?", {w.citizen.id});
    });
    values = {{"t", working.id},           {"n", fresh.id},         {"org", w.seger.id},
              {"p", w.requester_seger.id}, {"auth", authorization}, {"token", token.id},
              {"sgsis", w.sgsis.id}};
  }

  std::string filled(std::string text) const {
    for (const auto& [name, value] : values) {
      for (const std::string& key : {"\"{" + name + "}\"", "{" + name + "}"}) {
        for (auto at = text.find(key); at != std::string::npos; at = text.find(key)) {
          text.replace(at, key.size(), std::to_string(value));
        }
      }
    }
    return text;
  }

  std::vector<std::pair<std::string, std::string>> credentials(Sender s) const {
    auto cookie = [](const Browser& b, const std::string& csrf) {
      std::vector<std::pair<std::string, std::string>> h = {{"Cookie", b.cookie}};
      if (!csrf.empty()) h.emplace_back("X-CSRF-Token", csrf);
      return h;
    };
    switch (s) {
      case Sender::requester:
        return cookie(requester, requester.csrf);
      case Sender::attendant:
        return cookie(attendant, attendant.csrf);
      case Sender::analyst:
        return cookie(analyst, analyst.csrf);
      case Sender::admin:
        return cookie(admin, admin.csrf);
      case Sender::no_csrf:
        return cookie(requester, "");
      case Sender::wrong_csrf:
        return cookie(requester, attendant.csrf);
      case Sender::expired_session:
        return cookie(expired, expired.csrf);
      case Sender::unknown_session:
        return {{"Cookie", "guiche_session=c2Vzc2FvLXF1ZS1uYW8tZXhpc3Rl"}, {"X-CSRF-Token", "x"}};
      case Sender::revoked_token:
        return {{"Authorization", "Bearer " + revoked_secret}};
      case Sender::bad_bearer:
        return {{"Authorization", "Bearer não-é-um-token"}};
      case Sender::basic_auth:
        return {{"Authorization", "Basic bWFyaWE6c2VuaGE="}};
      case Sender::nobody:
        return {};
    }
    return {};
  }

  HttpResult send(const BadRequest& bad) {
    auto headers = credentials(bad.sender);
    if (bad.headers.empty()) {
      if (!bad.body.empty()) headers.emplace_back("Content-Type", "application/json");
    } else {
      for (const auto& h : bad.headers) {
        if (!h.second.empty()) headers.push_back(h);
      }
    }
    return raw(bad.method, filled(bad.target), headers, filled(bad.body));
  }

  void check(const std::vector<BadRequest>& cases) {
    for (const auto& bad : cases) {
      SCOPED_TRACE(bad.name + ": " + bad.method + " " + bad.target);
      const std::string before = database_fingerprint(*database);
      const HttpResult r = send(bad);
      EXPECT_EQ(r.status, bad.status) << r.body;
      EXPECT_EQ(r.headers.count("content-type") ? r.headers.at("content-type") : "",
                "application/problem+json");
      const json problem = r.json();
      ASSERT_TRUE(problem.is_object()) << r.body;
      EXPECT_EQ(problem.value("status", 0), r.status);
      const std::string detail = problem.value("detail", "");
      EXPECT_TRUE(reads_as_portuguese(detail)) << "detail: " << detail;
      std::set<std::string> named;
      for (const auto& e : problem.value("errors", json::array())) {
        named.insert(e.value("field", ""));
        EXPECT_TRUE(reads_as_portuguese(e.value("message", ""))) << e.dump();
      }
      for (const auto& f : bad.fields) EXPECT_TRUE(named.count(f)) << "no error names " << f;
      if (r.status == 422) {
        EXPECT_FALSE(named.empty()) << "a 422 must name its fields";
      }
      EXPECT_EQ(database_fingerprint(*database), before) << "the request changed the database";
    }
  }

  Browser requester, attendant, analyst, admin, expired;
  std::string revoked_secret;
  std::vector<std::pair<std::string, std::int64_t>> values;
};

TEST_P(MalformedInputApiTest, AtLeastAHundredDistinctCases) {
  std::set<std::string> distinct;
  std::size_t total = 0;
  for (const auto& table : {body_bad_requests(), ticket_bad_requests(), action_bad_requests(),
                            directory_bad_requests(), access_bad_requests()}) {
    for (const auto& bad : table) {
      EXPECT_TRUE(distinct.insert(bad.name).second) << "two cases named " << bad.name;
      ++total;
    }
  }
  EXPECT_EQ(distinct.size(), total);
  EXPECT_GE(total, 100u);
}

TEST_P(MalformedInputApiTest, BadBodies) {
  check(body_bad_requests());
}
TEST_P(MalformedInputApiTest, BadRegistrationsIdsAndQueries) {
  check(ticket_bad_requests());
}
TEST_P(MalformedInputApiTest, BadTicketActions) {
  check(action_bad_requests());
}
TEST_P(MalformedInputApiTest, BadDirectoryRequests) {
  check(directory_bad_requests());
}
TEST_P(MalformedInputApiTest, BadCredentialsAndUploads) {
  check(access_bad_requests());
}

// The router decodes the path before any route runs; a bad percent-escape is
// answered, not dropped.
TEST_P(MalformedInputApiTest, BadPercentEscapeInThePath) {
  check({{"service code with bad escape", Sender::admin, "GET", "/api/v1/services/%ZZ", "", 400}});
}

GUICHE_ON_BOTH_ENGINES(MalformedInputApiTest);

}  // namespace
}  // namespace guiche::testing
