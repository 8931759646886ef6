#pragma once
// The WhatsApp channel's way in (docs/whatsapp.md). receive() keeps a signed
// webhook body whole and splits it into one row per message and per status,
// in one transaction, before the webhook is answered: once Meta hears 200,
// nothing it sent can be lost, not even by a crash the next instant.
// A message opens the person's 24-hour customer-service window at once
// (store/whatsapp_window_rows.hpp). process_due() then works the rows, each once: a re-delivered
// webhook adds no row (the message's wamid is its key), a message whose processing fails is tried
// again later, and after the last attempt it stays 'failed' for the admin to see. A person who
// writes several quick messages is answered once, about all of them, after a pause (`gather`).
#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "app/desk_context.hpp"
#include "app/ledger/ticket_ledger.hpp"
#include "store/whatsapp_inbound_rows.hpp"

namespace guiche::app {

struct WebhookReceipt {
  std::int64_t batch_id = 0;
  int items = 0;                       // messages and statuses the body held
  int new_items = 0;                   // of them, not received before
  std::optional<std::string> problem;  // why the body could not be read (kept anyway)
};

// What becomes of a number's messages: the chatbot's conversation
// (app/whatsapp/whatsapp_conversations.hpp). Runs inside the write
// transaction that marks them processed, so both happen or neither.
class WhatsAppMessageHandler {
 public:
  virtual ~WhatsAppMessageHandler() = default;
  struct Handled {
    std::string outcome;  // pt-BR, for the admin and the ticket's page
    std::optional<std::int64_t> ticket_id;
  };
  // Before the transaction, what needs the network (the files the messages
  // carry); throwing leaves the messages pending for a later attempt.
  virtual void prepare(const std::string& wa_id,
                       const std::vector<store::WhatsAppInboundItem>& messages) {
    (void)wa_id;
    (void)messages;
  }
  // One Handled per message, in the order given (one number's, oldest first).
  virtual std::vector<Handled> handle(LedgerWrite& w, const std::string& wa_id,
                                      const std::vector<store::WhatsAppInboundItem>& messages) = 0;
};

struct WhatsAppInboxConfig {
  std::chrono::milliseconds gather{3000};
  std::chrono::milliseconds retry_base{30'000};
  std::chrono::milliseconds retry_cap{30 * 60'000};
  int max_attempts = 8;
  int batch = 50;
};

class WhatsAppInbox {
 public:
  WhatsAppInbox(DeskContext& context, TicketLedger& ledger, WhatsAppInboxConfig config = {})
      : ctx_(context), ledger_(ledger), config_(config) {}

  // The handler messages are given to; none: they wait (statuses do not:
  // each is recorded on the message it is about, store/whatsapp_message_rows.hpp).
  void set_handler(WhatsAppMessageHandler* handler) { handler_ = handler; }
  // Called after each receive() that added rows (the worker wakes at once).
  void on_new_items(std::function<void()> nudge) { nudge_ = std::move(nudge); }

  WebhookReceipt receive(const std::string& body);
  // One round: the due statuses, then the numbers whose messages are ready.
  // Returns how many rows it worked on (succeeded or not).
  int process_due();

 private:
  int process_statuses(Instant now);
  int process_number(const std::string& wa_id, Instant now);
  void failed_attempt(const std::vector<store::WhatsAppInboundItem>& items,
                      const std::string& error, Instant now);

  DeskContext& ctx_;
  TicketLedger& ledger_;
  WhatsAppInboxConfig config_;
  WhatsAppMessageHandler* handler_ = nullptr;
  std::function<void()> nudge_;
};

}  // namespace guiche::app
