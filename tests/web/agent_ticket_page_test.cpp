// The agent's ticket page for work (issue 19, item 1): the conversation
// comes first (the main column), the attributes and actions beside it; an
// internal note says so in words; the requester's and organization's other
// open tickets, a bounded list; the order of the conversation chosen and
// kept; the channel a reply goes out on; files with a reply; and an action
// asked by htmx answers the page's element, not a redirect nor a whole page.
#include <gmock/gmock.h>

#include "app/attachments/attachments.hpp"
#include "app/tickets/ticket_reads.hpp"
#include "app/tickets/ticket_work.hpp"
#include "support/web_server_test.hpp"

namespace guiche::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// How many times `what` occurs in `text`.
std::size_t occurrences(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

// The part of `body` from `from` to `to` (both markers must be there).
std::string between(const std::string& body, const std::string& from, const std::string& to) {
  const auto start = body.find(from);
  const auto end = body.find(to, start);
  if (start == std::string::npos || end == std::string::npos) return "";
  return body.substr(start, end - start);
}

class AgentTicketPageTest : public WebServerTest {
 protected:
  void SetUp() override {
    WebServerTest::SetUp();
    t = register_sis(w.requester_seger, "Impressora sem imprimir");
    base = "/atendimento/chamados/" + t.protocol;
  }
  Ticket t;
  std::string base;
};

TEST_P(AgentTicketPageTest, TheConversationComesBeforeTheAttributesAndNotesSaySoInWords) {
  desk->work().add_internal_note(as(w.attendant), t.id, "Conferir o toner primeiro.");
  desk->work().reply(as(w.attendant), t.id, "Estamos verificando.");
  const auto page = get(sign_in(w.attendant), base);
  ASSERT_EQ(page.status, 200);
  const auto& b = page.body;
  const auto conversation = b.find("id=\"historico\"");
  const auto side = b.find("class=\"chamado-lateral\"");
  const auto summary = b.find("id=\"resumo\"");
  const auto triage = b.find("id=\"triagem\"");
  ASSERT_NE(conversation, std::string::npos);
  ASSERT_NE(side, std::string::npos);
  EXPECT_LT(conversation, side);
  EXPECT_LT(side, summary);
  EXPECT_LT(summary, triage);
  // The reply box and every message are in the main column.
  EXPECT_LT(b.find("id=\"form-mensagem\""), side);
  EXPECT_LT(b.find("Conferir o toner primeiro."), side);
  EXPECT_LT(b.find("Estamos verificando."), side);
  // The internal note: its own class (background) and the words "Nota interna".
  const auto note = between(b, "nota-interna", "</li>");
  ASSERT_FALSE(note.empty());
  EXPECT_THAT(note, HasSubstr("<span class=\"br-tag etiqueta-interna\">Nota interna"));
  EXPECT_THAT(note, HasSubstr("Conferir o toner primeiro."));
  // The public reply carries neither.
  const auto reply_at = b.find("Estamos verificando.");
  const auto reply = b.substr(b.rfind("<li", reply_at), reply_at - b.rfind("<li", reply_at));
  EXPECT_THAT(reply, HasSubstr("<li class=\" mensagem-conversa\">"));
  EXPECT_THAT(reply, Not(HasSubstr("Nota interna")));
  // The actions are disclosure panels, closed until opened.
  EXPECT_THAT(b, HasSubstr("<details class=\"painel-acao\" id=\"triagem\">"));
  EXPECT_THAT(b, HasSubstr("<details class=\"painel-acao\" id=\"encaminhar\">"));
  EXPECT_THAT(b, HasSubstr("hx-post=\"" + base + "/triagem\""));
}

TEST_P(AgentTicketPageTest, TheSideColumnShowsTheTicketsAttributes) {
  desk->work().assign(as(w.attendant), t.id, w.attendant.id);
  const auto b = get(sign_in(w.attendant), base).body;
  const auto side = b.substr(b.find("class=\"chamado-lateral\""));
  const auto current = desk->tickets().ticket(as(w.attendant), t.id);
  EXPECT_THAT(side, HasSubstr("id=\"situacao-atual\">Atribuído</span>"));
  EXPECT_THAT(side, HasSubstr("SIS-ACESSO — "));
  EXPECT_THAT(side, HasSubstr("<dt>Categoria</dt>"));
  // The priority with its severity's name, not a bare digit.
  EXPECT_THAT(side, HasSubstr("<span id=\"prioridade-atual\">" + std::to_string(current.priority) +
                              "</span> — <span id=\"severidade-atual\">"));
  EXPECT_THAT(side, HasSubstr("<dt>Unidade</dt>"));
  EXPECT_THAT(side, HasSubstr("id=\"responsavel-atual\">" + w.attendant.name + "</dd>"));
  // The SLA clock with what is left, rendered by the server.
  EXPECT_THAT(side, HasSubstr("class=\"relogio-ans\"><time datetime=\""));
  EXPECT_THAT(side, HasSubstr("<span class=\"restante\">faltam "));
  EXPECT_THAT(side, HasSubstr(w.requester_seger.name + " (maria@seger.es.gov.br)"));
  EXPECT_THAT(side, HasSubstr(w.seger.name));
  EXPECT_THAT(side, HasSubstr("id=\"vinculos\""));
  EXPECT_THAT(side, HasSubstr("id=\"comunicados\""));
  EXPECT_THAT(side, HasSubstr("Outros chamados abertos"));
}

TEST_P(AgentTicketPageTest, OtherOpenTicketsOfTheRequesterAndOrganizationAreBounded) {
  std::vector<Ticket> mine;
  for (int i = 0; i < 7; ++i) {
    clock.advance(std::chrono::minutes(1));
    mine.push_back(register_sis(w.requester_seger, "Pedido <b>" + std::to_string(i) + "</b>"));
  }
  desk->work().cancel(as(w.attendant), mine.back().id, "Duplicado.");
  const Ticket colleague = register_sis(w.manager_seger, "Pedido do gestor");
  const Ticket elsewhere = register_sis(w.requester_sesa, "Pedido de outro órgão");
  const auto b = get(sign_in(w.attendant), base).body;
  const auto of_requester = between(b, "id=\"outros-do-solicitante\"", "</ul>");
  // Seven others, one cancelled: the five most recent open ones, and "more".
  EXPECT_EQ(occurrences(of_requester, "<li>"), 5u);
  EXPECT_THAT(of_requester, Not(HasSubstr(mine[6].protocol)));  // cancelled
  EXPECT_THAT(of_requester, HasSubstr(mine[5].protocol));
  EXPECT_THAT(of_requester, HasSubstr(mine[1].protocol));
  EXPECT_THAT(of_requester, Not(HasSubstr(mine[0].protocol)));        // the sixth
  EXPECT_THAT(of_requester, Not(HasSubstr(">" + t.protocol + "<")));  // this one
  EXPECT_LT(of_requester.find(mine[5].protocol), of_requester.find(mine[1].protocol));
  EXPECT_THAT(b, HasSubstr("Há mais chamados abertos"));
  // The subjects are text, never markup.
  EXPECT_THAT(of_requester, HasSubstr("Pedido &lt;b&gt;5&lt;/b&gt;"));
  // The organization's, by other requesters only.
  const auto of_organization = between(b, "id=\"outros-do-orgao\"", "</ul>");
  EXPECT_THAT(of_organization, HasSubstr(colleague.protocol));
  EXPECT_THAT(of_organization, Not(HasSubstr(mine[5].protocol)));
  EXPECT_THAT(b, Not(HasSubstr(elsewhere.protocol)));
}

TEST_P(AgentTicketPageTest, TheListsKeepToWhatTheAgentMaySee) {
  // Fernanda (SGSIS) sees her unit's tickets: another of the requester's,
  // still with the central, is not hers to see.
  desk->work().route(as(w.attendant), t.id, w.sgsis.id, std::nullopt);
  const Ticket unrouted = register_sis(w.requester_seger, "Ainda na central");
  const auto as_analyst = get(sign_in(w.analyst_sis), base);
  ASSERT_EQ(as_analyst.status, 200);
  EXPECT_THAT(as_analyst.body, Not(HasSubstr(unrouted.protocol)));
  EXPECT_THAT(get(sign_in(w.attendant), base).body, HasSubstr(unrouted.protocol));
}

TEST_P(AgentTicketPageTest, TakeIsOfferedToWhoeverMayTakeTheTicket) {
  const std::string take = "id=\"botao-atribuir-a-mim\"";
  // In the central, with nobody: the attendant may take it.
  EXPECT_THAT(get(sign_in(w.attendant), base).body, HasSubstr(take));
  // Routed to SGSIS: its analyst may, the central's attendant may not (not of the unit).
  desk->work().route(as(w.attendant), t.id, w.sgsis.id, std::nullopt);
  EXPECT_THAT(get(sign_in(w.attendant), base).body, Not(HasSubstr(take)));
  const auto fernanda = sign_in(w.analyst_sis);
  EXPECT_THAT(get(fernanda, base).body, HasSubstr(take));
  // Once hers, not again.
  desk->work().assign(as(w.analyst_sis), t.id, w.analyst_sis.id);
  EXPECT_THAT(get(fernanda, base).body, Not(HasSubstr(take)));
}

TEST_P(AgentTicketPageTest, TheOrderOfTheConversationIsChosenAndKept) {
  desk->work().add_internal_note(as(w.attendant), t.id, "Primeira nota.");
  clock.advance(std::chrono::minutes(5));
  desk->work().add_internal_note(as(w.attendant), t.id, "Segunda nota.");
  const auto carlos = sign_in(w.attendant);
  auto b = get(carlos, base).body;
  EXPECT_LT(b.find("Primeira nota."), b.find("Segunda nota."));  // oldest first by default
  EXPECT_THAT(b, HasSubstr("?ordem=antigas#historico\" aria-current=\"true\""));
  // Oldest first: the reply box after the conversation.
  EXPECT_LT(b.find("Segunda nota."), b.find("id=\"form-mensagem\""));

  const auto newest =
      http_request(port, "GET", base + "?ordem=recentes", {{"Cookie", carlos.cookie}});
  ASSERT_EQ(newest.status, 200);
  EXPECT_LT(newest.body.find("Segunda nota."), newest.body.find("Primeira nota."));
  EXPECT_LT(newest.body.find("id=\"form-mensagem\""), newest.body.find("Segunda nota."));
  ASSERT_EQ(newest.set_cookies.size(), 1u);
  EXPECT_THAT(newest.set_cookies[0], HasSubstr("ordem_conversa=recentes; Path=/atendimento"));
  // Remembered: the cookie keeps the order on the next visit.
  b = http_request(port, "GET", base, {{"Cookie", carlos.cookie + "; ordem_conversa=recentes"}})
          .body;
  EXPECT_LT(b.find("Segunda nota."), b.find("Primeira nota."));
  // Anything else in the query keeps the default.
  EXPECT_TRUE(http_request(port, "GET", base + "?ordem=outra", {{"Cookie", carlos.cookie}})
                  .set_cookies.empty());
}

TEST_P(AgentTicketPageTest, TheReplyBoxSaysWhichChannelTheReplyGoesOutOn) {
  const auto b = get(sign_in(w.attendant), base).body;
  const auto line = between(b, "id=\"canal-resposta\"", "</p>");
  EXPECT_THAT(line, HasSubstr("e-mail e portal"));
  EXPECT_THAT(line, HasSubstr("Enviada para maria@seger.es.gov.br e visível no portal."));
  // Someone with no e-mail and no phone: the portal only.
  database->db().write([&](store::Connection& c) {
    c.query("DELETE FROM person_emails WHERE person_id = ?", {w.requester_seger.id});
    c.query("UPDATE people SET phone = NULL WHERE id = ?", {w.requester_seger.id});
  });
  const auto none = get(sign_in(w.attendant), base).body;
  EXPECT_THAT(between(none, "id=\"canal-resposta\"", "</p>"), HasSubstr("somente portal"));
}

TEST_P(AgentTicketPageTest, AFileGoesWithTheReply) {
  const auto carlos = sign_in(w.attendant);
  const std::string boundary = "----guiche";
  auto part = [&](const std::string& name, const std::string& value) {
    return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" +
           value + "\r\n";
  };
  const std::string body = part("csrf", carlos.csrf) + part("texto", "Segue o manual.") +
                           part("tipo", "publica") + "--" + boundary +
                           "\r\nContent-Disposition: form-data; name=\"anexos\"; "
                           "filename=\"manual.pdf\"\r\nContent-Type: application/pdf\r\n\r\n"
                           "%PDF-1.4 manual\r\n--" +
                           boundary + "--\r\n";
  const auto r = http_request(
      port, "POST", base + "/mensagem",
      {{"Cookie", carlos.cookie}, {"Content-Type", "multipart/form-data; boundary=" + boundary}},
      body);
  ASSERT_EQ(r.status, 303) << r.body;
  const auto page = get(carlos, base).body;
  EXPECT_THAT(page, HasSubstr("Segue o manual."));
  EXPECT_THAT(page, HasSubstr("\">manual.pdf</a>"));
  const auto files = desk->attachments().attachments(as(w.attendant), t.id);
  ASSERT_EQ(files.size(), 1u);
  EXPECT_TRUE(files[0].is_public);
}

TEST_P(AgentTicketPageTest, HtmxGetsTheFragmentAndAPlainFormARedirect) {
  const auto carlos = sign_in(w.attendant);
  const auto form = "csrf=" + carlos.csrf + "&minutos=15&descricao=Troca+do+toner";
  // Without JavaScript: 303 back to the ticket, as before.
  const auto plain = post(carlos, base + "/tempo", form);
  ASSERT_EQ(plain.status, 303);
  EXPECT_EQ(plain.reason, "See Other");
  EXPECT_EQ(plain.headers.at("location"), base + "#tempo");
  // From htmx: the page's element alone, with the change and the panel open.
  const std::vector<std::pair<std::string, std::string>> htmx = {
      {"Cookie", carlos.cookie},
      {"Content-Type", "application/x-www-form-urlencoded"},
      {"HX-Request", "true"}};
  const auto r = http_request(port, "POST", base + "/tempo", htmx, form);
  ASSERT_EQ(r.status, 200);
  EXPECT_THAT(r.headers.at("content-type"), HasSubstr("text/html"));
  EXPECT_EQ(r.body.find("<div id=\"chamado\""), 0u) << r.body.substr(0, 200);
  EXPECT_THAT(r.body, Not(HasSubstr("<html")));
  EXPECT_THAT(r.body, Not(HasSubstr("<header")));
  EXPECT_THAT(r.body, HasSubstr("<details class=\"painel-acao\" id=\"tempo\" open>"));
  EXPECT_THAT(r.body, HasSubstr("30 min"));  // both entries: the total
  EXPECT_THAT(r.body, HasSubstr("name=\"csrf\" value=\"" + carlos.csrf + "\""));
  // Triage says what it did in the fragment too.
  const auto triaged = http_request(
      port, "POST", base + "/triagem", htmx,
      "csrf=" + carlos.csrf + "&servico=SIS-ACESSO&categoria=service_request&impacto=1&urgencia=1");
  ASSERT_EQ(triaged.status, 200);
  EXPECT_THAT(triaged.body, HasSubstr("Triagem registrada: prioridade 1 (Crítica)."));
  // An invalid form: the fragment with the error by its field (422), nothing saved.
  const auto bad = http_request(port, "POST", base + "/tempo", htmx, "csrf=" + carlos.csrf);
  ASSERT_EQ(bad.status, 422);
  EXPECT_EQ(bad.body.find("<div id=\"chamado\""), 0u);
  EXPECT_THAT(bad.body, HasSubstr("id=\"minutos-erro\""));
  EXPECT_THAT(bad.body, HasSubstr("<details class=\"painel-acao\" id=\"tempo\" open>"));
  EXPECT_EQ(desk->tickets().ticket(as(w.attendant), t.id).time_spent_minutes, 30);
  // Without the CSRF token, nothing, from htmx too.
  EXPECT_EQ(http_request(port, "POST", base + "/tempo", htmx, "minutos=5").status, 403);
}

TEST_P(AgentTicketPageTest, RoutedOutOfSightHtmxIsSentToThePage) {
  // The analyst of SGSIS routes the ticket to SGDBA, which she does not see.
  desk->work().route(as(w.attendant), t.id, w.sgsis.id, std::nullopt);
  const auto fernanda = sign_in(w.analyst_sis);
  const auto r = http_request(port, "POST", base + "/encaminhar",
                              {{"Cookie", fernanda.cookie},
                               {"Content-Type", "application/x-www-form-urlencoded"},
                               {"HX-Request", "true"}},
                              "csrf=" + fernanda.csrf + "&unidade=" + std::to_string(w.sgdba.id));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.headers.at("hx-redirect"), base + "?feito=encaminhar#encaminhar");
}

