#include "store/whatsapp_media_rows.hpp"

namespace guiche::store {

void save_whatsapp_media(Connection& c, const WhatsAppMedia& m) {
  c.query(
      "INSERT INTO whatsapp_media (media_id, wa_id, sha256, content_type, size_bytes, filename, "
      "problem, fetched_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (media_id) DO NOTHING",
      {m.media_id, m.wa_id, m.sha256, m.content_type, m.size_bytes, m.filename,
       optional_value(m.problem), to_millis(m.fetched_at)});
}

std::optional<WhatsAppMedia> load_whatsapp_media(Connection& c, const std::string& media_id) {
  auto r = c.query_one(
      "SELECT media_id, wa_id, sha256, content_type, size_bytes, filename, problem, fetched_at "
      "FROM whatsapp_media WHERE media_id = ?",
      {media_id});
  if (!r) return std::nullopt;
  return WhatsAppMedia{r->text(0),    r->text(1), r->text(2),          r->text(3),
                       r->integer(4), r->text(5), r->optional_text(6), from_millis(r->integer(7))};
}

}  // namespace guiche::store
