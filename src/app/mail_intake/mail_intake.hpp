#pragma once
// E-mail to the desk, through the mail gateway or the server's IMAP poller,
// and the quarantine where what cannot be handled is kept whole (the rules
// are listed at the top of mail_intake.cpp).
#include <optional>
#include <string>
#include <vector>

#include "app/actor.hpp"
#include "app/desk_context.hpp"
#include "app/intake/intake.hpp"
#include "app/ledger/ticket_ledger.hpp"
#include "domain/ticket.hpp"
#include "store/inbound_record.hpp"

namespace guiche::app {

// What the mail intake did with one message.
struct MailReceipt {
  std::int64_t inbound_id = 0;
  // ticket_created, joined, reopen_requested, ignored_automatic, quarantined,
  // or duplicate (the message was received before: the first outcome stands).
  std::string outcome;
  std::optional<std::int64_t> ticket_id;
  std::string protocol;
  std::string detail;  // pt-BR
};

class MailIntake {
 public:
  MailIntake(DeskContext& context, TicketLedger& ledger, Intake& intake)
      : ctx_(context), ledger_(ledger), intake_(intake) {}

  // One raw RFC 5322 message from the mail gateway (an attendant's token:
  // the central de serviços receives the desk's e-mail) or from the server's
  // own IMAP poller. Never throws for what the message says: what cannot be
  // handled is quarantined. Throws only for an empty or too large message
  // and for storage failures (the caller retries).
  MailReceipt receive_mail(const Actor& gateway, const std::string& raw, const std::string& source);
  MailReceipt receive_polled_mail(const std::string& raw, const std::string& source);

  // --- the quarantine (mail_intake/mail_quarantine.cpp): attendants, client
  // relations and admins work it.
  std::vector<store::QuarantineRecord> mail_quarantine(const Actor& a, const std::string& state,
                                                       std::optional<std::int64_t> before_id,
                                                       int limit);
  store::QuarantineRecord quarantined_mail(const Actor& a, std::int64_t id);
  std::string quarantined_raw(const Actor& a, std::int64_t id);
  // The kept message's readable text (control characters removed), "" when
  // it cannot be read: hostile input, for escaped display only.
  std::string quarantined_text(const Actor& a, std::int64_t id);
  // Whether `a` works the quarantine (to offer it in menus).
  bool may_work_mail_quarantine(const Actor& a) const;
  // Runs the intake again on the kept message (after a parser fix, or once
  // the sender is registered); resolved unless quarantined again.
  MailReceipt retry_quarantined(const Actor& a, std::int64_t id);
  // Registers the kept message as a request of `requester_id` for
  // `service_code`, the whole message attached; resolves the entry.
  Ticket ticket_from_quarantine(const Actor& a, std::int64_t id, std::int64_t requester_id,
                                const std::string& service_code);

 private:
  // `retry_of` re-runs a kept message.
  MailReceipt intake(const std::string& raw, const std::string& source,
                     std::optional<std::int64_t> retry_of, std::int64_t retried_by = 0);
  MailReceipt apply_mail(LedgerWrite& w, const struct MailInput& mail,
                         store::InboundRecord& inbound);

  DeskContext& ctx_;
  TicketLedger& ledger_;
  Intake& intake_;
};

}  // namespace guiche::app
