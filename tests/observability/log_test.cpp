// The log's two forms (observability/log.hpp): a line a person reads, or one
// JSON object per line for log shippers, each carrying the request id.
#include "observability/log.hpp"

#include <gmock/gmock.h>

#include <nlohmann/json.hpp>
#include <sstream>

namespace guiche::observability {
namespace {

using ::testing::HasSubstr;
using ::testing::MatchesRegex;

class LogTest : public ::testing::Test {
 protected:
  void TearDown() override { set_log_format(LogFormat::text); }
};

AccessEntry an_access() {
  AccessEntry e;
  e.method = "POST";
  e.route = "/api/v1/tickets";
  e.status = 201;
  e.duration_ms = 3.25;
  e.request_id = "0123456789abcdef";
  e.person_id = 42;
  return e;
}

TEST_F(LogTest, TextLinesNameMethodRouteStatusPersonDurationAndRequestId) {
  ::testing::internal::CaptureStderr();
  log_access(an_access());
  log_error("imap", "caixa fora do ar", {{"request_id", "abc"}});
  const auto text = ::testing::internal::GetCapturedStderr();
  EXPECT_THAT(text, HasSubstr("POST /api/v1/tickets 201 person=42 3.2ms id=0123456789abcdef\n"));
  EXPECT_THAT(text, HasSubstr("imap: caixa fora do ar request_id=abc\n"));
}

TEST_F(LogTest, JsonLinesAreOneObjectEach) {
  set_log_format(LogFormat::json);
  ::testing::internal::CaptureStderr();
  log_access(an_access());
  log_error("outbox (email)", "falha \xff inválida");  // bad UTF-8 is replaced, never thrown on
  log_notice("guiche serve", "encerrando");
  std::istringstream lines(::testing::internal::GetCapturedStderr());
  std::vector<nlohmann::json> parsed;
  for (std::string line; std::getline(lines, line);) parsed.push_back(nlohmann::json::parse(line));
  ASSERT_EQ(parsed.size(), 3u);
  EXPECT_EQ(parsed[0]["request_id"], "0123456789abcdef");
  EXPECT_EQ(parsed[0]["method"], "POST");
  EXPECT_EQ(parsed[0]["route"], "/api/v1/tickets");
  EXPECT_EQ(parsed[0]["status"], 201);
  EXPECT_EQ(parsed[0]["person_id"], 42);
  EXPECT_DOUBLE_EQ(parsed[0]["duration_ms"].get<double>(), 3.25);
  EXPECT_THAT(parsed[0]["time"].get<std::string>(),
              MatchesRegex("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}\\.[0-9]{3}Z"));
  EXPECT_EQ(parsed[1]["level"], "error");
  EXPECT_EQ(parsed[1]["component"], "outbox (email)");
  EXPECT_EQ(parsed[2]["level"], "notice");
  EXPECT_EQ(parsed[2]["message"], "encerrando");
}

TEST_F(LogTest, ErrorsLoggedWhileARequestIsHandledCarryItsId) {
  set_log_format(LogFormat::json);
  ::testing::internal::CaptureStderr();
  {
    const std::string id = "fedcba9876543210";
    RequestScope scope(id);
    log_error("web", "erro na página /chamados/:id");
  }
  log_error("imap", "fora de uma requisição");
  std::istringstream lines(::testing::internal::GetCapturedStderr());
  std::string inside, outside;
  std::getline(lines, inside);
  std::getline(lines, outside);
  EXPECT_EQ(nlohmann::json::parse(inside)["request_id"], "fedcba9876543210");
  EXPECT_FALSE(nlohmann::json::parse(outside).contains("request_id"));
}

TEST_F(LogTest, OnlyTextAndJsonAreFormats) {
  EXPECT_EQ(parse_log_format("json"), LogFormat::json);
  EXPECT_EQ(parse_log_format("text"), LogFormat::text);
  EXPECT_FALSE(parse_log_format("xml").has_value());
}

}  // namespace
}  // namespace guiche::observability
