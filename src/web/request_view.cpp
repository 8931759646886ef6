#include "web/request_view.hpp"

#include <date/tz.h>

#include <array>

#include "domain/ticket_projection.hpp"
#include "web/page.hpp"

namespace guiche::web {
namespace {

std::string text_of(const nlohmann::json& data, const char* key) {
  return data.contains(key) && data[key].is_string() ? data[key].get<std::string>() : "";
}

std::optional<std::int64_t> integer_of(const nlohmann::json& data, const char* key) {
  if (!data.contains(key) || !data[key].is_number_integer()) return std::nullopt;
  return data[key].get<std::int64_t>();
}

std::string event_text(WebContext& ctx, const std::string& key) {
  return text(ctx, "portal.eventos." + key);
}

// What the requester reads for one public event; null: not shown.
nlohmann::json timeline_item(WebContext& ctx, const TicketEvent& e) {
  const auto& d = e.data;
  nlohmann::json item = nlohmann::json::object();
  switch (e.kind) {
    case EventKind::created: {
      item["o_que"] = event_text(ctx, "created");
      if (auto at = integer_of(d, "estimated_deadline"))
        item["detalhe"] =
            event_text(ctx, "prazo_estimado") + " " + local_when(ctx, from_millis(*at));
      break;
    }
    case EventKind::triaged:
      item["o_que"] = event_text(ctx, "triaged");
      // A new classification moves the deadline: the history says so.
      if (d.contains("impact") || d.contains("urgency") || d.contains("category") ||
          d.contains("service_id"))
        item["detalhe"] = event_text(ctx, "prazo_recalculado");
      if (auto at = integer_of(d, "agreed_deadline"))
        item["detalhe"] =
            event_text(ctx, "prazo_acordado") + " " + local_when(ctx, from_millis(*at));
      break;
    case EventKind::routed:
      item["o_que"] = event_text(ctx, "routed");
      break;
    case EventKind::assigned:
      item["o_que"] = event_text(ctx, "assigned");
      break;
    case EventKind::status_changed: {
      auto to = parse_status(text_of(d, "to"));
      if (!to) return nullptr;
      item["o_que"] = event_text(ctx, "situacao") + " " + status_text(ctx, *to);
      item["detalhe"] = text_of(d, "reason");
      break;
    }
    case EventKind::public_reply: {
      const bool from_agent = d.value("from_agent", false);
      const auto status = text_of(d, "status");
      if (from_agent) {
        const bool asks = status == status_code(Status::pending_requester);
        item["o_que"] = event_text(ctx, asks ? "pedido_informacao" : "mensagem_equipe");
        item["pede"] = asks;
        item["da_equipe"] = true;
      } else {
        item["o_que"] =
            event_text(ctx, status.empty() ? "mensagem_solicitante" : "resposta_retomou");
      }
      item["detalhe"] = text_of(d, "text");
      break;
    }
    case EventKind::attachment_added:
    case EventKind::attachment_released: {  // a held file an admin released
      item["o_que"] = event_text(ctx, "anexo");
      auto id = integer_of(d, "attachment_id");
      if (!id) return nullptr;
      item["arquivo"] = {{"nome", text_of(d, "filename")},
                         {"url", "/api/v1/attachments/" + std::to_string(*id)},
                         {"tamanho", size_text(integer_of(d, "size_bytes").value_or(0))}};
      break;
    }
    case EventKind::resolved:
      item["o_que"] = event_text(ctx, "resolved");
      item["detalhe"] = text_of(d, "resolution");
      item["tempo"] = event_text(ctx, "tempo_gasto") + " " +
                      duration_text(ctx, integer_of(d, "time_spent_minutes").value_or(0));
      break;
    case EventKind::evaluated:
      item["o_que"] = event_text(ctx, "evaluated") + ": " +
                      std::to_string(integer_of(d, "rating").value_or(0)) + " " +
                      event_text(ctx, "de_5");
      item["detalhe"] = text_of(d, "comment");
      break;
    case EventKind::reopened:
      item["o_que"] = event_text(ctx, "reopened");
      item["detalhe"] = text_of(d, "reason");
      break;
    case EventKind::closed:
      item["o_que"] = event_text(
          ctx, text_of(d, "reason") == "reopen_window_ended" ? "fechada_prazo" : "closed");
      break;
    case EventKind::cancelled:
      item["o_que"] = event_text(ctx, "cancelled");
      item["detalhe"] = text_of(d, "reason");
      break;
    case EventKind::merged:
      // The other request is someone else's: its protocol, never its content.
      item["o_que"] = event_text(ctx, "merged") + " " + text_of(d, "into_protocol");
      item["detalhe"] = event_text(ctx, "merged_detalhe");
      break;
    case EventKind::merge_undone:
      item["o_que"] = event_text(ctx, "merge_undone");
      break;
    default:
      return nullptr;
  }
  item["quando"] = local_when(ctx, e.at);
  item["quando_iso"] = format_utc(e.at);
  return item;
}

enum Stage {
  stage_registered,
  stage_analysis,
  stage_in_service,
  stage_resolved,
  stage_finished,
  kStages
};

Stage stage_of(Status s) {
  switch (s) {
    case Status::new_:
      return stage_registered;
    case Status::triage:
      return stage_analysis;
    case Status::resolved:
      return stage_resolved;
    case Status::closed:
    case Status::cancelled:
      return stage_finished;
    default:
      return stage_in_service;
  }
}

}  // namespace

nlohmann::json optional_text(const std::string& s) {
  return s.empty() ? nlohmann::json(false) : nlohmann::json(s);
}

std::string ticket_path(const std::string& protocol) {
  return "/chamados/" + url_encode(protocol);
}

std::string local_when(WebContext& ctx, Instant t) {
  auto zoned =
      date::make_zoned(ctx.desk.config().time_zone, std::chrono::floor<std::chrono::minutes>(t));
  return date::format(text(ctx, "portal.formato_data_hora"), zoned);
}

std::string status_text(WebContext& ctx, Status s) {
  return text(ctx, "portal.situacoes." + std::string(status_code(s)));
}

std::string deadline_text(WebContext& ctx, const Ticket& t) {
  if (t.agreed_deadline) return local_when(ctx, *t.agreed_deadline);
  if (t.category == Category::project || !t.estimated_deadline)
    return text(ctx, "portal.a_combinar");
  return local_when(ctx, *t.estimated_deadline);
}

std::string duration_text(WebContext& ctx, std::int64_t minutes) {
  std::string out;
  if (minutes >= 60) out = std::to_string(minutes / 60) + " " + event_text(ctx, "horas");
  if (minutes % 60 != 0 || minutes == 0)
    out +=
        (out.empty() ? "" : " ") + std::to_string(minutes % 60) + " " + event_text(ctx, "minutos");
  return out;
}

std::string size_text(std::int64_t bytes) {
  if (bytes >= 1024 * 1024) return std::to_string((bytes + 512 * 1024) / (1024 * 1024)) + " MB";
  if (bytes >= 1024) return std::to_string((bytes + 512) / 1024) + " KB";
  return std::to_string(bytes) + " bytes";
}

std::string short_subject(const std::string& subject, std::size_t max_chars) {
  std::size_t chars = 0;
  std::size_t cut = 0;  // byte offset after `max_chars` characters
  for (std::size_t i = 0; i < subject.size(); ++i) {
    if ((static_cast<unsigned char>(subject[i]) & 0xC0) == 0x80) continue;  // continuation
    if (chars == max_chars) {
      cut = i;
      break;
    }
    ++chars;
  }
  if (cut == 0) return subject;  // fits
  std::size_t end = subject.rfind(' ', cut);
  if (end == std::string::npos || end < cut / 2) end = cut;
  while (end > 0 && subject[end - 1] == ' ') --end;
  return subject.substr(0, end) + "…";
}

nlohmann::json attachment_zone(WebContext& ctx, const std::string& id, const std::string& label,
                               const std::string& error) {
  const auto& config = ctx.desk.config();
  std::string types;
  for (const auto& t : config.attachment_types) types += (types.empty() ? "" : ",") + t;
  auto help = text(ctx, "portal.solicitar.anexos_ajuda");
  if (auto at = help.find("{limite}"); at != std::string::npos)
    help.replace(at, 8, size_text(config.max_attachment_bytes));
  nlohmann::json zone = {{"id", id},
                         {"rotulo", label},
                         {"ajuda", help},
                         {"limite", config.max_attachment_bytes},
                         {"tipos", types}};
  if (!error.empty()) zone["erro"] = error;
  return zone;
}

nlohmann::json timeline_view(WebContext& ctx, const std::vector<TicketEvent>& events) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& e : events) {
    if (!e.is_public) continue;
    auto item = timeline_item(ctx, e);
    if (item.is_null()) continue;
    item["detalhe"] = optional_text(item.value("detalhe", std::string()));
    items.push_back(std::move(item));
  }
  return items;
}

