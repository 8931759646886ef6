#include "app/incidents/subscriber_delivery.hpp"

#include <set>

#include "app/incidents/notice_messages.hpp"
#include "mail/mime.hpp"
#include "store/outbox_rows.hpp"
#include "store/status_subscriber_rows.hpp"
#include "support/markup_escape.hpp"

namespace guiche::app {

bool reaches_public_subscribers(const StatusNotice& notice) {
  return notice.kind == NoticeKind::maintenance || !notice.organization_id;
}

std::string unsubscribe_url(const DeskConfig& config, const std::string& token) {
  return config.public_url + "/status/assinatura/cancelar?token=" + token;
}

void deliver_to_subscribers(store::Connection& c, const DeskConfig& config,
                            const StatusNotice& notice,
                            const std::vector<const NoticeEvent*>& messages,
                            const std::vector<Person>& contacts_told, Instant now) {
  if (messages.empty() || !reaches_public_subscribers(notice)) return;
  std::set<std::string> told;
  for (const auto& person : contacts_told) told.insert(person.emails.begin(), person.emails.end());
  const auto subscribers = store::confirmed_subscribers_of(c, notice.component_ids);
  const std::string notice_url =
      config.public_url + "/status/comunicados/" + std::to_string(notice.id);
  const std::string domain = mail::domain_of(config.mail_from_address);
  for (const auto* e : messages) {
    const auto html = message_html(*e->message);
    for (const auto& s : subscribers) {
      if (told.contains(s.address)) continue;  // a contact: told already (emails are lower-cased)
      const auto leave = unsubscribe_url(config, s.unsubscribe_token);
      store::OutboxMessage m;
      m.template_key = kSubscriberKeyPrefix + e->message->key;
      m.recipient_address = s.address;
      m.subject = e->message->title;
      m.text_body = e->message->text + "\n\n--\nAcompanhe em " + notice_url +
                    "\nVocê recebe este aviso porque assinou a página de situação dos serviços "
                    "de " +
                    config.agency_name + ". Para cancelar a assinatura: " + leave + "\n";
      m.html_body = html + "<hr><p><small><a href=\"" + escape_markup(notice_url) +
                    "\">Acompanhe na página de situação</a>. Você recebe este aviso porque "
                    "assinou a página de situação dos serviços de " +
                    escape_markup(config.agency_name) + ". <a href=\"" + escape_markup(leave) +
                    "\">Cancelar a assinatura</a>.</small></p>";
      m.list_unsubscribe = leave;
      m.next_attempt_at = now;
      m.created_at = now;
      store::add_message(c, m, domain);
    }
  }
}

}  // namespace guiche::app
