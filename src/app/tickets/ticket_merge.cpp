// See ticket_merge.hpp for what a merge, its undo and a split do.
#include "app/tickets/ticket_merge.hpp"

#include <algorithm>

#include "app/access_policy.hpp"
#include "app/text_rules.hpp"
#include "domain/error.hpp"
#include "store/service_rows.hpp"
#include "store/ticket_follower_rows.hpp"
#include "store/ticket_rows.hpp"
#include "store/unit_rows.hpp"

namespace guiche::app {
namespace {

// The ticket `a` works, locked; a ticket `a` may not see is "not found".
Ticket worked_ticket(LedgerWrite& w, const Actor& a, std::int64_t id,
                     const std::vector<Unit>& units) {
  auto t = w.lock(id);
  if (!t || !can_view_ticket(a.person, *t, units)) throw not_found("Chamado não encontrado.");
  if (!can_work_ticket(a.person, *t, units)) {
    throw forbidden("Você não atua na unidade responsável pela SA " + t->protocol + ".");
  }
  return *t;
}

bool merged_into_other(const Ticket& t) {
  return std::any_of(t.links.begin(), t.links.end(),
                     [](const TicketLink& l) { return l.kind == "merged_into"; });
}

bool took_duplicates_in(const Ticket& t) {
  return std::any_of(t.links.begin(), t.links.end(),
                     [](const TicketLink& l) { return l.kind == "merged_from"; });
}

}  // namespace

MergeResult TicketMerges::merge(const Actor& a, std::int64_t survivor_id,
                                const std::vector<std::int64_t>& duplicate_ids,
                                const std::string& note) {
  require_active(a);
  std::vector<std::int64_t> ids = duplicate_ids;
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  if (ids.empty()) {
    throw invalid_field("duplicates", "Indique os chamados duplicados a unir a este.");
  }
  if (ids.size() > kMaxMergedAtOnce) {
    throw invalid_field("duplicates", "Una no máximo " + std::to_string(kMaxMergedAtOnce) +
                                          " chamados de uma vez.");
  }
  if (std::find(ids.begin(), ids.end(), survivor_id) != ids.end()) {
    throw invalid_field("duplicates", "Um chamado não se une a si mesmo.");
  }
  const std::string reason =
      note.empty() ? std::string() : required_text(note, "note", "A observação", 2000);
  MergeResult result;
  ledger_.write([&](LedgerWrite& w) {
    result = {};
    auto& c = w.connection();
    const auto units = store::load_units(c);
    Ticket survivor = worked_ticket(w, a, survivor_id, units);
    if (!status_is_open(survivor.status)) {
      throw conflict("A SA " + survivor.protocol +
                     " não está em aberto; una os duplicados a um chamado em atendimento.");
    }
    if (merged_into_other(survivor)) {
      throw conflict("A SA " + survivor.protocol + " já foi unida a outro chamado.");
    }
    nlohmann::json received = nlohmann::json::array();
    for (auto id : ids) {
      Ticket duplicate = worked_ticket(w, a, id, units);
      if (!status_is_open(duplicate.status)) {
        throw conflict("A SA " + duplicate.protocol +
                       " não está em aberto; só chamados em aberto são unidos.");
      }
      if (took_duplicates_in(duplicate)) {
        throw conflict("A SA " + duplicate.protocol +
                       " já recebeu outros chamados; desfaça essas uniões antes.");
      }
      nlohmann::json data{{"into_id", survivor.id},
                          {"into_protocol", survivor.protocol},
                          {"status_before", status_code(duplicate.status)}};
      if (!reason.empty()) data["note"] = reason;
      w.record(duplicate, {{EventKind::merged, data, true}}, a);
      received.push_back({{"id", duplicate.id},
                          {"protocol", duplicate.protocol},
                          {"requester_id", duplicate.requester_id}});
      if (duplicate.requester_id != survivor.requester_id) {
        store::add_ticket_follower(
            c, {survivor.id, store::kMergedRequester, duplicate.requester_id, duplicate.id,
                std::string(channel_code(duplicate.channel)), w.now()});
      }
      result.merged.push_back(std::move(duplicate));
    }
    // One event for the whole merge: the conversation stays readable.
    w.record(survivor, {{EventKind::merge_received, {{"from", received}}, false}}, a);
    result.survivor = std::move(survivor);
  });
  return result;
}

MergeResult TicketMerges::undo(const Actor& a, std::int64_t duplicate_id) {
  require_active(a);
  MergeResult result;
  ledger_.write([&](LedgerWrite& w) {
    result = {};
    auto& c = w.connection();
    const auto units = store::load_units(c);
    Ticket duplicate = worked_ticket(w, a, duplicate_id, units);
    std::int64_t survivor_id = 0;
    for (const auto& l : duplicate.links) {
      if (l.kind == "merged_into") survivor_id = l.other_ticket_id;
    }
    if (!survivor_id) throw conflict("A SA " + duplicate.protocol + " não está unida a outra.");
    Ticket survivor = worked_ticket(w, a, survivor_id, units);
    if (!status_is_open(survivor.status)) {
      throw conflict("A SA " + survivor.protocol +
                     " já foi resolvida; a união não pode mais ser desfeita.");
    }
    std::string status_before = status_code(Status::in_progress).data();
    for (const auto& e : store::load_events(c, duplicate.id)) {
      if (e.kind == EventKind::merged) status_before = e.data.value("status_before", status_before);
    }
    w.record(duplicate,
             {{EventKind::merge_undone,
               {{"other_id", survivor.id},
                {"other_protocol", survivor.protocol},
                {"side", "duplicate"},
                {"status", status_before}},
               true}},
             a);
    w.record(survivor,
             {{EventKind::merge_undone,
               {{"other_id", duplicate.id},
                {"other_protocol", duplicate.protocol},
                {"side", "survivor"}},
               false}},
             a);
    store::remove_ticket_follower(c, survivor.id, store::kMergedRequester, duplicate.requester_id,
                                  duplicate.id);
    result.survivor = std::move(survivor);
    result.merged.push_back(std::move(duplicate));
  });
  return result;
}

Ticket TicketMerges::split(const Actor& a, std::int64_t ticket_id, std::int64_t event_seq,
                           const std::string& subject) {
  require_active(a);
  Ticket created;
  ledger_.write([&](LedgerWrite& w) {
    auto& c = w.connection();
    const auto units = store::load_units(c);
    Ticket original = worked_ticket(w, a, ticket_id, units);
    if (status_is_final(original.status)) {
      throw conflict("A SA " + original.protocol + " está encerrada.");
    }
    std::optional<TicketEvent> message;
    for (auto& e : store::load_events(c, ticket_id)) {
      if (e.seq == event_seq) message = std::move(e);
    }
    // A public message only: an internal note would become the requester's text.
    if (!message || message->kind != EventKind::public_reply) {
      throw invalid_field("event", "Escolha uma mensagem pública do chamado para desmembrar.");
    }
    const auto service = store::load_service(c, original.service_id);
    RegisterRequest request;
    request.requester_id = original.requester_id;
    request.service_code = service ? service->code : "";
    request.subject =
        subject.empty() ? original.subject : required_text(subject, "subject", "O assunto", 4000);
    if (request.subject.find_first_of("\r\n") != std::string::npos) {
      throw invalid_field("subject", "O assunto deve ter uma só linha.");
    }
    request.description =
        required_text(message->data.value("text", ""), "description", "A descrição", 20000);
    request.form_may_be_incomplete = true;
    // The new request came the way the original did (the requester hears of
    // it there); the agent who split it registered it.
    Actor as = a;
    as.channel = original.channel;
    created = intake_.register_in(w, as, request);
    w.record(original, {link_draft(created, "split_into")}, a);
    w.record(created, {link_draft(original, "split_from")}, a);
  });
  return created;
}

}  // namespace guiche::app
