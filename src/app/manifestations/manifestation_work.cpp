// The ouvidoria's side of manifestações: asking once for a complement,
// extending once, answering, archiving what was never complemented, linking
// tickets; and the settings admins keep.
#include "app/access_policy.hpp"
#include "app/manifestations/manifestations.hpp"
#include "app/text_rules.hpp"
#include "domain/error.hpp"
#include "domain/protocol_number.hpp"
#include "store/ticket_rows.hpp"
#include "store/unit_rows.hpp"

namespace guiche::app {

struct Manifestations::Change {
  store::Connection& c;
  Manifestation& m;
  const ManifestationSettings& settings;
  Date today;
  ManifestationEvent event;
  std::string notice_key;  // "" for none
  nlohmann::json notice_values = nlohmann::json::object();
};

ManifestationView Manifestations::change(const Actor& a, std::int64_t id,
                                         ManifestationAction action,
                                         const std::function<void(Change&)>& fn) {
  require_active(a);
  if (!is_ombudsman(a.person)) throw forbidden("Somente a ouvidoria trata manifestações.");
  std::optional<ManifestationView> view;
  ctx_.db.write([&](store::Connection& c) {
    auto m = store::load_manifestation(c, id);
    if (!m) throw not_found("Manifestação não encontrada.");
    const auto s = store::load_manifestation_settings(c);
    const Date today = ctx_.local_date(ctx_.now());
    const ManifestationState state{m->status, m->complement_requested,
                                   m->extension_days.has_value(),
                                   complement_due(*m, s, today).second};
    if (auto refusal = manifestation_refusal(state, action)) throw conflict(*refusal);
    Change ch{c, *m, s, today, {0, "", "", a.id(), a.person.name, true, ctx_.now()}, ""};
    fn(ch);
    store::update_manifestation(c, *m);
    store::append_manifestation_event(c, m->id, ch.event);
    if (!ch.notice_key.empty()) notify(c, *m, ch.notice_key, ch.notice_values);
    view = view_of(c, std::move(*m), true, false, s);
  });
  return *view;
}

ManifestationView Manifestations::request_complement(const Actor& a, std::int64_t id,
                                                     const std::string& question) {
  const auto text = required_text(question, "text", "O pedido de complementação", 4000);
  return change(a, id, ManifestationAction::request_complement, [&](Change& ch) {
    ch.m.status = ManifestationStatus::awaiting_complement;
    ch.m.complement_requested = true;
    ch.m.paused_on = ch.today;
    ch.event.kind = "complement_requested";
    ch.event.text = text;
    ch.notice_key = "manifestation_complement";
    ch.notice_values = {
        {"text", text},
        {"complement_due", format_date_br(complement_due(ch.m, ch.settings, ch.today).first)}};
  });
}

ManifestationView Manifestations::extend(const Actor& a, std::int64_t id,
                                         const std::string& reason) {
  const auto text = required_text(reason, "reason", "O motivo da prorrogação", 4000);
  return change(a, id, ManifestationAction::extend, [&](Change& ch) {
    if (ch.settings.extension_days == 0) {
      throw conflict("A configuração da ouvidoria não permite prorrogar o prazo.");
    }
    ch.m.extension_days = ch.settings.extension_days;
    ch.m.extension_reason = text;
    recompute_due(ch.m, ch.settings);
    ch.event.kind = "extended";
    ch.event.text = text;
    ch.notice_key = "manifestation_extended";
    ch.notice_values = {{"text", text}, {"due", format_date_br(ch.m.due_on)}};
  });
}

ManifestationView Manifestations::answer(const Actor& a, std::int64_t id, const std::string& text) {
  const auto answer = required_text(text, "text", "O texto da resposta", 20000);
  return change(a, id, ManifestationAction::answer, [&](Change& ch) {
    ch.m.status = ManifestationStatus::answered;
    ch.m.answer = answer;
    ch.m.answered_at = ch.event.at;
    ch.m.closed_at = ch.event.at;
    ch.event.kind = "answered";
    ch.event.text = answer;
    ch.notice_key = "manifestation_answered";
    ch.notice_values = {{"text", answer}};
  });
}

ManifestationView Manifestations::archive(const Actor& a, std::int64_t id) {
  return change(a, id, ManifestationAction::archive, [&](Change& ch) {
    ch.m.status = ManifestationStatus::archived;
    ch.m.closed_at = ch.event.at;
    ch.event.kind = "archived";
    ch.event.text = "A complementação pedida não veio no prazo.";
  });
}

ManifestationView Manifestations::link_ticket(const Actor& a, std::int64_t id,
                                              const std::string& protocol) {
  auto number = required_text(protocol, "protocol", "O protocolo do chamado", 40);
  if (const auto p = parse_protocol(number)) number = format_protocol(p->year, p->sequence);
  return change(a, id, ManifestationAction::link, [&](Change& ch) {
    const auto t = store::load_ticket_by_protocol(ch.c, number);
    if (!t) throw invalid_field("protocol", "Nenhum chamado com este protocolo.");
    if (!store::link_manifestation_ticket(ch.c, ch.m.id, t->id, to_millis(ch.event.at), a.id())) {
      throw conflict("A manifestação já está ligada a este chamado.");
    }
    ch.event.kind = "ticket_linked";
    ch.event.text = t->protocol;
    ch.event.visible_to_author = false;
  });
}

ManifestationSettings Manifestations::settings() {
  ManifestationSettings s;
  ctx_.db.read([&](store::Connection& c) { s = store::load_manifestation_settings(c); });
  return s;
}

ManifestationSettings Manifestations::update_settings(const Actor& a,
                                                      const ManifestationSettings& s) {
  require_active(a);
  if (!a.person.has_role(Role::admin)) {
    throw forbidden("Somente administradores configuram a ouvidoria.");
  }
  const auto valid = validated_manifestation_settings(s);
  if (!ctx_.calendars.find(valid.calendar)) {
    throw invalid_field("calendar", "Calendário desconhecido.");
  }
  ctx_.db.write([&](store::Connection& c) {
    if (valid.unit_id) {
      bool known = false;
      for (const auto& u : store::load_units(c)) known = known || u.id == *valid.unit_id;
      if (!known) throw invalid_field("unit_id", "Unidade desconhecida.");
    }
    store::save_manifestation_settings(c, valid, to_millis(ctx_.now()), a.id());
  });
  return valid;
}

}  // namespace guiche::app
