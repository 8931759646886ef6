#include "domain/manifestations/manifestation.hpp"

#include <array>

namespace guiche {
namespace {

template <typename E>
struct Named {
  E value;
  std::string_view code;
  std::string_view label_pt;
};

constexpr std::array<Named<ManifestationKind>, 5> kManifestationKinds{{
    {ManifestationKind::complaint, "complaint", "Reclamação"},
    {ManifestationKind::report, "report", "Denúncia"},
    {ManifestationKind::praise, "praise", "Elogio"},
    {ManifestationKind::suggestion, "suggestion", "Sugestão"},
    {ManifestationKind::request_for_action, "request_for_action", "Solicitação de providências"},
}};

constexpr std::array<Named<Identification>, 3> kIdentifications{{
    {Identification::identified, "identified", "Identificada"},
    {Identification::confidential, "confidential", "Sigilosa"},
    {Identification::anonymous, "anonymous", "Anônima"},
}};

constexpr std::array<Named<ManifestationStatus>, 4> kStatuses{{
    {ManifestationStatus::open, "open", "Em análise"},
    {ManifestationStatus::awaiting_complement, "awaiting_complement", "Aguardando complementação"},
    {ManifestationStatus::answered, "answered", "Respondida"},
    {ManifestationStatus::archived, "archived", "Arquivada"},
}};

template <typename E, std::size_t N>
const Named<E>& named(const std::array<Named<E>, N>& table, E value) {
  return table[static_cast<std::size_t>(value)];
}

template <typename E, std::size_t N>
std::optional<E> parse(const std::array<Named<E>, N>& table, std::string_view code) {
  for (const auto& n : table) {
    if (n.code == code) return n.value;
  }
  return std::nullopt;
}

}  // namespace

std::string_view manifestation_kind_code(ManifestationKind k) {
  return named(kManifestationKinds, k).code;
}
std::string_view manifestation_kind_label_pt(ManifestationKind k) {
  return named(kManifestationKinds, k).label_pt;
}
std::optional<ManifestationKind> parse_manifestation_kind(std::string_view code) {
  return parse(kManifestationKinds, code);
}
std::string_view identification_code(Identification i) {
  return named(kIdentifications, i).code;
}
std::string_view identification_label_pt(Identification i) {
  return named(kIdentifications, i).label_pt;
}
std::optional<Identification> parse_identification(std::string_view code) {
  return parse(kIdentifications, code);
}
std::string_view manifestation_status_code(ManifestationStatus s) {
  return named(kStatuses, s).code;
}
std::string_view manifestation_status_label_pt(ManifestationStatus s) {
  return named(kStatuses, s).label_pt;
}
std::optional<ManifestationStatus> parse_manifestation_status(std::string_view code) {
  return parse(kStatuses, code);
}
std::string_view answer_channel_code(AnswerChannel c) {
  return c == AnswerChannel::email ? "email" : "tracking";
}
std::optional<AnswerChannel> parse_answer_channel(std::string_view code) {
  if (code == "email") return AnswerChannel::email;
  if (code == "tracking") return AnswerChannel::tracking;
  return std::nullopt;
}

bool may_be_anonymous(ManifestationKind k) {
  return k == ManifestationKind::complaint || k == ManifestationKind::report;
}

}  // namespace guiche
