// See notices.hpp for who hears of what.
#include <date/tz.h>

#include "app/notices/notice_route.hpp"
#include "app/notices/notices.hpp"
#include "app/notices/whatsapp_notice.hpp"
#include "mail/attachment_payload.hpp"
#include "mail/mime.hpp"
#include "mail/templates.hpp"
#include "sla/policy.hpp"
#include "store/outbox_rows.hpp"
#include "store/person_rows.hpp"
#include "store/service_rows.hpp"
#include "store/unit_rows.hpp"

namespace guiche::app {
namespace {

std::string minutes_text(std::int64_t minutes) {
  if (minutes < 60) return std::to_string(minutes) + " min";
  const auto h = minutes / 60, m = minutes % 60;
  std::string text = std::to_string(h) + " h";
  if (m) text.append(" ").append(std::to_string(m)).append(" min");
  return text;
}

std::string target_label(const std::string& code) {
  auto target = sla::parse_target(code);
  return target ? sla::target_label_pt(*target) : code;
}

// The template's list of files not accepted ({{#not_accepted}}{{file}}...),
// from "name (reason)" lines; false (an empty section) when there are none.
nlohmann::json not_accepted_list(const nlohmann::json& lines) {
  if (!lines.is_array() || lines.empty()) return false;
  nlohmann::json list = nlohmann::json::array();
  for (const auto& line : lines) {
    if (line.is_string()) list.push_back({{"file", line.get<std::string>()}});
  }
  return list;
}

}  // namespace

std::optional<store::StoredTemplate> Notices::stored_template(store::Connection& c,
                                                              const std::string& key) {
  const mail::Template tmpl = mail::default_template(key).value();
  return store::load_template(c, key, tmpl.channel, tmpl.locale);
}

void Notices::enqueue(store::Connection& c, const std::string& key, const Person& to,
                      std::optional<std::int64_t> ticket_id, nlohmann::json values, Instant now,
                      std::optional<Channel> came_by, const WriteLookups* lookups) {
  if (!notice_route(to, came_by, ctx_.config.notice_channels)) return;
  mail::Template tmpl = mail::default_template(key).value();
  auto admins_text = [&]() {
    if (lookups) {
      if (auto it = lookups->templates.find(key); it != lookups->templates.end()) return it->second;
    }
    return stored_template(c, key);
  };
  if (auto stored = admins_text()) {
    tmpl.subject = stored->subject;
    tmpl.text = stored->text_body;
    tmpl.html = stored->html_body;
  }
  values["name"] = to.name;
  const mail::Rendered r = mail::render(tmpl, values);
  // Replies are matched to their SA by this tag, whatever an admin's template says.
  std::string subject = r.subject;
  if (values.contains("protocol")) {
    subject = "[SA " + values["protocol"].get<std::string>() + "] " + r.subject;
  }
  write(c, key, to, ticket_id, subject, r.text, r.html, now, came_by, values);
}

void Notices::enqueue_written(store::Connection& c, const std::string& key, const Person& to,
                              const std::string& subject, const std::string& text,
                              const std::string& html, Instant now,
                              std::optional<Channel> came_by) {
  write(c, key, to, std::nullopt, subject, text, html, now, came_by,
        nlohmann::json{{"name", to.name}});
}

bool Notices::enqueue_email_with_files(store::Connection& c, const std::string& key,
                                       const Person& to, const std::string& subject,
                                       const std::string& text, const std::string& html,
                                       const std::vector<mail::Attachment>& files, Instant now) {
  if (!to.active || to.emails.empty()) return false;
  store::OutboxMessage m;
  m.template_key = key;
  m.recipient_id = to.id;
  m.recipient_name = to.name;
  m.channel = "email";
  m.recipient_address = to.emails.front();
  m.subject = subject;
  m.text_body = text;
  m.html_body = html;
  m.next_attempt_at = now;
  m.created_at = now;
  if (!files.empty()) m.payload = mail::attachments_payload(files);
  store::add_message(c, m, mail::domain_of(ctx_.config.mail_from_address));
  return true;
}

void Notices::write(store::Connection& c, const std::string& key, const Person& to,
                    std::optional<std::int64_t> ticket_id, const std::string& subject,
                    const std::string& text, const std::string& html, Instant now,
                    std::optional<Channel> came_by, const nlohmann::json& values,
                    const std::optional<store::WhatsAppFile>& file) {
  const auto route = notice_route(to, came_by, ctx_.config.notice_channels);
  if (!route) return;
  store::OutboxMessage m;
  m.template_key = key;
  m.ticket_id = ticket_id;
  // A manifestação's author may be no one the desk knows (id 0).
  m.recipient_id = to.id > 0 ? std::optional<std::int64_t>(to.id) : std::nullopt;
  m.recipient_name = to.name;
  m.channel = route->channel;
  m.recipient_address = route->address;
  m.subject = subject;
  m.text_body = text;
  m.html_body = html;
  m.next_attempt_at = now;
  m.created_at = now;
  if (route->channel == "whatsapp") {
    auto wa = whatsapp_notice(key, values, ticket_id, text, ctx_.config.whatsapp.templates);
    wa.payload.file = file;
    m.text_body = std::move(wa.text);
    m.html_body.clear();
    m.payload = store::to_payload_json(wa.payload);
  }
  store::add_message(c, m, mail::domain_of(ctx_.config.mail_from_address));
}

void Notices::notify(store::Connection& c, const Ticket& ticket,
                     const std::vector<TicketEvent>& events, const Actor& a, Instant now,
                     const WriteLookups* lookups) {
  auto format_instant = [&](Instant t) {
    return date::format(
        "%d/%m/%Y às %H:%M",
        date::make_zoned(ctx_.config.time_zone, std::chrono::floor<std::chrono::minutes>(t)));
  };
  const std::string ticket_url = request_url(ticket.protocol);
  nlohmann::json base{{"protocol", ticket.protocol},
                      {"subject", ticket.subject},
                      {"ticket_url", ticket_url},
                      {"service", ""}};
  if (lookups && lookups->service_name) {
    base["service"] = *lookups->service_name;
  } else if (auto service = store::load_service(c, ticket.service_id)) {
    base["service"] = service->name;
  }
  std::optional<Person> requester_row;
  auto requester = [&]() -> const std::optional<Person>& {
    // Who acts on their own request was loaded a moment ago, with their
    // e-mails, to authorize the action: not read again inside the write.
    if (!requester_row && a.id() != 0 && a.id() == ticket.requester_id) requester_row = a.person;
    if (!requester_row && lookups && lookups->requester &&
        lookups->requester->id == ticket.requester_id) {
      requester_row = lookups->requester;
    }
    if (!requester_row) requester_row = store::load_person(c, ticket.requester_id);
    return requester_row;
  };
  auto tell = [&](const std::string& key, std::int64_t person_id, nlohmann::json values) {
    if (person_id == a.id()) return;  // nobody hears of their own action
    std::optional<Person> to =
        person_id == ticket.requester_id ? requester() : store::load_person(c, person_id);
    if (!to) return;
    nlohmann::json merged = base;
    merged.update(values);
    enqueue(c, key, *to, ticket.id, std::move(merged), now, ticket.channel);
  };
  auto tell_unit = [&](const std::string& key, nlohmann::json values) {
    if (!ticket.unit_id) return;
    for (const auto& u : store::load_units(c)) {
      if (u.id == *ticket.unit_id) values["unit"] = u.code + " – " + u.name;
    }
    for (auto id : store::unit_notice_recipients(c, *ticket.unit_id)) tell(key, id, values);
  };

  bool told_held = false;
  for (const auto& e : events) {
    switch (e.kind) {
      case EventKind::created: {
        nlohmann::json values{{"is_project", category_is_project(ticket.category)},
                              {"estimated_deadline", ""},
                              {"not_accepted", not_accepted_list(e.data.value("files_not_accepted",
                                                                              nlohmann::json()))}};
        values["some_not_accepted"] = values["not_accepted"].is_array();
        if (ticket.estimated_deadline)
          values["estimated_deadline"] = format_instant(*ticket.estimated_deadline);
        // The receipt: also when the requester registered it (see above), except to whom
        // the WhatsApp chatbot already gave the protocol in the conversation
        // (app/whatsapp/whatsapp_conversations.hpp).
        if (auto to = requester()) {
          const auto route = notice_route(*to, ticket.channel, ctx_.config.notice_channels);
          if (ticket.channel == Channel::whatsapp && a.id() == to->id && route &&
              route->channel == "whatsapp") {
            break;
          }
          nlohmann::json merged = base;
          merged.update(values);
          enqueue(c, "registration", *to, ticket.id, std::move(merged), now, ticket.channel,
                  lookups);
        }
        break;
      }
      case EventKind::attachment_added: {
        // On WhatsApp an agent's public file goes to the requester as itself (e-mail
        // readers find it on the portal, with the reply that mentions it).
        if (!e.is_public || a.id() == ticket.requester_id) break;
        const auto& to = requester();
        if (!to) break;
        const auto route = notice_route(*to, ticket.channel, ctx_.config.notice_channels);
        if (!route || route->channel != "whatsapp") break;
        nlohmann::json values = base;
        values["name"] = to->name;
        const std::string filename = e.data.value("filename", "");
        write(c, "attachment", *to, ticket.id, "[SA " + ticket.protocol + "] " + filename,
              "Enviamos o arquivo " + filename + " na SA " + ticket.protocol + ". Veja em " +
                  ticket_url,
              "", now, ticket.channel, values,
              store::WhatsAppFile{e.data.value("sha256", ""), filename,
                                  e.data.value("content_type", "")});
        break;
      }
      case EventKind::attachment_held: {
        // The requester's own files that came by e-mail, which has no other
        // receipt: one notice for the files of the message. A message that
        // registered the ticket named them in the registration receipt.
        if (a.channel != Channel::email || a.id() != ticket.requester_id || told_held) break;
        told_held = true;
        nlohmann::json files = nlohmann::json::array();
        for (const auto& held : events) {
          if (held.kind != EventKind::attachment_held) continue;
          if (held.data.value("in_registration_receipt", false)) continue;
          files.push_back(held.data.value("filename", "") + " (" + held.data.value("reason", "") +
                          ")");
        }
        if (files.empty()) break;
        if (auto to = requester()) {
          nlohmann::json merged = base;
          merged["not_accepted"] = not_accepted_list(files);
          enqueue(c, "attachments_not_accepted", *to, ticket.id, std::move(merged), now,
                  ticket.channel);
        }
        break;
      }
      case EventKind::public_reply:
        if (!e.data.value("from_agent", false)) break;
        tell(e.data.value("status", "") == "pending_requester" ? "information_request"
                                                               : "agent_reply",
             ticket.requester_id, {{"text", e.data.value("text", "")}, {"agent", a.person.name}});
        break;
      case EventKind::resolved:
        tell("resolution", ticket.requester_id,
             {{"resolution", e.data.value("resolution", "")},
              {"time_spent", minutes_text(ticket.time_spent_minutes)},
              {"evaluate_url", ticket_url + "#avaliar"},
              {"reopen_url", ticket_url + "#reabrir"},
              {"reopen_until", format_instant(now + ctx_.config.reopen_window)}});
        break;
      case EventKind::closed:
        tell("closing", ticket.requester_id, nlohmann::json::object());
        break;
      case EventKind::reopened: {
        nlohmann::json values{{"reason", e.data.value("reason", "")}};
        if (ticket.assignee_id) {
          tell("reopening", *ticket.assignee_id, values);
        } else {
          tell_unit("reopening", values);
        }
        break;
      }
      case EventKind::merged:
      case EventKind::merge_undone:
        // The duplicate's requester: what became of their request.
        if (e.data.value("side", "duplicate") != "duplicate") break;
        tell(
            e.kind == EventKind::merged ? "merged" : "merge_undone", ticket.requester_id,
            {{"into_protocol",
              e.data.value(e.kind == EventKind::merged ? "into_protocol" : "other_protocol", "")}});
        break;
      case EventKind::sla_warning:
        tell_unit(e.data.value("level", "") == "breach" ? "sla_breach" : "sla_warning",
                  {{"target", target_label(e.data.value("target", ""))},
                   {"deadline", format_instant(from_millis(e.data.value("deadline", 0LL)))}});
        break;
      default:
        break;
    }
  }
  notify_followers(c, ticket, events, a, now);
}

}  // namespace guiche::app
