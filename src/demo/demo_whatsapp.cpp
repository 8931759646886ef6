// The WhatsApp side of the demo's tickets that came by WhatsApp, so the
// agent's ticket page shows a conversation (app/tickets/ticket_whatsapp.hpp):
// the person's first message, the receipt, and each public reply of an agent
// as it went out, with the statuses the Cloud API would have reported. The
// demo desk runs no WhatsApp channel: nothing is sent.
#include <nlohmann/json.hpp>

#include "demo/demo_internal.hpp"
#include "store/outbox_rows.hpp"
#include "store/ticket_rows.hpp"
#include "store/whatsapp_inbound_rows.hpp"
#include "store/whatsapp_message_rows.hpp"

namespace guiche::demo {
namespace {

using std::chrono::minutes;
using std::chrono::seconds;

void sent(store::Connection& c, const Ticket& t, const std::string& key, const std::string& text,
          Instant at, const std::string& wamid, const std::string& status) {
  store::OutboxMessage m;
  m.channel = "whatsapp";
  m.template_key = key;
  m.ticket_id = t.id;
  m.recipient_id = t.requester_id;
  m.recipient_name = "demo";
  m.recipient_address = "+5527999990000";
  m.text_body = text;
  m.next_attempt_at = at;
  m.created_at = at;
  m = store::enqueue_message(c, m, "guiche.localhost");
  store::mark_sent(c, m.id, at + seconds{2});
  store::WhatsAppMessage w;
  w.wamid = wamid;
  w.outbox_id = m.id;
  w.ticket_id = t.id;
  w.wa_id = "5527999990000";
  w.kind = "free_form";
  w.created_at = at + seconds{2};
  store::record_whatsapp_sent(c, w);
  store::record_whatsapp_status(c, wamid, status, at + minutes{1}, std::nullopt, "");
}

}  // namespace

void add_whatsapp_conversations(World& w) {
  w.desk.database().write([&](store::Connection& c) {
    for (auto id : w.ticket_ids) {
      const auto t = store::load_ticket(c, id);
      if (!t || t->channel != Channel::whatsapp) continue;
      const std::string wamid = "wamid.demo." + std::to_string(id);
      store::WhatsAppInboundItem in;
      in.dedup_key = "message:" + wamid + ".in";
      in.kind = "message";
      in.batch_id = store::insert_whatsapp_batch(c, t->created_at, "{}", 1, std::nullopt);
      in.wa_id = "5527999990000";
      in.item = nlohmann::json{{"from", in.wa_id},
                               {"id", wamid + ".in"},
                               {"type", "text"},
                               {"text", {{"body", t->description}}}}
                    .dump();
      in.sent_at = in.received_at = in.next_attempt_at = t->created_at - seconds{30};
      store::insert_whatsapp_item(c, in);
      store::mark_whatsapp_item_done(c, store::load_whatsapp_item(c, in.dedup_key)->id,
                                     "registrada", id, t->created_at);
      sent(c, *t, "registration", "Sua solicitação foi registrada.\nProtocolo: " + t->protocol,
           t->created_at, wamid + ".receipt", "read");
      int n = 0;
      for (const auto& e : store::load_events(c, id)) {
        if (e.kind != EventKind::public_reply || !e.data.value("from_agent", false)) continue;
        sent(c, *t, "agent_reply",
             "Nova mensagem na SA " + t->protocol + ":\n\n" + e.data.value("text", std::string()),
             e.at, wamid + ".reply" + std::to_string(++n), "delivered");
      }
    }
  });
}

}  // namespace guiche::demo