TEST_P(AgentTicketPageTest, ALongHistoryShowsItsLatestEventsAndTheRestALinkAway) {
  for (int i = 0; i < 200; ++i) {
    desk->work().add_internal_note(
        as(w.attendant), t.id,
        "Nota " + std::to_string(i) +
            ": verificado o equipamento e o cadastro do solicitante, sem novidade alguma.");
  }
  const auto carlos = sign_in(w.attendant);
  const auto b = get(carlos, base).body;
  const auto list = between(b, "id=\"conversa\"", "</ol>");
  EXPECT_EQ(occurrences(list, "<li class="), 100u);
  EXPECT_THAT(list, HasSubstr("Nota 199:"));
  EXPECT_THAT(list, HasSubstr("Nota 100:"));
  EXPECT_THAT(list, Not(HasSubstr("Nota 99:")));
  // 201 events (the registration too): 101 a link away, before the list.
  EXPECT_THAT(b, HasSubstr("<a href=\"" + base +
                           "?historico=tudo#conversa\">Mostrar os 101 eventos anteriores</a>"));
  EXPECT_LT(b.find("Mostrar os 101"), b.find("id=\"conversa\""));
  // Within the page-weight budget (100 KB of HTML and app.css, itself ~20 KB).
  EXPECT_LT(b.size(), 80u * 1024);
  // The whole history when asked for.
  const auto all = get(carlos, base + "?historico=tudo").body;
  EXPECT_EQ(occurrences(between(all, "id=\"conversa\"", "</ol>"), "<li class="), 201u);
  EXPECT_THAT(all, Not(HasSubstr("eventos anteriores")));
}

