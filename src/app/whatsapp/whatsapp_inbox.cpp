#include "app/whatsapp/whatsapp_inbox.hpp"

#include <algorithm>

#include "app/whatsapp/cloud_webhook_payload.hpp"
#include "domain/error.hpp"
#include "store/outbox_rows.hpp"
#include "store/whatsapp_message_rows.hpp"
#include "store/whatsapp_payload.hpp"
#include "store/whatsapp_window_rows.hpp"

namespace guiche::app {
namespace {

std::chrono::milliseconds retry_delay(const WhatsAppInboxConfig& config, int attempts) {
  auto delay = config.retry_base;
  for (int i = 1; i < attempts && delay < config.retry_cap; ++i) delay *= 2;
  return std::min(delay, config.retry_cap);
}

// WhatsApp's "window closed" (the Cloud API's error codes;
// transports/whatsapp/whatsapp_transport.cpp).
constexpr int kWindowClosed = 131047;

// A free-form message WhatsApp refused after accepting it, because it counts the person's
// 24-hour window closed: its outbox row goes again, as the approved template it carries.
bool resend_as_template(store::Connection& c, const std::string& wamid, Instant now) {
  const auto sent = store::load_whatsapp_message(c, wamid);
  if (!sent || sent->kind != "free_form" || !sent->outbox_id) return false;
  const auto row = store::load_message(c, *sent->outbox_id);
  if (!row || !row->payload) return false;
  auto payload = store::parse_payload(*row->payload);
  if (!payload.template_call || payload.template_only) return false;
  payload.template_only = true;
  return store::resend_message(c, row->id, store::to_payload_json(payload), now);
}

}  // namespace

WebhookReceipt WhatsAppInbox::receive(const std::string& body) {
  const Instant now = ctx_.now();
  WebhookReceipt receipt;
  CloudWebhookBatch batch;
  try {
    batch = parse_cloud_webhook(body, ctx_.config.whatsapp.phone_number_id);
  } catch (const DomainError& e) {
    // Signed by Meta but unreadable: kept apart with its reason, never dropped.
    receipt.problem = e.what();
  }
  receipt.items = static_cast<int>(batch.items.size());
  ctx_.db.write([&](store::Connection& c) {
    receipt.batch_id = store::insert_whatsapp_batch(c, now, body, receipt.items, receipt.problem);
    receipt.new_items = 0;
    for (const auto& item : batch.items) {
      store::WhatsAppInboundItem row;
      row.dedup_key = item.dedup_key();
      row.kind = item.kind;
      row.batch_id = receipt.batch_id;
      row.wa_id = item.wa_id;
      row.item = item.object.dump();
      row.sent_at = item.sent_at;
      row.received_at = now;
      row.next_attempt_at = now;
      if (!store::insert_whatsapp_item(c, row)) continue;
      ++receipt.new_items;
      if (item.kind == "message") store::touch_whatsapp_window(c, item.wa_id, item.sent_at);
    }
  });
  if (receipt.new_items > 0 && nudge_) nudge_();
  return receipt;
}

int WhatsAppInbox::process_due() {
  const Instant now = ctx_.now();
  int worked = process_statuses(now);
  if (!handler_) return worked;
  std::vector<std::string> numbers;
  ctx_.db.read([&](store::Connection& c) {
    numbers = store::numbers_ready(c, now, now - config_.gather, config_.batch);
  });
  for (const auto& wa_id : numbers) worked += process_number(wa_id, now);
  return worked;
}

int WhatsAppInbox::process_statuses(Instant now) {
  std::vector<store::WhatsAppInboundItem> statuses;
  ctx_.db.read(
      [&](store::Connection& c) { statuses = store::due_statuses(c, now, config_.batch); });
  for (const auto& status : statuses) {
    try {
      ctx_.db.write([&](store::Connection& c) {
        const auto item = nlohmann::json::parse(status.item);
        std::optional<int> error_code;
        std::string error_title;
        if (item.contains("errors") && item["errors"].is_array() && !item["errors"].empty()) {
          const auto& error = item["errors"][0];
          if (error.contains("code") && error["code"].is_number_integer()) {
            error_code = error["code"].get<int>();
          }
          error_title = error.value("title", error.value("message", ""));
        }
        const auto status_name = item.value("status", "");
        const auto wamid = item.value("id", "");
        const bool known = store::record_whatsapp_status(c, wamid, status_name, status.sent_at,
                                                         error_code, error_title);
        std::string outcome =
            known ? "situação registrada: " + status_name : "situação desconhecida";
        if (status_name == "failed" && error_code == kWindowClosed &&
            resend_as_template(c, wamid, now)) {
          outcome += "; reenviada como modelo aprovado";
        }
        store::mark_whatsapp_item_done(c, status.id, outcome, std::nullopt, now);
      });
    } catch (const std::exception& e) {
      failed_attempt({status}, e.what(), now);
    }
  }
  return static_cast<int>(statuses.size());
}

int WhatsAppInbox::process_number(const std::string& wa_id, Instant now) {
  std::vector<store::WhatsAppInboundItem> messages;
  try {
    ctx_.db.read([&](store::Connection& c) { messages = store::pending_messages_of(c, wa_id); });
    handler_->prepare(wa_id, messages);
    ledger_.write([&](LedgerWrite& w) {
      auto& c = w.connection();
      // Read again inside the transaction: another node may have taken them.
      messages = store::pending_messages_of(c, wa_id);
      if (messages.empty()) return;
      const auto handled = handler_->handle(w, wa_id, messages);
      for (std::size_t i = 0; i < messages.size(); ++i) {
        const auto& h = i < handled.size() ? handled[i] : WhatsAppMessageHandler::Handled{};
        store::mark_whatsapp_item_done(c, messages[i].id, h.outcome, h.ticket_id, now);
      }
    });
  } catch (const std::exception& e) {
    if (messages.empty()) {
      ctx_.db.read([&](store::Connection& c) { messages = store::pending_messages_of(c, wa_id); });
    }
    failed_attempt(messages, e.what(), now);
  }
  return static_cast<int>(messages.size());
}

void WhatsAppInbox::failed_attempt(const std::vector<store::WhatsAppInboundItem>& items,
                                   const std::string& error, Instant now) {
  ctx_.db.write([&](store::Connection& c) {
    for (const auto& item : items) {
      const int attempts = item.attempts + 1;
      std::optional<Instant> retry_at;
      if (attempts < config_.max_attempts) retry_at = now + retry_delay(config_, attempts);
      store::mark_whatsapp_item_failed_attempt(c, item.id, error, retry_at);
    }
  });
}

}  // namespace guiche::app
