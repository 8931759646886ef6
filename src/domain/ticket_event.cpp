#include "domain/ticket_event.hpp"

#include <array>

namespace guiche {
namespace {

// clang-format off
constexpr std::array<std::string_view, 27> kCodes{
    "created",      "triaged",       "routed",           "assigned",    "status_changed",
    "public_reply", "internal_note", "attachment_added", "time_logged", "resolved",
    "evaluated",    "reopened",      "closed",           "cancelled",   "linked",
    "sla_warning",  "notice_linked", "notice_unlinked",
    "equipment_entered", "equipment_maintained", "equipment_returned",
    "attachment_held", "attachment_released",
    "merged", "merge_received", "merge_undone",
    "macro_applied",
};
// clang-format on

}  // namespace

std::string_view event_kind_code(EventKind k) {
  return kCodes[static_cast<std::size_t>(k)];
}

std::optional<EventKind> parse_event_kind(std::string_view code) {
  for (std::size_t i = 0; i < kCodes.size(); ++i) {
    if (kCodes[i] == code) return static_cast<EventKind>(i);
  }
  return std::nullopt;
}

}  // namespace guiche
