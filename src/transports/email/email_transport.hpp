#pragma once
// The e-mail transport: outbox rows of channel 'email' composed as MIME
// messages (mail/mime.hpp) and sent over SMTP (mail/smtp.hpp), one
// connection kept open across a worker's messages.
#include "mail/mime.hpp"
#include "mail/smtp.hpp"
#include "transports/transport.hpp"

namespace guiche::transports {

// The message exactly as it goes over the wire.
std::string compose_email(const store::OutboxMessage& m, const mail::Address& from);

class EmailTransport final : public NoticeTransport {
 public:
  EmailTransport(mail::SmtpConfig smtp, mail::Address from);
  std::string_view channel() const override { return "email"; }
  // Any SMTP failure is retried with backoff (the worker gives up after the
  // last attempt): a refused recipient today may be a full mailbox.
  SendOutcome send(const store::OutboxMessage& m) override;

 private:
  mail::Address from_;
  mail::SmtpSender sender_;
};

}  // namespace guiche::transports
