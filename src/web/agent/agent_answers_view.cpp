#include "web/agent/agent_answers_view.hpp"

#include "app/answers/answer_templates.hpp"
#include "app/answers/macros.hpp"
#include "app/directory/directory.hpp"
#include "app/tickets/ticket_work.hpp"

namespace guiche::web {
namespace {

nlohmann::json template_picker(const std::vector<AnswerTemplate>& found, const char* id,
                               const char* name, const std::string& label,
                               const std::string& none) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& t : found) items.push_back({{"id", std::to_string(t.id)}, {"titulo", t.title}});
  return {{"id_campo", id},         {"nome_campo", name}, {"rotulo", label},    {"itens", items},
          {"vazio", items.empty()}, {"nenhum", none},     {"tem_modelos", true}};
}

std::string template_title(WebContext& ctx, const Visitor& v, std::optional<std::int64_t> id) {
  if (!id) return "";
  try {
    return ctx.desk.answer_templates().get(v.actor, *id).title;
  } catch (const DomainError&) {
    return "#" + std::to_string(*id);
  }
}

}  // namespace

nlohmann::json answer_picker(WebContext& ctx, const Visitor& v, const std::string& search) {
  return template_picker(ctx.desk.answer_templates().offered(v.actor, TemplateKind::answer, search),
                         "resposta-padrao", "resposta", text(ctx, "respostas.resposta_padrao"),
                         text(ctx, "respostas.nenhuma_resposta"));
}

std::string macro_steps_text(WebContext& ctx, const Visitor& v, const TicketMacro& m) {
  std::vector<std::string> steps;
  if (m.reply_template_id) {
    steps.push_back(
        fill(text(ctx, "respostas.passo_resposta"), template_title(ctx, v, m.reply_template_id)));
  }
  if (m.minutes) {
    steps.push_back(fill(text(ctx, "respostas.passo_tempo"), std::to_string(*m.minutes)));
  }
  if (m.set_status == Status::resolved) {
    steps.push_back(
        fill(text(ctx, "respostas.passo_resolve"), template_title(ctx, v, m.solution_template_id)));
  } else if (m.set_status) {
    steps.push_back(fill(text(ctx, "respostas.passo_situacao"), status_text(ctx, *m.set_status)));
  }
  if (m.route_unit_id) {
    std::string unit = "#" + std::to_string(*m.route_unit_id);
    for (const auto& u : ctx.desk.directory().units(v.actor)) {
      if (u.id == *m.route_unit_id) unit = u.code;
    }
    steps.push_back(fill(text(ctx, "respostas.passo_encaminha"), unit));
  }
  std::string out;
  for (const auto& s : steps) out += (out.empty() ? "" : "; ") + s;
  return out;
}

nlohmann::json answers_view(WebContext& ctx, const Visitor& v, const Ticket& t,
                            const std::string& search) {
  nlohmann::json none = {{"tem_modelos", false}};
  nlohmann::json out = {{"respostas", none}, {"solucoes", none}, {"macros", {{"tem", false}}}};
  if (!status_is_open(t.status) || !app::is_staff(v.actor.person)) return out;
  // What the agent may not do to this ticket is not offered (admins see it only).
  const auto all = ctx.desk.directory().units(v.actor);
  if (!app::can_work_ticket(v.actor.person, t, all)) return out;
  out["respostas"] = answer_picker(ctx, v, search);
  out["respostas"]["busca"] = search;
  const auto solutions = ctx.desk.answer_templates().offered(v.actor, TemplateKind::solution, "");
  if (!solutions.empty()) {
    out["solucoes"] = template_picker(solutions, "solucao-padrao", "solucao_padrao",
                                      text(ctx, "respostas.solucao_padrao"), "");
  }
  nlohmann::json macros = nlohmann::json::array();
  for (const auto& m : ctx.desk.macros().offered(v.actor)) {
    macros.push_back(
        {{"id", std::to_string(m.id)}, {"nome", m.name}, {"passos", macro_steps_text(ctx, v, m)}});
  }
  out["macros"] = {{"itens", macros}, {"tem", !macros.empty()}};
  return out;
}

}  // namespace guiche::web
