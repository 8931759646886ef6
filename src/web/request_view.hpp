#pragma once
// How a request reads in the requester's pages, in the page's language: its
// status, dates, deadline, the public timeline ("fluxo vivo") and the
// consolidated stages ("Listagem").
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "domain/ticket.hpp"
#include "domain/ticket_event.hpp"
#include "web/web_context.hpp"

namespace guiche::web {

// Mustache renders a section for any string, even an empty one: optional
// texts go to templates as false when empty.
nlohmann::json optional_text(const std::string& s);

// "/chamados/2026-000123"
std::string ticket_path(const std::string& protocol);

// An instant at the desk's time zone, in the page language's format.
std::string local_when(WebContext& ctx, Instant t);

std::string status_text(WebContext& ctx, Status s);

// The estimated (or agreed) deadline, or "a combinar" for projects without one.
std::string deadline_text(WebContext& ctx, const Ticket& t);

// "1 h 30 min"
std::string duration_text(WebContext& ctx, std::int64_t minutes);

// "12 KB", "3 MB", "200 bytes"
std::string size_text(std::int64_t bytes);

// A subject as a list row has room for: the whole text when it fits in
// `max_chars` characters, else its start cut at a word (a character when
// there is none) with "…". Subjects are stored whole; only rows shorten them.
std::string short_subject(const std::string& subject, std::size_t max_chars = 120);

// The drop zone of a file input (template _anexos): its id, label and error,
// with the server's size limit and accepted types as hints.
nlohmann::json attachment_zone(WebContext& ctx, const std::string& id, const std::string& label,
                               const std::string& error);

// The public events as the timeline lists them (oldest first): each item has
// o_que, detalhe, quando, quando_iso, and for attachments arquivo {nome, url,
// tamanho}; pede (the team asks for information) marks what needs an answer.
nlohmann::json timeline_view(WebContext& ctx, const std::vector<TicketEvent>& events);

// The stages Registrada → Em análise → Em atendimento → Resolvida →
// Encerrada (or Cancelada), each feita / atual / futura, with since when.
nlohmann::json stages_view(WebContext& ctx, const Ticket& t,
                           const std::vector<TicketEvent>& events);

}  // namespace guiche::web
