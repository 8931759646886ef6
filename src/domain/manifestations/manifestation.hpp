#pragma once
// A manifestação (Lei 13.460 art. 2 V; Decreto 9.492/2018; docs/domain.md,
// "Manifestação"): what a user of the public service tells the ouvidoria —
// a reclamação, denúncia, elogio, sugestão or solicitação de providências —
// about one service or the unit in general. Its identity may be given,
// kept confidential (only the ouvidoria role sees it) or, for reclamações
// and denúncias, withheld. It is tracked by a protocol and a follow-up code
// without an account; its deadline is manifestation_deadline.hpp's.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "domain/time.hpp"

namespace guiche {

enum class ManifestationKind { complaint, report, praise, suggestion, request_for_action };
enum class Identification { identified, confidential, anonymous };
enum class ManifestationStatus { open, awaiting_complement, answered, archived };
// How the answer reaches its author: by e-mail, or only on the tracking page.
enum class AnswerChannel { email, tracking };

std::string_view manifestation_kind_code(ManifestationKind k);
std::string_view manifestation_kind_label_pt(ManifestationKind k);
std::optional<ManifestationKind> parse_manifestation_kind(std::string_view code);
std::string_view identification_code(Identification i);
std::string_view identification_label_pt(Identification i);
std::optional<Identification> parse_identification(std::string_view code);
std::string_view manifestation_status_code(ManifestationStatus s);
std::string_view manifestation_status_label_pt(ManifestationStatus s);
std::optional<ManifestationStatus> parse_manifestation_status(std::string_view code);
std::string_view answer_channel_code(AnswerChannel c);
std::optional<AnswerChannel> parse_answer_channel(std::string_view code);

// Only reclamações and denúncias may come without a name (Decreto 9.492
// art. 14 treats the anonymous ones as "comunicação").
bool may_be_anonymous(ManifestationKind k);

// Who wrote it; all blank for an anonymous one.
struct Manifestant {
  std::optional<std::int64_t> person_id;  // when signed in
  std::string name;
  std::string email;
  std::string phone;
  std::string cpf;
};

struct Manifestation {
  std::int64_t id = 0;
  std::string protocol;  // "OUV-2026-000123" (manifestation_protocol.hpp)
  ManifestationKind kind = ManifestationKind::complaint;
  Identification identification = Identification::identified;
  ManifestationStatus status = ManifestationStatus::open;
  std::optional<std::int64_t> service_id;  // none: the unit in general
  std::string service_name;
  std::optional<std::int64_t> unit_id;  // the ouvidoria it went to
  std::string subject;
  std::string description;
  Manifestant manifestant;
  // False once the identity was withheld from the one reading it.
  bool identity_shown = true;
  AnswerChannel answer_channel = AnswerChannel::email;
  Instant registered_at{};
  Date registered_on{};
  int answer_days = 30;
  std::optional<int> extension_days;  // set once extended
  std::string extension_reason;
  bool complement_requested = false;
  std::optional<Date> paused_on;  // awaiting the complement since
  int paused_days = 0;            // days already spent waiting for it
  Date due_on{};
  // The last deadline warning the ouvidoria got for this due date: "",
  // "due_soon" or "overdue" (due_standing_code); a new due date clears it.
  std::string warned;
  std::string answer;
  std::optional<Instant> answered_at;
  std::optional<Instant> closed_at;
};

// One step of its history. Internal steps (a ticket linked) are the ouvidoria's.
struct ManifestationEvent {
  std::int64_t id = 0;
  std::string kind;  // registered, complement_requested, complemented, extended, answered,
                     // archived, ticket_linked
  std::string text;
  std::optional<std::int64_t> actor_id;
  std::string actor_name;
  bool visible_to_author = true;
  Instant at{};
};

}  // namespace guiche
