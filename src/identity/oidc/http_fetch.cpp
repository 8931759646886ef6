#include "identity/oidc/http_fetch.hpp"

#include <curl/curl.h>

#include <cctype>
#include <memory>
#include <mutex>

namespace guiche::identity {
namespace {

std::size_t collect_body(char* data, std::size_t size, std::size_t count, void* out) {
  static_cast<std::string*>(out)->append(data, size * count);
  return size * count;
}

std::string percent_encode(const std::string& text) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char ch : text) {
    if (std::isalnum(ch) || ch == '-' || ch == '.' || ch == '_' || ch == '~') {
      out += static_cast<char>(ch);
    } else {
      out += '%';
      out += hex[ch >> 4];
      out += hex[ch & 15];
    }
  }
  return out;
}

struct CurlFree {
  void operator()(CURL* c) const { curl_easy_cleanup(c); }
};

HttpAnswer perform(const std::string& url, const std::string* form, const std::string& basic_user,
                   const std::string& basic_password, const std::string& bearer,
                   std::chrono::milliseconds timeout) {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  HttpAnswer answer;
  std::unique_ptr<CURL, CurlFree> curl(curl_easy_init());
  if (!curl) {
    answer.error = "libcurl não inicializou";
    return answer;
  }
  curl_slist* headers = nullptr;
  headers = curl_slist_append(headers, "Accept: application/json");
  headers = curl_slist_append(headers, "Expect:");
  const std::string authorization = "Authorization: Bearer " + bearer;
  if (!bearer.empty()) headers = curl_slist_append(headers, authorization.c_str());
  CURL* c = curl.get();
  curl_easy_setopt(c, CURLOPT_URL, url.c_str());
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, static_cast<long>(timeout.count()));
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers);
  if (form) {
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, form->data());
    curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(form->size()));
  }
  if (!basic_user.empty()) {
    // RFC 6749, 2.3.1: the client id and secret are form-encoded before Basic.
    const std::string user = percent_encode(basic_user);
    const std::string password = percent_encode(basic_password);
    curl_easy_setopt(c, CURLOPT_HTTPAUTH, CURLAUTH_BASIC);
    curl_easy_setopt(c, CURLOPT_USERNAME, user.c_str());
    curl_easy_setopt(c, CURLOPT_PASSWORD, password.c_str());
  }
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, collect_body);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &answer.body);
  const CURLcode code = curl_easy_perform(c);
  curl_slist_free_all(headers);
  if (code != CURLE_OK) {
    answer.error = curl_easy_strerror(code);
    return answer;
  }
  answer.reached = true;
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &answer.status);
  return answer;
}

}  // namespace

std::string form_encode(const FormFields& fields) {
  std::string out;
  for (const auto& [name, value] : fields) {
    if (!out.empty()) out += '&';
    out += percent_encode(name) + "=" + percent_encode(value);
  }
  return out;
}

HttpAnswer http_get(const std::string& url, std::chrono::milliseconds timeout,
                    const std::string& bearer) {
  return perform(url, nullptr, "", "", bearer, timeout);
}

HttpAnswer http_post_form(const std::string& url, const FormFields& fields,
                          const std::string& basic_user, const std::string& basic_password,
                          std::chrono::milliseconds timeout) {
  const std::string body = form_encode(fields);
  return perform(url, &body, basic_user, basic_password, "", timeout);
}

}  // namespace guiche::identity
