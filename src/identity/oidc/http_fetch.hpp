#pragma once
// The few HTTP requests an OpenID Connect client makes (oidc_client.hpp),
// through libcurl: GET a JSON document, POST a form to the token endpoint
// with HTTP Basic client authentication. No redirect is followed, and only
// http and https are spoken.
#include <chrono>
#include <string>
#include <utility>
#include <vector>

namespace guiche::identity {

struct HttpAnswer {
  bool reached = false;
  long status = 0;
  std::string body;
  std::string error;  // libcurl's, when not reached
  bool ok() const { return reached && status >= 200 && status < 300; }
};

using FormFields = std::vector<std::pair<std::string, std::string>>;

// application/x-www-form-urlencoded, each name and value percent-encoded.
std::string form_encode(const FormFields& fields);

HttpAnswer http_get(const std::string& url, std::chrono::milliseconds timeout,
                    const std::string& bearer = "");
HttpAnswer http_post_form(const std::string& url, const FormFields& fields,
                          const std::string& basic_user, const std::string& basic_password,
                          std::chrono::milliseconds timeout);

}  // namespace guiche::identity
