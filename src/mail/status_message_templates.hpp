#pragma once
// The shipped texts of the status notices' messages (docs/domain.md,
// "Incident communication"): 6.1–6.6 are norm NPI-007's section 6 word for
// word, its bracketed placeholders become named ones ({{component}},
// {{impact}}, {{when}}, {{date}}, {{start_time}}, {{end_time}},
// {{organization}}), and what the norm writes as PRODEST's own (the agency,
// its WhatsApp group, its portal) is {{agency}}, {{group}}, {{portal_url}}.
// The other messages (updates, leadership's, maintenance changes) follow
// their tone. Plain text: the status page and WhatsApp show it as it is, the
// e-mail's HTML is made from it. Admins may override them like any template
// (mail/templates.hpp).
#include <map>
#include <string>
#include <vector>

namespace guiche::mail {

struct StatusMessageDefault {
  std::string title;
  std::string text;
  std::vector<std::string> placeholders;
};

const std::map<std::string, StatusMessageDefault>& status_message_defaults();

}  // namespace guiche::mail
