#include "web/agent/agent_ticket_merge_view.hpp"

#include <charconv>

#include "app/tickets/ticket_following.hpp"
#include "app/tickets/ticket_merge.hpp"
#include "app/tickets/ticket_reads.hpp"
#include "web/agent/agent_common.hpp"

namespace guiche::web {
namespace {

// The protocol of a linked ticket `v` may see; empty otherwise.
std::string visible_protocol(WebContext& ctx, const Visitor& v, std::int64_t id) {
  try {
    return ctx.desk.tickets().ticket(v.actor, id).protocol;
  } catch (const DomainError&) {
    return "";
  }
}

// "2026-000123, 2026-000124 2026-000125": the tickets named, as `v` sees them.
std::vector<std::int64_t> named_tickets(WebContext& ctx, const Visitor& v,
                                        const std::string& typed) {
  std::vector<std::int64_t> ids;
  std::string word;
  auto take = [&] {
    if (word.empty()) return;
    try {
      ids.push_back(ctx.desk.tickets().ticket_by_protocol(v.actor, word).id);
    } catch (const DomainError& e) {
      if (e.kind() != DomainError::Kind::not_found) throw;
      throw invalid_field("duplicates", fill(text(ctx, "uniao.protocolo_desconhecido"), word));
    }
    word.clear();
  };
  for (char c : typed) {
    if (c == ',' || c == ';' || c == ' ' || c == '\n' || c == '\r' || c == '\t') {
      take();
    } else {
      word.push_back(c);
    }
  }
  take();
  return ids;
}

}  // namespace

nlohmann::json merge_view(WebContext& ctx, const Visitor& v, const Ticket& t) {
  nlohmann::json into = nullptr, from = nlohmann::json::array();
  for (const auto& l : t.links) {
    if (l.kind != "merged_into" && l.kind != "merged_from") continue;
    const auto protocol = visible_protocol(ctx, v, l.other_ticket_id);
    nlohmann::json item{{"protocolo", protocol},
                        {"url", protocol.empty() ? "" : agent_ticket_url(protocol)},
                        {"visivel", !protocol.empty()}};
    if (l.kind == "merged_into") {
      into = item;
    } else {
      from.push_back(item);
    }
  }
  nlohmann::json followers = nlohmann::json::array();
  bool following = false;  // read from the followers, not asked again
  for (const auto& f : ctx.desk.following().followers(v.actor, t.id)) {
    following = following || (f.kind == "watcher" && f.person_id == v.actor.id());
    followers.push_back(
        {{"nome", f.name}, {"solicitante", f.kind == "requester"}, {"via", f.via_protocol}});
  }
  const bool open = status_is_open(t.status);
  return {{"unido_a", into},
          {"tem_unido_a", !into.is_null()},
          {"pode_desfazer", !into.is_null() && into.value("visivel", false)},
          {"recebidos", from},
          {"tem_recebidos", !from.empty()},
          {"pode_unir", open && into.is_null()},
          {"seguidores", followers},
          {"tem_seguidores", !followers.empty()},
          {"seguindo", following}};
}

std::optional<std::string> run_merge_action(WebContext& ctx, const Visitor& v, const Ticket& t,
                                            const std::string& name, const Form& form) {
  auto& desk = ctx.desk;
  if (name == "unir") {
    const auto ids = named_tickets(ctx, v, form.value("duplicados"));
    desk.merges().merge(v.actor, t.id, ids, form.value("observacao_uniao"));
    return "uniao";
  }
  if (name == "desfazer-uniao") {
    // On the duplicate's page, itself; on the surviving ticket's, the one chosen.
    const auto chosen = form.value("duplicado");
    const auto duplicate =
        chosen.empty() ? t.id : desk.tickets().ticket_by_protocol(v.actor, chosen).id;
    desk.merges().undo(v.actor, duplicate);
    return "uniao";
  }
  if (name == "desmembrar") {
    std::int64_t seq = 0;
    const auto typed = form.value("evento");
    std::from_chars(typed.data(), typed.data() + typed.size(), seq);
    desk.merges().split(v.actor, t.id, seq, form.value("assunto"));
    return "vinculos";
  }
  if (name == "seguir") {
    desk.following().follow(v.actor, t.id);
    return "uniao";
  }
  if (name == "deixar-de-seguir") {
    desk.following().unfollow(v.actor, t.id);
    return "uniao";
  }
  return std::nullopt;
}

}  // namespace guiche::web
