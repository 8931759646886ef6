#pragma once
// The chatbot's files (app/whatsapp/whatsapp_media_source.hpp) from the
// Cloud API: the media id names a short-lived URL, both fetched with the
// bearer (cloud_api_client.hpp). One client of its own: the inbox's worker
// is its only caller.
#include <mutex>

#include "app/whatsapp/whatsapp_media_source.hpp"
#include "transports/whatsapp/cloud_api_client.hpp"

namespace guiche::transports {

class CloudMediaSource final : public app::WhatsAppMediaSource {
 public:
  explicit CloudMediaSource(CloudApiConfig config) : client_(std::move(config)) {}
  app::FetchedMedia fetch(const std::string& media_id) override;

 private:
  std::mutex mutex_;  // a client's connection serves one request at a time
  CloudApiClient client_;
};

}  // namespace guiche::transports
