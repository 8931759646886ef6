#pragma once
// Answer templates (respostas padrão), solution templates and macros (issue
// 19, item 2). A template's text names placeholders in mustache form, filled
// from the ticket when it is used (app/answers/answer_placeholders.hpp); a
// macro names the steps it applies to a ticket at once. Shared ones have no
// unit; a unit's are offered to the people who work in it.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/ticket_status.hpp"
#include "domain/time.hpp"

namespace guiche {

enum class TemplateKind { answer, solution };
std::string_view template_kind_code(TemplateKind k);
std::optional<TemplateKind> parse_template_kind(std::string_view code);

struct AnswerTemplate {
  std::int64_t id = 0;
  TemplateKind kind = TemplateKind::answer;
  std::optional<std::int64_t> unit_id;  // none: shared by every unit
  std::string title;
  std::string body;  // with {{placeholders}}
  bool active = true;
  std::optional<std::int64_t> updated_by;
  Instant updated_at{};
};

struct TicketMacro {
  std::int64_t id = 0;
  std::optional<std::int64_t> unit_id;  // none: shared
  std::string name;
  // The steps, applied in this order: route, reply, status (or resolve), time.
  std::optional<std::int64_t> route_unit_id;
  std::optional<std::int64_t> reply_template_id;
  std::optional<Status> set_status;  // resolved: with solution_template_id and minutes
  std::optional<std::int64_t> solution_template_id;
  std::optional<int> minutes;  // logged, or the resolution's time spent
  bool active = true;
  std::optional<std::int64_t> updated_by;
  Instant updated_at{};
};

// The placeholders a template may use, in the order the editor lists them.
const std::vector<std::string>& answer_placeholders();

// The statuses a macro may set: the agent's own moves (resolving included);
// cancelling, closing and reopening carry reasons of their own.
bool macro_may_set(Status s);

}  // namespace guiche
