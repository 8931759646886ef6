#pragma once
// The 24-hour customer-service window of the WhatsApp Cloud API: a business
// may send free-form messages to a user for 24 hours after that user's last
// inbound message; outside it, only approved templates (BRAZIL.md, 7.1).
// Only inbound messages refresh it. Rows are keyed by the number's E.164
// digits, so a wa_id in the 12-digit Brazilian form and the 13-digit phone
// in a person's record find the same window.
#include <chrono>
#include <optional>
#include <string>

#include "domain/time.hpp"
#include "store/database.hpp"

namespace guiche::store {

inline constexpr std::chrono::hours kWhatsAppWindow{24};

// The key a number's window is kept under: its E.164 digits; `number` itself
// when it is not a phone number.
std::string whatsapp_window_key(const std::string& number);
// The user `wa_id` (or any form of the number) wrote at `at`; an earlier
// instant never moves the window back.
void touch_whatsapp_window(Connection& c, const std::string& wa_id, Instant at);
std::optional<Instant> whatsapp_last_inbound(Connection& c, const std::string& number);
// Whether a free-form message may be sent to `number` at `now`.
bool whatsapp_window_open(Connection& c, const std::string& number, Instant now);

}  // namespace guiche::store
