// Bad credentials, sessions and multipart uploads.
#include "api/malformed_input.hpp"

namespace guiche::testing {
namespace {

const std::string kMalformedBoundary = "----malformado-9f2";
const std::string kMultipart = "multipart/form-data; boundary=" + kMalformedBoundary;
const std::string kUpload = "/api/v1/tickets/{t}/attachments";
const std::string kRegister =
    R"({"service_code":"SUP-TEC","subject":"Impressora","description":"Sem rede."})";

std::string part(const std::string& disposition, const std::string& bytes) {
  return "--" + kMalformedBoundary + "\r\nContent-Disposition: form-data; " + disposition +
         "\r\n\r\n" + bytes + "\r\n";
}

std::string end() {
  return "--" + kMalformedBoundary + "--\r\n";
}

std::vector<std::pair<std::string, std::string>> multipart() {
  return {{"Content-Type", kMultipart}};
}

}  // namespace

std::vector<BadRequest> access_bad_requests() {
  using S = Sender;
  const std::string file = part(R"(name="file"; filename="log.txt")", "Log do erro.\n");
  // An executable is no bad request: the desk keeps it, held (issue 17;
  // tests/api/upload_batch_api_test.cpp).
  return {
      {"cookie write without CSRF", S::no_csrf, "POST", "/api/v1/tickets", kRegister, 403},
      {"cookie write with a wrong CSRF", S::wrong_csrf, "POST", "/api/v1/tickets", kRegister, 403},
      {"cookie delete without CSRF", S::no_csrf, "DELETE", "/api/v1/session", "", 403},
      {"cookie upload without CSRF",
       S::no_csrf,
       "POST",
       kUpload,
       file + end(),
       403,
       {},
       multipart()},
      {"expired session reads", S::expired_session, "GET", "/api/v1/tickets", "", 401},
      {"expired session writes", S::expired_session, "POST", "/api/v1/tickets", kRegister, 401},
      {"unknown session", S::unknown_session, "GET", "/api/v1/session", "", 401},
      {"revoked token", S::revoked_token, "GET", "/api/v1/tickets", "", 401},
      {"revoked token writes", S::revoked_token, "POST", "/api/v1/tickets", kRegister, 401},
      {"garbage bearer", S::bad_bearer, "GET", "/api/v1/tickets", "", 401},
      {"basic authentication", S::basic_auth, "GET", "/api/v1/tickets", "", 401},
      {"no credentials", S::nobody, "GET", "/api/v1/tickets", "", 401},
      {"no credentials to write", S::nobody, "POST", "/api/v1/tickets", kRegister, 401},
      {"sign-out without a session", S::nobody, "DELETE", "/api/v1/session", "", 401},
      {"sign-in without password",
       S::nobody,
       "POST",
       "/api/v1/session",
       R"({"login":"x"})",
       422,
       {"password"}},
      {"sign-in with login as number",
       S::nobody,
       "POST",
       "/api/v1/session",
       R"({"login":5,"password":"x"})",
       422,
       {"login"}},
      {"sign-in with wrong password", S::nobody, "POST", "/api/v1/session",
       R"({"login":"ninguem","password":"errada"})", 401},
      {"password change without new",
       S::requester,
       "POST",
       "/api/v1/session/password",
       R"({"current_password":"senha-de-teste"})",
       422,
       {"new_password"}},
      {"password change with wrong current",
       S::requester,
       "POST",
       "/api/v1/session/password",
       R"({"current_password":"errada","new_password":"nova-senha-123"})",
       422,
       {"current_password"}},
      {"password change to the same",
       S::requester,
       "POST",
       "/api/v1/session/password",
       R"({"current_password":"senha-de-teste","new_password":"senha-de-teste"})",
       422,
       {"new_password"}},

      {"multipart without boundary",
       S::requester,
       "POST",
       kUpload,
       file + end(),
       400,
       {},
       {{"Content-Type", "multipart/form-data"}}},
      {"multipart with another boundary",
       S::requester,
       "POST",
       kUpload,
       file + end(),
       400,
       {},
       {{"Content-Type", "multipart/form-data; boundary=outro"}}},
      {"multipart without closing", S::requester, "POST", kUpload, file, 400, {}, multipart()},
      {"multipart garbage",
       S::requester,
       "POST",
       kUpload,
       "isto não é multipart",
       400,
       {},
       multipart()},
      {"multipart unknown field",
       S::requester,
       "POST",
       kUpload,
       part(R"(name="arquivo"; filename="a.txt")", "x") + end(),
       422,
       {"arquivo"},
       multipart()},
      {"multipart public as a word",
       S::requester,
       "POST",
       kUpload,
       part(R"(name="public")", "talvez") + file + end(),
       422,
       {"public"},
       multipart()},
      {"multipart without files",
       S::requester,
       "POST",
       kUpload,
       part(R"(name="public")", "true") + end(),
       400,
       {},
       multipart()},
      {"multipart file without filename",
       S::requester,
       "POST",
       kUpload,
       part(R"(name="file")", "x") + end(),
       400,
       {},
       multipart()},
      {"multipart path as filename",
       S::requester,
       "POST",
       kUpload,
       part(R"(name="file"; filename="../")", "x") + end(),
       422,
       {"filename"},
       multipart()},
      {"multipart to an unknown ticket",
       S::requester,
       "POST",
       "/api/v1/tickets/987654/attachments",
       file + end(),
       404,
       {},
       multipart()},
  };
}

}  // namespace guiche::testing
