#include "app/answers/macros.hpp"

#include "app/access_policy.hpp"
#include "app/answers/answer_placeholders.hpp"
#include "app/answers/answer_scope.hpp"
#include "app/text_rules.hpp"
#include "domain/error.hpp"
#include "store/answer_template_rows.hpp"
#include "store/macro_rows.hpp"
#include "store/ticket_rows.hpp"
#include "store/unit_rows.hpp"

namespace guiche::app {
namespace {

const char* const kKeepersOnly = "Somente administradores e gerentes de unidade mantêm macros.";

// A template a macro of `macro_unit` names: of `kind`, and shared or of the
// macro's own unit, so everyone the macro is offered to may use it.
void require_macro_template(store::Connection& c, std::optional<std::int64_t> id, TemplateKind kind,
                            std::optional<std::int64_t> macro_unit, const char* field) {
  if (!id) return;
  const auto t = store::load_answer_template(c, *id);
  if (!t || !t->active || t->kind != kind || (t->unit_id && t->unit_id != macro_unit)) {
    throw invalid_field(field, kind == TemplateKind::answer
                                   ? "Escolha uma resposta padrão ativa desta unidade ou "
                                     "compartilhada."
                                   : "Escolha uma solução padrão ativa desta unidade ou "
                                     "compartilhada.");
  }
}

void check_macro(store::Connection& c, const TicketMacro& m, const std::vector<Unit>& units) {
  if (m.unit_id) {
    bool known = false;
    for (const auto& u : units) known = known || u.id == *m.unit_id;
    if (!known) throw invalid_field("unit", "Unidade desconhecida.");
  }
  if (!m.route_unit_id && !m.reply_template_id && !m.set_status && !m.minutes) {
    throw invalid_field("steps", "A macro precisa de ao menos um passo.");
  }
  if (m.set_status && !macro_may_set(*m.set_status)) {
    throw invalid_field("status",
                        "Uma macro muda a situação para em atendimento, aguardando "
                        "terceiro ou resolvido.");
  }
  if (m.set_status && m.route_unit_id) {
    throw invalid_field("route_unit",
                        "Uma macro encaminha ou muda a situação, não os dois: o "
                        "encaminhamento deixa o chamado atribuído.");
  }
  if (m.minutes && (*m.minutes < 1 || *m.minutes > 100000)) {
    throw invalid_field("minutes", "Informe o tempo em minutos (1 a 100000).");
  }
  const bool resolves = m.set_status == Status::resolved;
  if (resolves && (!m.solution_template_id || !m.minutes)) {
    throw invalid_field("solution_template",
                        "Para resolver, a macro precisa da solução padrão e do tempo gasto.");
  }
  if (!resolves && m.solution_template_id) {
    throw invalid_field("solution_template", "A solução padrão só serve à macro que resolve.");
  }
  if (m.route_unit_id) {
    const Unit* target = nullptr;
    for (const auto& u : units) {
      if (u.id == *m.route_unit_id) target = &u;
    }
    if (!target || !target->active) throw invalid_field("route_unit", "Unidade desconhecida.");
  }
  require_macro_template(c, m.reply_template_id, TemplateKind::answer, m.unit_id, "reply_template");
  require_macro_template(c, m.solution_template_id, TemplateKind::solution, m.unit_id,
                         "solution_template");
}

}  // namespace

std::vector<TicketMacro> Macros::offered(const Actor& a) {
  require_active(a);
  if (!is_staff(a.person)) throw forbidden("Somente a equipe aplica macros.");
  std::vector<TicketMacro> out;
  ctx_.db.read([&](store::Connection& c) {
    const auto units = ctx_.unit_tree(c);
    for (auto& m : store::ticket_macros(c, false)) {
      if (answers_offered_to(a.person, m.unit_id, *units)) out.push_back(std::move(m));
    }
  });
  return out;
}

std::vector<TicketMacro> Macros::kept(const Actor& a) {
  require_active(a);
  if (!keeps_any_answers(a.person)) throw forbidden(kKeepersOnly);
  std::vector<TicketMacro> out;
  ctx_.db.read([&](store::Connection& c) {
    const auto units = ctx_.unit_tree(c);
    for (auto& m : store::ticket_macros(c, true)) {
      if (may_keep_answers(a.person, m.unit_id, *units)) out.push_back(std::move(m));
    }
  });
  return out;
}

TicketMacro Macros::get(const Actor& a, std::int64_t id) {
  require_active(a);
  std::optional<TicketMacro> m;
  ctx_.db.read([&](store::Connection& c) {
    const auto units = ctx_.unit_tree(c);
    m = store::load_ticket_macro(c, id);
    if (m && !may_keep_answers(a.person, m->unit_id, *units) &&
        !(m->active && answers_offered_to(a.person, m->unit_id, *units))) {
      m.reset();
    }
  });
  if (!m) throw not_found("Macro não encontrada.");
  return *m;
}

TicketMacro Macros::save(const Actor& a, TicketMacro m) {
  require_active(a);
  if (!keeps_any_answers(a.person)) throw forbidden(kKeepersOnly);
  m.name = required_text(m.name, "name", "O nome", 200);
  ctx_.db.write([&](store::Connection& c) {
    const auto units = store::load_units(c);
    if (m.id != 0) {
      const auto before = store::load_ticket_macro(c, m.id);
      if (!before || (!may_keep_answers(a.person, before->unit_id, units) &&
                      !answers_offered_to(a.person, before->unit_id, units))) {
        throw not_found("Macro não encontrada.");
      }
      if (!may_keep_answers(a.person, before->unit_id, units)) {
        throw forbidden("Você não mantém as macros desta unidade.");
      }
    }
    if (!may_keep_answers(a.person, m.unit_id, units)) {
      throw forbidden(m.unit_id ? "Você não mantém as macros desta unidade."
                                : "Somente administradores mantêm macros compartilhadas; "
                                  "escolha a sua unidade.");
    }
    check_macro(c, m, units);
    m.updated_by = a.id();
    m.updated_at = ctx_.now();
    if (m.id == 0) {
      m.id = store::insert_ticket_macro(c, m);
    } else {
      store::update_ticket_macro(c, m);
    }
  });
  return m;
}

Ticket Macros::apply(const Actor& a, std::int64_t macro_id, std::int64_t ticket_id) {
  Ticket result;
  ledger_.write([&](LedgerWrite& w) { result = apply_in(w, a, macro_id, ticket_id); });
  return result;
}

Ticket Macros::apply_in(LedgerWrite& w, const Actor& a, std::int64_t macro_id,
                        std::int64_t ticket_id) {
  require_active(a);
  auto& c = w.connection();
  const auto m = store::load_ticket_macro(c, macro_id);
  if (!m || !m->active || !answers_offered_to(a.person, m->unit_id, store::load_units(c))) {
    throw not_found("Macro não encontrada.");
  }
  const auto template_body = [&](std::optional<std::int64_t> id) {
    const auto t = id ? store::load_answer_template(c, *id) : std::nullopt;
    if (!t || !t->active) {
      throw conflict("A macro \"" + m->name + "\" usa um modelo que foi desativado.");
    }
    return t->body;
  };
  // The use first: who applied which macro. It needs one who works the ticket.
  Ticket t = ledger_.change_in(
      w, a, ticket_id, [&](LedgerWrite&, const Ticket& ticket, const std::vector<Unit>& units) {
        if (!can_work_ticket(a.person, ticket, units)) {
          throw forbidden("Você não atua na unidade responsável por este chamado.");
        }
        if (!status_is_open(ticket.status)) throw conflict("O chamado não está em aberto.");
        return std::vector<EventDraft>{
            {EventKind::macro_applied, {{"macro_id", m->id}, {"macro_name", m->name}}, false}};
      });
  const auto filled = [&](std::optional<std::int64_t> id) {
    return fill_answer(template_body(id), answer_values(c, ctx_.config, t, a.person));
  };
  if (m->reply_template_id) t = work_.reply_in(w, a, ticket_id, filled(m->reply_template_id));
  if (m->set_status == Status::resolved) {
    // The lifecycle resolves assigned tickets: one still waiting for triage
    // is first taken by whoever applies the macro, as "Atribuir a mim" does.
    if (t.status == Status::new_ || t.status == Status::triage) {
      t = work_.assign_in(w, a, ticket_id, a.id());
    }
    t = work_.resolve_in(w, a, ticket_id, filled(m->solution_template_id), *m->minutes);
    return t;
  }
  if (m->minutes) t = work_.log_time_in(w, a, ticket_id, *m->minutes, "Macro: " + m->name);
  if (m->set_status && *m->set_status != t.status) {
    // Waiting on a third party is a pause of work in progress: an assigned
    // or reopened ticket starts first, as asking the requester does.
    if (m->set_status == Status::pending_third_party &&
        (t.status == Status::assigned || t.status == Status::reopened)) {
      t = work_.change_status_in(w, a, ticket_id, Status::in_progress);
    }
    t = work_.change_status_in(w, a, ticket_id, *m->set_status);
  }
  if (m->route_unit_id) t = work_.route_in(w, a, ticket_id, *m->route_unit_id, std::nullopt);
  return t;
}

}  // namespace guiche::app
