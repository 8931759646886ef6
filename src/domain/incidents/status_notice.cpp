#include "domain/incidents/status_notice.hpp"

#include <array>
#include <utility>

namespace guiche {
namespace {

template <typename E, std::size_t N>
std::optional<E> parse_in(const std::array<std::pair<E, std::string_view>, N>& table,
                          std::string_view code) {
  for (const auto& [value, text] : table) {
    if (text == code) return value;
  }
  return std::nullopt;
}

template <typename E, std::size_t N>
std::string_view code_in(const std::array<std::pair<E, std::string_view>, N>& table, E value) {
  for (const auto& [v, text] : table) {
    if (v == value) return text;
  }
  return "";
}

constexpr std::array<std::pair<NoticeKind, std::string_view>, 2> kNoticeKinds{{
    {NoticeKind::incident, "incident"},
    {NoticeKind::maintenance, "maintenance"},
}};

constexpr std::array<std::pair<NoticeState, std::string_view>, 10> kStates{{
    {NoticeState::reported, "reported"},
    {NoticeState::acknowledged, "acknowledged"},
    {NoticeState::not_confirmed, "not_confirmed"},
    {NoticeState::confirmed_organization, "confirmed_organization"},
    {NoticeState::confirmed_general, "confirmed_general"},
    {NoticeState::restored, "restored"},
    {NoticeState::scheduled, "scheduled"},
    {NoticeState::in_progress, "in_progress"},
    {NoticeState::completed, "completed"},
    {NoticeState::cancelled, "cancelled"},
}};

constexpr std::array<std::pair<NoticeState, std::string_view>, 10> kStateLabels{{
    {NoticeState::reported, "Relatado"},
    {NoticeState::acknowledged, "Em verificação"},
    {NoticeState::not_confirmed, "Operando normalmente"},
    {NoticeState::confirmed_organization, "Indisponibilidade no órgão"},
    {NoticeState::confirmed_general, "Indisponibilidade"},
    {NoticeState::restored, "Restabelecido"},
    {NoticeState::scheduled, "Manutenção programada"},
    {NoticeState::in_progress, "Em manutenção"},
    {NoticeState::completed, "Manutenção concluída"},
    {NoticeState::cancelled, "Manutenção cancelada"},
}};

constexpr std::array<std::pair<ReporterKind, std::string_view>, 3> kReporters{{
    {ReporterKind::client, "client"},
    {ReporterKind::staff, "staff"},
    {ReporterKind::monitoring, "monitoring"},
}};

}  // namespace

std::string_view notice_kind_code(NoticeKind k) {
  return code_in(kNoticeKinds, k);
}
std::optional<NoticeKind> parse_notice_kind(std::string_view code) {
  return parse_in(kNoticeKinds, code);
}
std::string_view notice_state_code(NoticeState s) {
  return code_in(kStates, s);
}
std::optional<NoticeState> parse_notice_state(std::string_view code) {
  return parse_in(kStates, code);
}
std::string_view notice_state_label_pt(NoticeState s) {
  return code_in(kStateLabels, s);
}
std::string_view reporter_kind_code(ReporterKind k) {
  return code_in(kReporters, k);
}
std::optional<ReporterKind> parse_reporter_kind(std::string_view code) {
  return parse_in(kReporters, code);
}

bool notice_state_is_final(NoticeState s) {
  return s == NoticeState::not_confirmed || s == NoticeState::restored ||
         s == NoticeState::completed || s == NoticeState::cancelled;
}

}  // namespace guiche
