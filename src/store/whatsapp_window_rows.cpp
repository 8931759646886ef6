#include "store/whatsapp_window_rows.hpp"

#include "domain/whatsapp/whatsapp_number.hpp"

namespace guiche::store {

std::string whatsapp_window_key(const std::string& number) {
  const auto e164 = e164_of_whatsapp(number);
  return e164 ? e164->substr(1) : number;
}

void touch_whatsapp_window(Connection& c, const std::string& wa_id, Instant at) {
  c.query(
      "INSERT INTO whatsapp_windows (wa_id, last_inbound_at) VALUES (?, ?) "
      "ON CONFLICT (wa_id) DO UPDATE SET last_inbound_at = CASE WHEN excluded.last_inbound_at > "
      "whatsapp_windows.last_inbound_at THEN excluded.last_inbound_at "
      "ELSE whatsapp_windows.last_inbound_at END",
      {whatsapp_window_key(wa_id), to_millis(at)});
}

std::optional<Instant> whatsapp_last_inbound(Connection& c, const std::string& number) {
  auto r = c.query_one("SELECT last_inbound_at FROM whatsapp_windows WHERE wa_id = ?",
                       {whatsapp_window_key(number)});
  if (!r) return std::nullopt;
  return from_millis(r->integer(0));
}

bool whatsapp_window_open(Connection& c, const std::string& number, Instant now) {
  const auto last = whatsapp_last_inbound(c, number);
  return last && now < *last + kWhatsAppWindow;
}

}  // namespace guiche::store
