#include "transports/whatsapp/cloud_api_client.hpp"

#include <curl/curl.h>

#include "mail/curl_once.hpp"

#include <stdexcept>

namespace guiche::transports {
namespace {

std::size_t collect(char* data, std::size_t size, std::size_t count, void* out) {
  static_cast<std::string*>(out)->append(data, size * count);
  return size * count;
}

std::string without_trailing_slash(std::string url) {
  while (!url.empty() && url.back() == '/') url.pop_back();
  return url;
}

}  // namespace

CloudApiClient::CloudApiClient(CloudApiConfig config) : config_(std::move(config)) {
  config_.api_url = without_trailing_slash(config_.api_url);
  mail::init_curl_once();
  curl_ = curl_easy_init();
  if (!curl_) throw std::runtime_error("libcurl não inicializou");
}

CloudApiClient::~CloudApiClient() {
  curl_easy_cleanup(static_cast<CURL*>(curl_));
}

CloudApiResult CloudApiClient::perform(const std::string& url, const std::string* json_body,
                                       void* form, std::string* raw_out) {
  CURL* curl = static_cast<CURL*>(curl_);
  curl_easy_reset(curl);
  curl_slist* headers = nullptr;
  const std::string auth = "Authorization: Bearer " + config_.token;
  headers = curl_slist_append(headers, auth.c_str());
  headers = curl_slist_append(headers, "Expect:");
  if (json_body) headers = curl_slist_append(headers, "Content-Type: application/json");
  std::string answer;
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS,
                   static_cast<long>(config_.connect_timeout.count()));
  curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(config_.timeout.count()));
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
  if (json_body) {
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, json_body->data());
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(json_body->size()));
  } else if (form) {
    curl_easy_setopt(curl, CURLOPT_MIMEPOST, static_cast<curl_mime*>(form));
  }
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, collect);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &answer);
  const CURLcode code = curl_easy_perform(curl);
  curl_slist_free_all(headers);
  CloudApiResult r;
  if (code != CURLE_OK) {
    r.transport_error = curl_easy_strerror(code);
    return r;
  }
  r.reached = true;
  long status = 0;
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
  r.http_status = static_cast<int>(status);
  if (raw_out && r.ok()) {
    *raw_out = std::move(answer);
    return r;
  }
  r.body = nlohmann::json::parse(answer, nullptr, false);
  if (r.body.is_discarded()) r.body = nullptr;
  if (!r.ok() && r.body.is_object() && r.body.contains("error") && r.body["error"].is_object()) {
    const auto& e = r.body["error"];
    if (e.contains("code") && e["code"].is_number_integer()) r.error_code = e["code"].get<int>();
    r.error_message = e.value("message", "");
  }
  return r;
}

SentMessage CloudApiClient::send(const nlohmann::json& message) {
  const std::string body = message.dump();
  SentMessage s;
  s.result = perform(config_.api_url + "/" + config_.phone_number_id + "/messages", &body, nullptr);
  if (!s.result.ok()) return s;
  const auto& b = s.result.body;
  if (b.is_object() && b.contains("messages") && b["messages"].is_array() &&
      !b["messages"].empty() && b["messages"][0].contains("id")) {
    s.wamid = b["messages"][0]["id"].get<std::string>();
  }
  if (b.is_object() && b.contains("contacts") && b["contacts"].is_array() &&
      !b["contacts"].empty()) {
    s.wa_id = b["contacts"][0].value("wa_id", "");
  }
  if (s.wamid.empty()) {
    // 2xx without a message id: not a send we can follow; treat it as unanswered.
    s.result.reached = false;
    s.result.transport_error = "resposta sem o id da mensagem";
  }
  return s;
}

std::pair<CloudApiResult, std::string> CloudApiClient::upload(const std::string& bytes,
                                                              const std::string& mime,
                                                              const std::string& filename) {
  CURL* curl = static_cast<CURL*>(curl_);
  curl_mime* form = curl_mime_init(curl);
  curl_mimepart* part = curl_mime_addpart(form);
  curl_mime_name(part, "messaging_product");
  curl_mime_data(part, "whatsapp", CURL_ZERO_TERMINATED);
  part = curl_mime_addpart(form);
  curl_mime_name(part, "type");
  curl_mime_data(part, mime.c_str(), CURL_ZERO_TERMINATED);
  part = curl_mime_addpart(form);
  curl_mime_name(part, "file");
  curl_mime_data(part, bytes.data(), bytes.size());
  curl_mime_filename(part, filename.c_str());
  curl_mime_type(part, mime.c_str());
  // perform() resets the handle's options, not the form, which lives until freed here.
  auto r = perform(config_.api_url + "/" + config_.phone_number_id + "/media", nullptr, form);
  curl_mime_free(form);
  std::string id;
  if (r.ok() && r.body.is_object()) id = r.body.value("id", "");
  return {r, id};
}

MediaFile CloudApiClient::download(const std::string& media_id) {
  MediaFile f;
  f.result = perform(config_.api_url + "/" + media_id, nullptr, nullptr);
  if (!f.result.ok() || !f.result.body.is_object()) return f;
  const std::string url = f.result.body.value("url", "");
  f.mime_type = f.result.body.value("mime_type", "");
  f.sha256 = f.result.body.value("sha256", "");
  f.result = perform(url, nullptr, nullptr, &f.bytes);
  return f;
}

}  // namespace guiche::transports