nlohmann::json stages_view(WebContext& ctx, const Ticket& t,
                           const std::vector<TicketEvent>& events) {
  // Replaying the events the requester sees gives the status after each one,
  // hence when each stage was (last) entered.
  std::array<std::optional<Instant>, kStages> since;
  Ticket replay;
  std::optional<Stage> previous;
  for (const auto& e : events) {
    apply_event(replay, e);
    const Stage s = stage_of(replay.status);
    if (s != previous) since[s] = e.at;
    previous = s;
  }
  static constexpr std::array<const char*, kStages> keys = {"registrada", "analise", "atendimento",
                                                            "resolvida", "encerrada"};
  const Stage current = stage_of(t.status);
  nlohmann::json stages = nlohmann::json::array();
  for (int i = 0; i < kStages; ++i) {
    std::string key = keys[i];
    if (i == stage_finished && t.status == Status::cancelled) key = "cancelada";
    // A stage behind the current one that the ticket never entered (triage
    // skipped by direct routing, a cancellation) was skipped, not done.
    const bool behind = i < current;
    const bool done = behind && since[i].has_value();
    const bool now = i == current;
    nlohmann::json stage = {{"nome", text(ctx, "portal.etapas." + key)},
                            {"numero", i + 1},
                            {"feita", done},
                            {"pulada", behind && !done},
                            {"atual", now},
                            {"futura", !behind && !now}};
    if ((done || now) && since[i]) stage["desde"] = local_when(ctx, *since[i]);
    stages.push_back(stage);
  }
  return stages;
}

}  // namespace guiche::web
