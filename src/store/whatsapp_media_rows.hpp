#pragma once
// The images and documents people sent on WhatsApp (migration v019), each
// fetched once from the Cloud API and stored like every attachment
// (store/attachment_blobs.hpp). One the desk refuses (size, type) is kept
// too, with the reason (`problem`), and never attached.
#include <cstdint>
#include <optional>
#include <string>

#include "domain/time.hpp"
#include "store/database.hpp"

namespace guiche::store {

struct WhatsAppMedia {
  std::string media_id;
  std::string wa_id;
  std::string sha256;
  std::string content_type;  // sniffed from the bytes
  std::int64_t size_bytes = 0;
  std::string filename;
  std::optional<std::string> problem;  // pt-BR: why it is not attached
  Instant fetched_at{};
};

// Adds the row unless the media id is there already.
void save_whatsapp_media(Connection& c, const WhatsAppMedia& m);
std::optional<WhatsAppMedia> load_whatsapp_media(Connection& c, const std::string& media_id);

}  // namespace guiche::store
