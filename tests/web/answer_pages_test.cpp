// The answer tools on the agent's pages (issue 19, items 2 and 4), without
// JavaScript: the reply box's template picker (searched as typed, a template
// filled into the reply with its text escaped), the solution picker, "Aplicar
// macro" answering and resolving in one post, the queue's checkboxes and
// bulk bar naming the tickets skipped, and the pages that keep templates and
// macros, for admins and unit managers only.
#include <gmock/gmock.h>

#include "app/answers/answer_templates.hpp"
#include "app/answers/macros.hpp"
#include "app/tickets/ticket_reads.hpp"
#include "app/tickets/ticket_work.hpp"
#include "support/web_server_test.hpp"

namespace guiche::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class AnswerPagesTest : public WebServerTest {
 protected:
  AnswerTemplate save(TemplateKind kind, const std::string& title, const std::string& body) {
    AnswerTemplate t;
    t.kind = kind;
    t.title = title;
    t.body = body;
    return desk->answer_templates().save(as(w.admin), t);
  }
  Ticket at_sgsis(const std::string& subject = "Acesso ao SIGEFES") {
    return desk->work().route(as(w.attendant), register_sis(w.requester_seger, subject).id,
                              w.sgsis.id, w.analyst_sis.id);
  }
};

TEST_P(AnswerPagesTest, TheReplyBoxOffersTemplatesFilledFromTheTicketWithoutJavaScript) {
  const auto reply = save(TemplateKind::answer, "Senha redefinida",
                          "Olá, {{solicitante}} <b>&</b> SA {{protocolo}}.");
  save(TemplateKind::answer, "Visita técnica", "Iremos ao local.");
  const auto solution = save(TemplateKind::solution, "Senha trocada", "Trocada por {{atendente}}.");
  const auto t = at_sgsis();
  const auto sofia = sign_in(w.analyst_sis);
  const std::string base = "/atendimento/chamados/" + t.protocol;
  auto page = get(sofia, base);
  ASSERT_EQ(page.status, 200);
  EXPECT_THAT(page.body, HasSubstr("id=\"form-resposta-padrao\""));
  EXPECT_THAT(page.body, HasSubstr("<label for=\"busca-resposta\">Buscar resposta padrão</label>"));
  EXPECT_THAT(page.body, HasSubstr(">Senha redefinida</option>"));
  EXPECT_THAT(page.body, HasSubstr("id=\"form-solucao-padrao\""));
  // Chosen without JavaScript: the page comes back with the reply filled in, escaped.
  page = get(sofia, base + "?resposta=" + std::to_string(reply.id));
  ASSERT_EQ(page.status, 200);
  EXPECT_THAT(page.body, HasSubstr("Olá, Maria Solicitante &lt;b&gt;&amp;&lt;/b&gt; SA " +
                                   t.protocol + ".</textarea>"));
  page = get(sofia, base + "?solucao_padrao=" + std::to_string(solution.id));
  EXPECT_THAT(page.body, HasSubstr("Trocada por Sofia Analista.</textarea>"));
  EXPECT_THAT(page.body, HasSubstr("id=\"resolver\" open"));
  // Typed words narrow the picker (the fragment htmx swaps in), accents aside.
  auto picker = get(sofia, base + "/respostas-padrao?busca=TECNICA");
  ASSERT_EQ(picker.status, 200);
  EXPECT_THAT(picker.body, HasSubstr(">Visita técnica</option>"));
  EXPECT_THAT(picker.body, Not(HasSubstr("Senha redefinida")));
  picker = get(sofia, base + "/respostas-padrao?busca=nada-disso");
  EXPECT_THAT(picker.body, HasSubstr("<option value=\"\">Nenhuma resposta padrão encontrada"));
  // The text for the script, plain; another unit's analyst gets nothing.
  auto filled = get(sofia, base + "/respostas-padrao/" + std::to_string(reply.id));
  EXPECT_EQ(filled.status, 200);
  EXPECT_EQ(filled.body, "Olá, Maria Solicitante <b>&</b> SA " + t.protocol + ".");
  EXPECT_THAT(filled.headers["content-type"], HasSubstr("text/plain"));
  EXPECT_EQ(
      get(sign_in(w.analyst_dba), base + "/respostas-padrao/" + std::to_string(reply.id)).status,
      404);
}

