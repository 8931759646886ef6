#pragma once
// Who is offered which answer templates and macros, and who keeps them
// (issue 19, item 2). Shared ones (no unit) are offered to all the staff and
// kept by admins; a unit's are offered to those who hold a role in it or
// manage a unit above it, and kept by those managers and the admins.
#include <cstdint>
#include <optional>
#include <vector>

#include "domain/person.hpp"
#include "domain/unit.hpp"

namespace guiche::app {

bool answers_offered_to(const Person& p, std::optional<std::int64_t> unit_id,
                        const std::vector<Unit>& units);
bool may_keep_answers(const Person& p, std::optional<std::int64_t> unit_id,
                      const std::vector<Unit>& units);
// May `p` open the pages that keep templates and macros at all?
bool keeps_any_answers(const Person& p);

}  // namespace guiche::app
