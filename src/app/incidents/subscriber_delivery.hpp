#pragma once
// The status page's public subscribers hear of a notice's published messages
// (docs/domain.md, "Subscribers"), in the transaction that publishes them,
// through the outbox: nothing is lost, and nothing leaves twice.
//
// Who: every confirmed subscriber of any of the notice's components, or of
// all of them, once however many of its components it chose; only for
// general incidents and maintenance (an incident scoped to one organization
// is that organization's, app/incidents/notice_delivery.hpp). An address that
// is also one of the organization contacts told by notice_delivery (the
// implicit subscribers: the managers of the organizations that use the
// components) is skipped: it has the message already.
//
// Each message carries its subscriber's one-click unsubscribe link in its
// body and in the List-Unsubscribe header (the outbox row's
// list_unsubscribe; mail/mime.cpp writes the RFC 8058 headers).
#include <string>
#include <vector>

#include "app/desk_config.hpp"
#include "domain/incidents/notice_event.hpp"
#include "domain/incidents/status_component.hpp"
#include "domain/incidents/status_notice.hpp"
#include "domain/person.hpp"
#include "store/database.hpp"

namespace guiche::app {

// The outbox rows' template_key prefix: "subscriber:<message key>".
inline constexpr const char* kSubscriberKeyPrefix = "subscriber:";

// Whether a notice's messages go to public subscribers at all.
bool reaches_public_subscribers(const StatusNotice& notice);

// The unsubscribe page of a subscriber's token.
std::string unsubscribe_url(const DeskConfig& config, const std::string& token);

void deliver_to_subscribers(store::Connection& c, const DeskConfig& config,
                            const StatusNotice& notice,
                            const std::vector<const NoticeEvent*>& messages,
                            const std::vector<Person>& contacts_told, Instant now);

}  // namespace guiche::app