TEST_P(AnswerPagesTest, AMacroAnswersAndResolvesATicketInOnePost) {
  const auto reply = save(TemplateKind::answer, "Senha redefinida", "Olá, {{solicitante}}.");
  const auto solution = save(TemplateKind::solution, "Senha redefinida", "Senha redefinida.");
  TicketMacro m;
  m.name = "Senha redefinida — resolver";
  m.reply_template_id = reply.id;
  m.set_status = Status::resolved;
  m.solution_template_id = solution.id;
  m.minutes = 10;
  m = desk->macros().save(as(w.admin), m);
  const auto t = at_sgsis();
  const auto sofia = sign_in(w.analyst_sis);
  const std::string base = "/atendimento/chamados/" + t.protocol;
  auto page = get(sofia, base);
  EXPECT_THAT(page.body, HasSubstr("<summary>Aplicar macro</summary>"));
  EXPECT_THAT(page.body, HasSubstr("responde com “Senha redefinida”; aponta 10 min; resolve com "
                                   "“Senha redefinida”"));
  auto r =
      post(sofia, base + "/aplicar-macro", "csrf=" + sofia.csrf + "&macro=" + std::to_string(m.id));
  ASSERT_EQ(r.status, 303) << r.body;
  EXPECT_EQ(r.headers["location"], base + "?feito=aplicar-macro#historico");
  EXPECT_EQ(desk->tickets().ticket(as(w.admin), t.id).status, Status::resolved);
  page = get(sofia, base + "?feito=aplicar-macro");
  EXPECT_THAT(page.body, HasSubstr("Macro aplicada: o histórico mostra cada passo."));
  EXPECT_THAT(page.body, HasSubstr("Macro aplicada</strong>"));
  // Once resolved, the macro is not offered; applying it anyway says why, by the macro.
  r = post(sofia, base + "/aplicar-macro", "csrf=" + sofia.csrf + "&macro=" + std::to_string(m.id));
  EXPECT_EQ(r.status, 409);
  EXPECT_THAT(r.body, HasSubstr("O chamado não está em aberto."));
}

TEST_P(AnswerPagesTest, TheQueueSelectsTicketsAndTheBulkPageNamesWhatItSkipped) {
  const auto a = register_sis(w.requester_seger, "Um");
  const auto b = register_sis(w.requester_seger, "Dois");
  const auto carlos = sign_in(w.attendant);
  const auto queue = get(carlos, "/atendimento?fila=sem-responsavel");
  ASSERT_EQ(queue.status, 200);
  EXPECT_THAT(queue.body, HasSubstr("id=\"form-lote\""));
  EXPECT_THAT(queue.body, HasSubstr("form=\"form-lote\" name=\"chamado_" + std::to_string(a.id) +
                                    "\" value=\"1\" id=\"selecionar-" + std::to_string(a.id) +
                                    "\" aria-label=\"Selecionar o chamado " + a.protocol + "\""));
  EXPECT_THAT(queue.body, HasSubstr("aria-label=\"Selecionar todos os chamados desta página\""));
  // Routes both; a third, unknown, is named as skipped.
  auto r = post(carlos, "/atendimento/lote",
                "csrf=" + carlos.csrf + "&acao=encaminhar&unidade=" + std::to_string(w.sgsis.id) +
                    "&chamado_" + std::to_string(a.id) + "=1&chamado_" + std::to_string(b.id) +
                    "=1&chamado_987654=1&voltar=%2Fatendimento%3Ffila%3Dsem-responsavel");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_THAT(r.body, HasSubstr("2 de 3 chamados alterados."));
  EXPECT_THAT(r.body, HasSubstr("chamado nº 987654: Chamado não encontrado."));
  EXPECT_THAT(r.body, HasSubstr("href=\"/atendimento?fila=sem-responsavel\""));
  EXPECT_EQ(desk->tickets().ticket(as(w.admin), a.id).unit_id, w.sgsis.id);
  // The analyst of SGDBA changes none of SGSIS's: each is named, with why.
  const auto diego = sign_in(w.analyst_dba);
  r = post(diego, "/atendimento/lote",
           "csrf=" + diego.csrf + "&acao=situacao&situacao=in_progress&chamado_" +
               std::to_string(a.id) + "=1");
  EXPECT_THAT(r.body, HasSubstr("0 de 1 chamados alterados."));
  // Nothing chosen: said so, nothing done.
  r = post(carlos, "/atendimento/lote", "csrf=" + carlos.csrf + "&acao=atribuir-a-mim");
  EXPECT_EQ(r.status, 422);
  EXPECT_THAT(r.body, HasSubstr("Escolha ao menos um chamado."));
  r = post(carlos, "/atendimento/lote", "csrf=wrong&acao=atribuir-a-mim&chamado_1=1");
  EXPECT_EQ(r.status, 403);
}

