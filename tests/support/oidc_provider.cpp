#include "support/oidc_provider.hpp"

#include "identity/oidc/http_fetch.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cstdlib>
#include <stdexcept>

namespace guiche::testing {
namespace {

std::string variable(const char* name) {
  const char* value = std::getenv(name);
  return value ? value : "";
}

// "http://127.0.0.1:PORT/path?q" -> "/path?q"
std::string target_of(const std::string& url) {
  const auto scheme = url.find("://");
  const auto slash = url.find('/', scheme == std::string::npos ? 0 : scheme + 3);
  return slash == std::string::npos ? "/" : url.substr(slash);
}

std::string cookies_of(const HttpResult& r) {
  std::string out;
  for (const auto& c : r.set_cookies) {
    if (!out.empty()) out += "; ";
    out += c.substr(0, c.find(';'));
  }
  return out;
}

std::string percent_decode(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '+') {
      out += ' ';
    } else if (s[i] == '%' && i + 2 < s.size()) {
      out += static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

}  // namespace

std::optional<TestOidcProvider> test_oidc_provider() {
  TestOidcProvider p{variable("GUICHE_TEST_OIDC_ISSUER"), variable("GUICHE_TEST_OIDC_CLIENT_ID"),
                     variable("GUICHE_TEST_OIDC_CLIENT_SECRET"), variable("GUICHE_TEST_OIDC_DIR"),
                     variable("GUICHE_TEST_OIDC_ISSUER2")};
  if (p.issuer.empty() || p.client_id.empty()) return std::nullopt;
  const auto colon = p.issuer.find(':', p.issuer.find("://") + 3);
  p.port = static_cast<unsigned short>(std::stoi(p.issuer.substr(colon + 1)));
  return p;
}

ProviderTurn::ProviderTurn(const TestOidcProvider& p) {
  const std::string path = (p.dir.empty() ? std::string("/tmp") : p.dir) + "/tests.lock";
  fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd_ < 0 || ::flock(fd_, LOCK_EX) != 0) {
    throw std::runtime_error("cannot lock " + path + " for the provider's tests");
  }
}

ProviderTurn::~ProviderTurn() {
  if (fd_ >= 0) ::close(fd_);  // closing releases the lock
}

identity::OidcClientConfig oidc_client_config(const TestOidcProvider& p, const std::string& name) {
  identity::OidcClientConfig c;
  c.settings.name = name;
  c.settings.issuer = p.issuer;
  c.settings.client_id = p.client_id;
  c.client_secret = p.client_secret;
  c.timeout = std::chrono::milliseconds(3000);
  return c;
}

HttpResult answer_at_provider(const TestOidcProvider& p, const std::string& authorization_url,
                              const std::string& user, const std::string& password) {
  const nlohmann::json credentials = {{"username", user}, {"password", password}};
  const auto auth = http_request(p.port, "POST", "/api/auth/",
                                 {{"Content-Type", "application/json"}}, credentials.dump());
  if (auth.status != 200) return auth;
  const auto cookie = cookies_of(auth);
  http_request(p.port, "PUT", "/api/auth/grant/" + p.client_id,
               {{"Content-Type", "application/json"}, {"Cookie", cookie}}, R"({"scope":"openid"})");
  // g_continue: the login page's way of saying "the user is signed in, go on".
  return http_request(p.port, "GET", target_of(authorization_url) + "&g_continue",
                      {{"Cookie", cookie}});
}

std::map<std::string, std::string> query_parameters(const std::string& url) {
  std::map<std::string, std::string> out;
  const auto q = url.find('?');
  if (q == std::string::npos) return out;
  std::size_t start = q + 1;
  while (start < url.size()) {
    auto end = url.find('&', start);
    if (end == std::string::npos) end = url.size();
    const auto pair = url.substr(start, end - start);
    const auto eq = pair.find('=');
    out[percent_decode(pair.substr(0, eq))] =
        eq == std::string::npos ? "" : percent_decode(pair.substr(eq + 1));
    start = end + 1;
  }
  return out;
}

std::map<std::string, std::string> posted_fields(const std::string& html) {
  std::map<std::string, std::string> out;
  std::size_t at = 0;
  while ((at = html.find("name=\"", at)) != std::string::npos) {
    const auto name_end = html.find('"', at + 6);
    const auto name = html.substr(at + 6, name_end - at - 6);
    const auto value_at = html.find("value=\"", name_end);
    const auto value_end = html.find('"', value_at + 7);
    out[name] = html.substr(value_at + 7, value_end - value_at - 7);
    at = value_end;
  }
  return out;
}

void revoke_at_provider(const TestOidcProvider& p, const std::string& token) {
  const auto path = p.issuer.substr(p.issuer.find('/', p.issuer.find("://") + 3));
  // client_secret_post: the client's id and secret in the form.
  const auto r = http_request(
      p.port, "POST", path + "/revoke", {{"Content-Type", "application/x-www-form-urlencoded"}},
      identity::form_encode(
          {{"token", token}, {"client_id", p.client_id}, {"client_secret", p.client_secret}}));
  if (r.status != 200) throw std::runtime_error("o Glewlwyd não revogou: " + r.body);
}

}  // namespace guiche::testing
