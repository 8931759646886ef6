// Bad bodies at the transport level: syntax, encoding, size and content types.
#include "api/malformed_input.hpp"

namespace guiche::testing {
namespace {

const std::string kTickets = "/api/v1/tickets";
const std::string kGood =
    R"({"service_code":"SUP-TEC","subject":"Impressora","description":"Sem rede."})";

}  // namespace

std::vector<BadRequest> body_bad_requests() {
  using S = Sender;
  const std::string huge = R"({"service_code":"SUP-TEC","subject":"x","description":")" +
                           std::string(1024 * 1024 + 10, 'a') + "\"}";
  return {
      {"truncated JSON", S::requester, "POST", kTickets, R"({"service_code":)", 400},
      {"trailing garbage", S::requester, "POST", kTickets, kGood + " lixo", 400},
      {"two objects", S::requester, "POST", kTickets, kGood + kGood, 400},
      {"single quotes", S::requester, "POST", kTickets, "{'subject':'x'}", 400},
      {"trailing comma", S::requester, "POST", kTickets, R"({"subject":"x",})", 400},
      {"comment in JSON", S::requester, "POST", kTickets, "{/* nota */}", 400},
      {"array body", S::requester, "POST", kTickets, "[]", 400},
      {"string body", S::requester, "POST", kTickets, "\"chamado\"", 400},
      {"number body", S::requester, "POST", kTickets, "42", 400},
      {"null body", S::requester, "POST", kTickets, "null", 400},
      {"empty JSON body",
       S::requester,
       "POST",
       kTickets,
       "",
       400,
       {},
       {{"Content-Type", "application/json"}}},
      {"invalid UTF-8 byte", S::requester, "POST", kTickets,
       "{\"service_code\":\"SUP-TEC\",\"subject\":\"\xff\xfe\",\"description\":\"x\"}", 400},
      {"overlong UTF-8", S::requester, "POST", kTickets,
       "{\"service_code\":\"SUP-TEC\",\"subject\":\"\xc0\xaf\",\"description\":\"x\"}", 400},
      {"truncated UTF-8 sequence", S::requester, "POST", kTickets,
       "{\"service_code\":\"SUP-TEC\",\"subject\":\"a\xe2\x82\",\"description\":\"x\"}", 400},
      {"lone surrogate escape", S::requester, "POST", kTickets,
       R"({"service_code":"SUP-TEC","subject":"\ud800","description":"x"})", 400},
      {"NUL escape in subject",
       S::requester,
       "POST",
       kTickets,
       R"({"service_code":"SUP-TEC","subject":"a\u0000b","description":"x"})",
       422,
       {"subject"}},
      {"body over 1 MB", S::requester, "POST", kTickets, huge, 413},
      {"text/plain body",
       S::requester,
       "POST",
       kTickets,
       kGood,
       415,
       {},
       {{"Content-Type", "text/plain"}}},
      {"no content type", S::requester, "POST", kTickets, kGood, 415, {}, {{"Content-Type", ""}}},
      {"XML content type",
       S::requester,
       "POST",
       kTickets,
       "<chamado/>",
       415,
       {},
       {{"Content-Type", "application/xml"}}},
      {"form-urlencoded body",
       S::requester,
       "POST",
       kTickets,
       "subject=x",
       415,
       {},
       {{"Content-Type", "application/x-www-form-urlencoded"}}},
      {"multipart to a JSON endpoint",
       S::requester,
       "POST",
       kTickets,
       kGood,
       415,
       {},
       {{"Content-Type", "multipart/form-data; boundary=x"}}},
      {"JSON to the upload endpoint", S::requester, "POST", "/api/v1/tickets/{t}/attachments",
       kGood, 415},
      {"sign-in with broken JSON", S::nobody, "POST", "/api/v1/session", R"({"login":)", 400},
      {"sign-in with text/plain",
       S::nobody,
       "POST",
       "/api/v1/session",
       R"({"login":"a","password":"b"})",
       415,
       {},
       {{"Content-Type", "text/plain"}}},
      {"action with array body", S::analyst, "POST", "/api/v1/tickets/{t}/notes", "[1]", 400},
      {"directory write with broken JSON", S::admin, "POST", "/api/v1/organizations", "{", 400},
  };
}

}  // namespace guiche::testing
