#pragma once
// One step of a status notice's timeline: who did what, when and through
// which channel, and the message it wrote (a draft until published). Like a
// ticket's events, the timeline is never rewritten; publishing only stamps
// when and by whom a message went out.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "domain/channel.hpp"
#include "domain/incidents/notice_transitions.hpp"
#include "domain/time.hpp"

namespace guiche {

struct NoticeMessage {
  std::string key;    // "incident_confirmed" (6.3)...
  std::string title;  // "PRODEST Informa: Aviso de Indisponibilidade"
  std::string text;   // as sent and shown, plain text
};

struct NoticeEvent {
  std::int64_t id = 0;
  std::int64_t notice_id = 0;
  NoticeAction action = NoticeAction::report;
  NoticeState state_after = NoticeState::reported;
  Instant at{};
  std::optional<std::int64_t> actor_id;  // none for monitoring
  Channel channel = Channel::portal;
  // What the action said: "text" (an update), "signature" (leadership's name
  // and position), "organization_id", "starts_at"/"ends_at" (a reschedule).
  nlohmann::json data = nlohmann::json::object();
  std::optional<NoticeMessage> message;
  // The message went out (status page, channels, subscribers). The receipt
  // (6.1) is sent to the reporter alone and never published.
  std::optional<Instant> published_at;
  std::optional<std::int64_t> published_by;
};

}  // namespace guiche
