#include "domain/manifestations/manifestation_rules.hpp"

#include <array>

namespace guiche {
namespace {

using std::chrono::days;
using std::chrono::sys_days;

constexpr std::array<std::pair<DueStanding, std::string_view>, 3> kStandings{{
    {DueStanding::on_time, "on_time"},
    {DueStanding::due_soon, "due_soon"},
    {DueStanding::overdue, "overdue"},
}};

constexpr std::array<std::pair<ManifestationAction, std::string_view>, 6> kActions{{
    {ManifestationAction::request_complement, "request_complement"},
    {ManifestationAction::complement, "complement"},
    {ManifestationAction::extend, "extend"},
    {ManifestationAction::answer, "answer"},
    {ManifestationAction::archive, "archive"},
    {ManifestationAction::link, "link"},
}};

bool ended(ManifestationStatus s) {
  return s == ManifestationStatus::answered || s == ManifestationStatus::archived;
}

}  // namespace

Date manifestation_due_on(Date registered_on, int answer_days, std::optional<int> extension_days,
                          int paused_days, const std::function<bool(Date)>& closed) {
  auto day = sys_days{registered_on} + days{answer_days + extension_days.value_or(0) + paused_days};
  // A calendar closes at most a few weeks in a row; the bound only guards a
  // calendar that closes every day.
  for (int guard = 0; guard < 366 && closed(Date{day}); ++guard) day += days{1};
  return Date{day};
}

int days_between(Date from, Date to) {
  return static_cast<int>((sys_days{to} - sys_days{from}).count());
}

std::string_view due_standing_code(DueStanding s) {
  return kStandings[static_cast<std::size_t>(s)].second;
}
std::optional<DueStanding> parse_due_standing(std::string_view code) {
  for (const auto& [s, c] : kStandings) {
    if (c == code) return s;
  }
  return std::nullopt;
}

DueStanding due_standing(Date today, Date due_on, int warning_days) {
  const int left = days_between(today, due_on);
  if (left < 0) return DueStanding::overdue;
  return left <= warning_days ? DueStanding::due_soon : DueStanding::on_time;
}

std::string_view manifestation_action_code(ManifestationAction a) {
  return kActions[static_cast<std::size_t>(a)].second;
}
std::optional<ManifestationAction> parse_manifestation_action(std::string_view code) {
  for (const auto& [a, c] : kActions) {
    if (c == code) return a;
  }
  return std::nullopt;
}

std::optional<std::string> manifestation_refusal(const ManifestationState& s,
                                                 ManifestationAction a) {
  const bool awaiting = s.status == ManifestationStatus::awaiting_complement;
  if (a == ManifestationAction::link) return std::nullopt;
  if (ended(s.status)) {
    return std::string("A manifestação já foi ") +
           (s.status == ManifestationStatus::answered ? "respondida." : "arquivada.");
  }
  switch (a) {
    case ManifestationAction::request_complement:
      if (awaiting) return "A manifestação já aguarda a complementação pedida.";
      if (s.complement_requested) return "A complementação só pode ser pedida uma vez.";
      return std::nullopt;
    case ManifestationAction::complement:
      if (!awaiting) return "Nenhuma complementação foi pedida para esta manifestação.";
      return std::nullopt;
    case ManifestationAction::extend:
      if (s.extended) return "O prazo só pode ser prorrogado uma vez.";
      return std::nullopt;
    case ManifestationAction::answer:
      if (awaiting) {
        return "A manifestação aguarda a complementação pedida ao manifestante; responda "
               "depois dela ou arquive quando o prazo dela acabar.";
      }
      return std::nullopt;
    case ManifestationAction::archive:
      if (!awaiting) return "Só se arquiva uma manifestação cuja complementação não veio.";
      if (!s.complement_window_over) {
        return "O manifestante ainda está no prazo para complementar a manifestação.";
      }
      return std::nullopt;
    case ManifestationAction::link:
      return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace guiche
