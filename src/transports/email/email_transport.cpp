#include "transports/email/email_transport.hpp"

#include "mail/attachment_payload.hpp"

namespace guiche::transports {

std::string compose_email(const store::OutboxMessage& m, const mail::Address& from) {
  mail::Message message;
  message.from = from;
  message.to = {m.recipient_name, m.recipient_address};
  message.subject = m.subject;
  message.text = m.text_body;
  message.html = m.html_body;
  message.message_id = m.message_id;
  message.date = m.created_at;
  message.list_unsubscribe = m.list_unsubscribe.value_or("");
  if (m.payload) message.attachments = mail::attachments_from_payload(*m.payload);
  return mail::compose(message);
}

EmailTransport::EmailTransport(mail::SmtpConfig smtp, mail::Address from)
    : from_(std::move(from)), sender_(std::move(smtp)) {}

SendOutcome EmailTransport::send(const store::OutboxMessage& m) {
  try {
    sender_.send(from_.email, {m.recipient_address}, compose_email(m, from_));
    return SendOutcome::sent();
  } catch (const mail::SmtpError& e) {
    return SendOutcome::retry(e.what());
  }
}

}  // namespace guiche::transports