TEST_P(AnswerPagesTest, AdminsAndUnitManagersKeepTemplatesAndMacros) {
  const auto gustavo = sign_in(w.manager_gesin);
  auto page = get(gustavo, "/atendimento/respostas");
  ASSERT_EQ(page.status, 200);
  EXPECT_THAT(page.body, HasSubstr("Nenhuma resposta padrão ainda."));
  EXPECT_THAT(get(gustavo, "/atendimento").body, HasSubstr("href=\"/atendimento/respostas\""));
  page = get(gustavo, "/atendimento/respostas/nova");
  // The manager's units only: no shared option.
  EXPECT_THAT(page.body, Not(HasSubstr("Compartilhada (todas as unidades)")));
  auto r = post(gustavo, "/atendimento/respostas/nova",
                "csrf=" + gustavo.csrf + "&tipo=answer&unidade=" + std::to_string(w.sgsis.id) +
                    "&titulo=Acesso+liberado&texto=Ol%C3%A1%2C+%7B%7Bsolicitante%7D%7D.&ativa=sim");
  ASSERT_EQ(r.status, 303) << r.body;
  EXPECT_THAT(get(gustavo, "/atendimento/respostas").body, HasSubstr(">Acesso liberado</a>"));
  // A bad field: by the field, nothing kept.
  r = post(gustavo, "/atendimento/respostas/nova",
           "csrf=" + gustavo.csrf + "&tipo=answer&unidade=" + std::to_string(w.sgsis.id) +
               "&titulo=Errado&texto=%7B%7Bnome%7D%7D&ativa=sim");
  EXPECT_EQ(r.status, 422);
  EXPECT_THAT(r.body, HasSubstr("campo desconhecido"));
  EXPECT_EQ(count("answer_templates"), 1);
  r = post(gustavo, "/atendimento/macros/nova",
           "csrf=" + gustavo.csrf + "&nome=Apontar&unidade=" + std::to_string(w.sgsis.id) +
               "&minutos=15&ativa=sim");
  ASSERT_EQ(r.status, 303) << r.body;
  EXPECT_THAT(get(gustavo, "/atendimento/respostas").body, HasSubstr("aponta 15 min"));
  // Analysts and attendants use them, they do not keep them.
  EXPECT_EQ(get(sign_in(w.analyst_sis), "/atendimento/respostas").status, 403);
  EXPECT_EQ(get(sign_in(w.attendant), "/atendimento/macros/nova").status, 403);
}

GUICHE_ON_BOTH_ENGINES(AnswerPagesTest);

}  // namespace
}  // namespace guiche::testing
