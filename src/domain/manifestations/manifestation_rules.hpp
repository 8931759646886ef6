#pragma once
// The ouvidoria's clock and what may happen to a manifestação (Lei 13.460
// art. 16; Decreto 9.492/2018 art. 16 and 18), as data cases specify them:
// tests/domain/data/manifestation_deadline.cases and
// tests/domain/data/manifestation_actions.cases.
//
// The deadline counts calendar days (dias corridos) from the registration
// date: the answer days, plus the extension once granted, plus the days the
// manifestação waited for the complement its author was asked for. An end
// on a day the ouvidoria's calendar closes moves to its next open day, as
// the CGU counts it.
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "domain/manifestations/manifestation.hpp"
#include "domain/time.hpp"

namespace guiche {

Date manifestation_due_on(Date registered_on, int answer_days, std::optional<int> extension_days,
                          int paused_days, const std::function<bool(Date)>& closed);

// Whole calendar days from `from` to `to` (negative when `to` is earlier).
int days_between(Date from, Date to);

// Like the SLA clocks' warnings: due soon within `warning_days` of the end.
enum class DueStanding { on_time, due_soon, overdue };
std::string_view due_standing_code(DueStanding s);
std::optional<DueStanding> parse_due_standing(std::string_view code);
DueStanding due_standing(Date today, Date due_on, int warning_days);

enum class ManifestationAction { request_complement, complement, extend, answer, archive, link };
std::string_view manifestation_action_code(ManifestationAction a);
std::optional<ManifestationAction> parse_manifestation_action(std::string_view code);

struct ManifestationState {
  ManifestationStatus status = ManifestationStatus::open;
  bool complement_requested = false;  // once, ever
  bool extended = false;              // once, ever
  // The author was asked for a complement and let its days pass.
  bool complement_window_over = false;
};

// nullopt: allowed; otherwise why not, in pt-BR (a conflict).
std::optional<std::string> manifestation_refusal(const ManifestationState& s,
                                                 ManifestationAction a);

}  // namespace guiche
