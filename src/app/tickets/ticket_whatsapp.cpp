// TicketReads::whatsapp_conversation: a ticket's WhatsApp conversation and
// the requester's 24-hour window, for staff who may see the ticket.
#include "app/tickets/ticket_whatsapp.hpp"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <variant>

#include "app/access_policy.hpp"
#include "app/notices/notice_route.hpp"
#include "app/tickets/ticket_reads.hpp"
#include "domain/chatbot/cloud_inbound.hpp"
#include "domain/error.hpp"
#include "domain/whatsapp/whatsapp_number.hpp"
#include "store/person_rows.hpp"
#include "store/ticket_rows.hpp"
#include "store/whatsapp_payload.hpp"
#include "store/whatsapp_ticket_rows.hpp"
#include "store/whatsapp_window_rows.hpp"

namespace guiche::app {
namespace {

// The newest messages a ticket's page shows.
constexpr int kConversationLimit = 200;

// What the person wrote, as the chatbot reads it (domain/chatbot/cloud_inbound.hpp).
void read_inbound(const std::string& item, WhatsAppLine& line) {
  const auto input =
      chatbot::bot_input_of_cloud_message(nlohmann::json::parse(item, nullptr, false));
  if (const auto* t = std::get_if<chatbot::TextIn>(&input)) {
    line.text = t->text;
  } else if (const auto* choice = std::get_if<chatbot::ChoiceIn>(&input)) {
    line.text = choice->title.empty() ? choice->id : choice->title;
  } else if (const auto* media = std::get_if<chatbot::MediaIn>(&input)) {
    line.text = media->caption;
    line.attachments.push_back({media->filename.empty() ? "image" : "document", media->filename});
  } else if (const auto* other = std::get_if<chatbot::UnsupportedIn>(&input)) {
    line.other_type = other->type;
  }
}

std::string delivery_error(const store::WhatsAppMessage& d) {
  std::string reason = d.error_title.value_or("");
  if (d.error_code) {
    reason +=
        (reason.empty() ? "" : " ") + std::string("(código ") + std::to_string(*d.error_code) + ")";
  }
  return reason;
}

// Where a row of ours stands: the outbox row until the Cloud API accepted
// it, then the furthest status its webhooks reported.
void read_outbound(const store::WhatsAppTicketMessage& m, WhatsAppLine& line) {
  line.text = m.text_body;
  if (m.payload) {
    try {
      const auto p = store::parse_payload(*m.payload);
      const auto type = p.message ? p.message->value("type", std::string()) : std::string();
      if ((type == "document" || type == "image") && p.message->contains(type)) {
        line.attachments.push_back({type, (*p.message)[type].value("filename", std::string())});
      }
    } catch (const std::exception&) {
      // The transport gives such a row up with its own reason; the text says enough here.
    }
  }
  if (m.delivery) {
    const auto& d = *m.delivery;
    line.as_template = d.kind == "template";
    line.state = d.status == "accepted" ? "sent" : d.status;
    if (d.status == "failed") line.reason = delivery_error(d);
    return;
  }
  if (m.outbox_status == "failed") {
    line.state = "failed";
  } else if (m.outbox_status == "sent") {
    line.state = "sent";
  } else {
    line.state = "queued";
  }
  if (line.state != "sent") line.reason = m.outbox_error.value_or("");
}

bool carries_agent_action(const store::WhatsAppTicketMessage& m) {
  return m.template_key == "agent_reply" || m.template_key == "information_request" ||
         m.template_key == "resolution";
}

// The agent whose action this notice carries: a reply or question (a public
// reply event) or a resolution, written in the same transaction and so at
// the same instant. The chatbot's messages and automatic notices have none.
std::optional<std::int64_t> author_of(const store::WhatsAppTicketMessage& m,
                                      const std::vector<TicketEvent>& events,
                                      std::int64_t requester_id) {
  std::optional<EventKind> kind;
  if (m.template_key == "agent_reply" || m.template_key == "information_request") {
    kind = EventKind::public_reply;
  } else if (m.template_key == "resolution") {
    kind = EventKind::resolved;
  }
  if (!kind) return std::nullopt;
  for (const auto& e : events) {
    if (e.kind == *kind && e.at == m.at && e.actor_id && *e.actor_id != requester_id) {
      return e.actor_id;
    }
  }
  return std::nullopt;
}

}  // namespace

TicketWhatsApp TicketReads::whatsapp_conversation(const Actor& a, std::int64_t ticket_id) {
  require_active(a);
  const Instant now = ctx_.now();
  std::optional<Ticket> t;
  std::optional<Person> requester;
  std::vector<store::WhatsAppTicketMessage> rows;
  std::vector<TicketEvent> events;
  std::map<std::int64_t, std::string> names;
  std::optional<Instant> last_inbound;
  ctx_.db.read([&](store::Connection& c) {
    t = ctx_.visible_ticket(c, a, ticket_id);
    if (!t || !is_staff(a.person)) return;
    requester = store::load_person(c, t->requester_id);
    store::WhatsAppTicketQuery q;
    q.ticket_id = ticket_id;
    q.requester_id = t->requester_id;
    if (requester && requester->phone) q.numbers = whatsapp_number_forms(*requester->phone);
    q.since = t->created_at;
    q.limit = kConversationLimit;
    rows = store::whatsapp_ticket_conversation(c, q);
    // The person's messages not yet attached anywhere belong on a WhatsApp
    // ticket of theirs, not on every ticket they registered by other means.
    const bool whatsapp_ticket =
        t->channel == Channel::whatsapp || std::any_of(rows.begin(), rows.end(), [](const auto& m) {
          return !m.inbound || m.state == "done";
        });
    if (!whatsapp_ticket) rows.clear();
    if (requester && requester->phone) {
      last_inbound = store::whatsapp_last_inbound(c, *requester->phone);
    }
    if (std::none_of(rows.begin(), rows.end(), carries_agent_action)) return;
    events = store::load_events(c, ticket_id);
    for (const auto& m : rows) {
      if (m.inbound) continue;
      if (auto id = author_of(m, events, t->requester_id); id && !names.count(*id)) {
        const auto p = store::load_person(c, *id);
        names[*id] = p ? p->name : "";
      }
    }
  });
  if (!t) throw not_found("Chamado não encontrado.");
  if (!is_staff(a.person)) {
    throw forbidden("Só a equipe de atendimento vê a conversa no WhatsApp do chamado.");
  }

  TicketWhatsApp out;
  out.shown = t->channel == Channel::whatsapp || !rows.empty();
  const bool has_number =
      requester && requester->phone && whatsapp_digits(*requester->phone).has_value();
  if (!ctx_.config.whatsapp.enabled()) {
    out.window = WhatsAppWindowState::channel_off;
  } else if (!has_number) {
    out.window = WhatsAppWindowState::no_phone;
  } else if (last_inbound && now < *last_inbound + store::kWhatsAppWindow) {
    out.window = WhatsAppWindowState::open;
    out.window_until = *last_inbound + store::kWhatsAppWindow;
  } else {
    out.window = WhatsAppWindowState::closed;
  }
  if (requester) {
    const auto route = notice_route(*requester, t->channel, ctx_.config.notice_channels);
    out.replies_by_whatsapp = route && route->channel == "whatsapp";
  }
  for (const auto& m : rows) {
    WhatsAppLine line;
    line.at = m.at;
    line.from_requester = m.inbound;
    if (m.inbound) {
      read_inbound(m.item, line);
      line.state = m.state == "done" ? "received" : m.state == "failed" ? "failed" : "waiting";
      if (m.state == "failed") line.reason = m.last_error.value_or("");
    } else {
      read_outbound(m, line);
      if (auto id = author_of(m, events, t->requester_id)) line.author = names[*id];
    }
    out.messages.push_back(std::move(line));
  }
  return out;
}

}  // namespace guiche::app