TEST_P(AgentTicketPageTest, KeyboardShortcutsAreListedOnTheTicketAndTheQueue) {
  const auto carlos = sign_in(w.attendant);
  for (const std::string& target : {base, std::string("/atendimento")}) {
    const auto b = get(carlos, target).body;
    const auto list = between(b, "<dialog id=\"atalhos\"", "</dialog>");
    ASSERT_FALSE(list.empty()) << target;
    EXPECT_THAT(list, HasSubstr("Atalhos de teclado"));
    for (const std::string key : {"j", "k", "f", "a", "r", "n", "s", "?"}) {
      EXPECT_THAT(list, HasSubstr("<kbd>" + key + "</kbd>")) << key;
    }
    EXPECT_THAT(list, HasSubstr("Resolver o chamado"));
    EXPECT_THAT(b, HasSubstr("aria-keyshortcuts=\"?\""));
    EXPECT_THAT(b, HasSubstr("/atalhos.js\" defer></script>"));
  }
  // The script leaves the keys typed in a form field to the field.
  const auto page = get(carlos, base).body;
  const auto at = page.find("src=\"", page.find("atalhos.js") - 60);
  const auto script =
      http_request(port, "GET", page.substr(at + 5, page.find('"', at + 5) - at - 5));
  ASSERT_EQ(script.status, 200);
  EXPECT_THAT(script.body, HasSubstr("/^(INPUT|TEXTAREA|SELECT)$/"));
  EXPECT_THAT(script.body, HasSubstr("if (typing(event.target)) return;"));
}

GUICHE_ON_BOTH_ENGINES(AgentTicketPageTest);

}  // namespace
}  // namespace guiche::testing
