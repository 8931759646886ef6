#pragma once
// Who hears of a status notice's messages (norm NPI-007, section 5.2.2),
// enqueued in the outbox in the transaction that publishes them: the
// receipt (6.1) to the reporter alone; a planned maintenance's messages
// (6.5 and its changes) to the contacts of every client organization; an
// incident scoped to one organization (6.6) to that organization's contacts;
// a general incident to the contacts of the organizations that use its
// components (of every client organization when none is listed). Each
// leaves by the transport the person's preference picks. These contacts are
// the implicit subscribers of the components their organization uses; the
// public status page's subscribers hear too (app/incidents/subscriber_delivery.hpp),
// never twice.
#include <vector>

#include "app/notices/notices.hpp"
#include "domain/incidents/notice_event.hpp"
#include "domain/incidents/status_component.hpp"
#include "domain/incidents/status_notice.hpp"
#include "store/database.hpp"

namespace guiche::app {

void send_receipt(store::Connection& c, Notices& notices, const StatusNotice& notice,
                  const NoticeMessage& receipt, Instant now);

void deliver_published(store::Connection& c, Notices& notices, const StatusNotice& notice,
                       const std::vector<StatusComponent>& components,
                       const std::vector<NoticeEvent>& published, Instant now);

}  // namespace guiche::app
