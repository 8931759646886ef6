#pragma once
// What a change's notices and webhook deliveries read besides the ticket (the
// active webhook subscriptions, the service's name, the requester told, the
// stored text of a notice's template), read beforehand in the request's own
// read transaction, so that the serial write does not read them: SQLite has
// one writer, and each read is a round trip in PostgreSQL's write group. A
// subscription or a template changed between that read and the write is as
// if the change had come a moment earlier, the rule the registration's draft
// already follows (app/intake/intake.cpp). What is not here is read in the
// write, as before.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/person.hpp"
#include "store/database.hpp"
#include "store/outbox_rows.hpp"
#include "store/webhook_rows.hpp"

namespace guiche::app {

struct WriteLookups {
  std::optional<std::vector<store::WebhookSubscription>> webhooks;
  std::optional<std::string> service_name;
  std::optional<Person> requester;
  // By template key: the stored text, or nullopt where the default applies.
  std::map<std::string, std::optional<store::StoredTemplate>> templates;
};

}  // namespace guiche::app
