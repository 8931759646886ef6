#include "app/incidents/notice_delivery.hpp"

#include <algorithm>
#include <set>

#include "app/incidents/notice_messages.hpp"
#include "app/incidents/subscriber_delivery.hpp"
#include "store/organization_rows.hpp"
#include "store/person_rows.hpp"

namespace guiche::app {
namespace {

std::vector<std::int64_t> client_organizations(store::Connection& c) {
  std::vector<std::int64_t> ids;
  for (const auto& o : store::load_organizations(c)) {
    if (o.is_client) ids.push_back(o.id);
  }
  return ids;
}

std::vector<std::int64_t> concerned_organizations(store::Connection& c, const StatusNotice& n,
                                                  const std::vector<StatusComponent>& components) {
  if (n.kind == NoticeKind::maintenance) return client_organizations(c);
  if (n.organization_id) return {*n.organization_id};
  std::set<std::int64_t> ids;
  for (const auto& component : components) {
    ids.insert(component.organization_ids.begin(), component.organization_ids.end());
  }
  if (ids.empty()) return client_organizations(c);
  return {ids.begin(), ids.end()};
}

}  // namespace

void send_receipt(store::Connection& c, Notices& notices, const StatusNotice& notice,
                  const NoticeMessage& receipt, Instant now) {
  if (!notice.reported_by) return;
  if (auto reporter = store::load_person(c, *notice.reported_by)) {
    notices.enqueue_written(c, receipt.key, *reporter, receipt.title, receipt.text,
                            message_html(receipt), now);
  }
}

void deliver_published(store::Connection& c, Notices& notices, const StatusNotice& notice,
                       const std::vector<StatusComponent>& components,
                       const std::vector<NoticeEvent>& published, Instant now) {
  std::vector<const NoticeEvent*> messages;
  for (const auto& e : published) {
    if (e.message) messages.push_back(&e);
  }
  if (messages.empty()) return;
  const auto people =
      store::organization_managers(c, concerned_organizations(c, notice, components));
  for (const auto* e : messages) {
    for (const auto& person : people) {
      notices.enqueue_written(c, e->message->key, person, e->message->title, e->message->text,
                              message_html(*e->message), now);
    }
  }
  // The public subscribers, skipping the contacts just told.
  deliver_to_subscribers(c, notices.config(), notice, messages, people, now);
}

}  // namespace guiche::app
