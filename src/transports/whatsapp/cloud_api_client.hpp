#pragma once
// A client of the WhatsApp Business Platform's Cloud API (BRAZIL.md, 7.1), on
// libcurl: send a message, upload a file to send by id, fetch a file a user
// sent (media id -> URL -> bytes, both with the bearer). The base URL names
// the API version ("https://graph.facebook.com/v21.0"); the tests point it at
// scripts/test-servers/whatsapp_cloud.py. The token goes only into the
// Authorization header: never into a result, an error or a log.
#include <chrono>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace guiche::transports {

struct CloudApiConfig {
  std::string api_url;
  std::string phone_number_id;
  std::string token;
  std::chrono::milliseconds timeout{15'000};
  std::chrono::milliseconds connect_timeout{5'000};
};

// One call's outcome: no answer at all (reached false, with curl's reason),
// or the HTTP status with the Graph error's code and message when it failed.
struct CloudApiResult {
  bool reached = false;
  int http_status = 0;
  std::string transport_error;
  std::optional<int> error_code;
  std::string error_message;
  nlohmann::json body;  // the parsed answer (null when it was not JSON)
  bool ok() const { return reached && http_status >= 200 && http_status < 300; }
};

struct SentMessage {
  CloudApiResult result;
  std::string wamid;  // on success: messages[0].id
  std::string wa_id;  // on success: contacts[0].wa_id (WhatsApp's form of the number)
};

struct MediaFile {
  CloudApiResult result;
  std::string bytes;
  std::string mime_type;
  std::string sha256;
};

class CloudApiClient {
 public:
  explicit CloudApiClient(CloudApiConfig config);
  ~CloudApiClient();
  CloudApiClient(const CloudApiClient&) = delete;
  CloudApiClient& operator=(const CloudApiClient&) = delete;

  // POST {api_url}/{phone_number_id}/messages with `message` (a whole
  // request: messaging_product, to, type...).
  SentMessage send(const nlohmann::json& message);
  // POST {api_url}/{phone_number_id}/media (multipart); the media id, or the failure.
  std::pair<CloudApiResult, std::string> upload(const std::string& bytes, const std::string& mime,
                                                const std::string& filename);
  // GET {api_url}/{media_id}, then the URL it names.
  MediaFile download(const std::string& media_id);

 private:
  CloudApiResult perform(const std::string& url, const std::string* json_body, void* form,
                         std::string* raw_out = nullptr);

  CloudApiConfig config_;
  void* curl_ = nullptr;  // CURL*, kept out of this header; reused so connections stay open
};

}  // namespace guiche::transports
