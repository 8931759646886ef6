#pragma once
// Where the chatbot gets the images and documents people send: the Cloud
// API's media download (media id -> URL -> bytes, with the bearer). A port,
// so the application layer needs no HTTP client: serve plugs in
// transports/whatsapp/cloud_media_source.hpp.
#include <string>

namespace guiche::app {

struct FetchedMedia {
  enum class Outcome {
    ok,           // bytes and WhatsApp's word for their type
    gone,         // WhatsApp refused it for good (unknown or expired id): nothing to retry
    unavailable,  // no answer or a server error: the message is tried again later
  };
  Outcome outcome = Outcome::unavailable;
  std::string bytes;
  std::string mime_type;
  std::string problem;  // pt-BR, when not ok
};

class WhatsAppMediaSource {
 public:
  virtual ~WhatsAppMediaSource() = default;
  virtual FetchedMedia fetch(const std::string& media_id) = 0;
};

}  // namespace guiche::app
