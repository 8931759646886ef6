// The demo's answer templates, solution templates and macros (issue 19,
// item 2): shared ones the administrator keeps, and some of GESUP's and
// GESIN's units kept by their managers, so the ticket page's pickers, the
// macros and /atendimento/respostas have something real to show.
#include "app/answers/answer_templates.hpp"
#include "app/answers/macros.hpp"
#include "demo/demo_internal.hpp"

namespace guiche::demo {
namespace {

struct DemoTemplate {
  const char* key;
  TemplateKind kind;
  const char* unit;  // code, or nullptr: shared
  const char* title;
  const char* body;
};

const std::vector<DemoTemplate>& demo_templates() {
  static const std::vector<DemoTemplate> all = {
      {"recebido", TemplateKind::answer, nullptr, "Recebemos sua solicitação",
       "Olá, {{solicitante}}.\n\nRecebemos a SA {{protocolo}} ({{servico}}) e já estamos "
       "analisando. O prazo de atendimento é {{prazo}}.\n\nAtenciosamente,\n{{atendente}}\n"
       "Central de Serviços"},
      {"informacoes", TemplateKind::answer, nullptr, "Pedido de mais informações",
       "Olá, {{solicitante}}.\n\nPara darmos andamento à SA {{protocolo}}, precisamos de mais "
       "informações: descreva a mensagem de erro exibida e, se possível, anexe uma captura de "
       "tela.\n\nAtenciosamente,\n{{atendente}}"},
      {"senha", TemplateKind::answer, nullptr, "Senha redefinida",
       "Olá, {{solicitante}}.\n\nSua senha foi redefinida. Você receberá uma senha provisória "
       "por e-mail; no primeiro acesso o sistema pedirá que crie uma nova, com ao menos 10 "
       "caracteres.\n\nAtenciosamente,\n{{atendente}}"},
      {"terceiro", TemplateKind::answer, nullptr, "Aguardando fornecedor",
       "Olá, {{solicitante}}.\n\nA SA {{protocolo}} depende de um atendimento do fornecedor, "
       "que já foi acionado. Avisaremos assim que houver retorno.\n\nAtenciosamente,\n"
       "{{atendente}}"},
      {"visita", TemplateKind::answer, "SGSIN", "Visita técnica agendada",
       "Olá, {{solicitante}}.\n\nUm técnico da Subgerência de Suporte em Informática irá ao seu "
       "local de trabalho para atender a SA {{protocolo}}. Deixe o equipamento ligado e com "
       "acesso liberado.\n\nAtenciosamente,\n{{atendente}}"},
      {"acesso-sistema", TemplateKind::answer, "SGSIS", "Acesso ao sistema liberado",
       "Olá, {{solicitante}}.\n\nO acesso solicitado na SA {{protocolo}} foi liberado. Entre com "
       "o seu login de rede; se o perfil não aparecer, saia e entre de novo.\n\nAtenciosamente,\n"
       "{{atendente}}"},
      {"sol-senha", TemplateKind::solution, nullptr, "Senha redefinida",
       "Senha redefinida no diretório corporativo e senha provisória enviada ao e-mail "
       "cadastrado do solicitante."},
      {"sol-orientacao", TemplateKind::solution, nullptr, "Orientação prestada",
       "Orientação prestada ao solicitante; a dúvida foi esclarecida sem necessidade de "
       "intervenção técnica."},
      {"sol-equipamento", TemplateKind::solution, "SGSIN", "Equipamento reparado",
       "Equipamento reparado e testado no local; funcionamento normalizado."},
      {"sol-acesso", TemplateKind::solution, "SGSIS", "Acesso concedido",
       "Perfil de acesso concedido conforme solicitado e autorizado."},
  };
  return all;
}

}  // namespace

void create_answer_templates(World& w) {
  std::map<std::string, std::int64_t> ids;
  for (const auto& d : demo_templates()) {
    AnswerTemplate t;
    t.kind = d.kind;
    t.title = d.title;
    t.body = d.body;
    if (d.unit) t.unit_id = w.units.at(d.unit);
    // Shared ones are the administrator's; a unit's, its manager's (GESUP above SGSIN,
    // GESIN above SGSIS) where the demo has one with a login.
    const std::string keeper = d.unit && std::string(d.unit) == "SGSIS" ? "gerente" : "admin";
    ids[d.key] = w.desk.answer_templates().save(w.as(keeper), t).id;
    w.tick();
  }
  auto macro = [&](const char* name, std::optional<std::int64_t> reply,
                   std::optional<Status> status, std::optional<std::int64_t> solution,
                   std::optional<int> minutes, std::optional<std::int64_t> unit = std::nullopt) {
    TicketMacro m;
    m.name = name;
    m.reply_template_id = reply;
    m.set_status = status;
    m.solution_template_id = solution;
    m.minutes = minutes;
    m.unit_id = unit;
    w.desk.macros().save(w.as("admin"), m);
    w.tick();
  };
  macro("Senha redefinida — resolver", ids.at("senha"), Status::resolved, ids.at("sol-senha"), 10);
  macro("Pedir informações", ids.at("informacoes"), std::nullopt, std::nullopt, 5);
  macro("Aguardar fornecedor", ids.at("terceiro"), Status::pending_third_party, std::nullopt, 5);
  macro("Acesso liberado — resolver", ids.at("acesso-sistema"), Status::resolved,
        ids.at("sol-acesso"), 15, w.units.at("SGSIS"));
}

}  // namespace guiche::demo
