// Equipment custody on the pages, over HTTP (web/agent/agent_custody_pages.cpp):
// the ticket page's section "Equipamento" records an entry, a maintenance
// step and a return (PRG), a bad or refused form comes back by its field
// with nothing stored; the receipts carry both names, the equipment, the
// date and two signature lines, printable; the list shows what is held,
// oldest first, searchable by asset number; typed text is escaped.
#include <gmock/gmock.h>

#include "app/tickets/equipment_custody.hpp"
#include "app/tickets/ticket_work.hpp"
#include "support/web_server_test.hpp"

namespace guiche::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class CustodyPagesTest : public WebServerTest {
 protected:
  void SetUp() override {
    WebServerTest::SetUp();
    const auto t = register_sis(w.requester_seger, "Notebook não liga");
    ticket = desk->work().route(as(w.attendant), t.id, w.sgsis.id, w.analyst_sis.id);
    url = "/atendimento/chamados/" + ticket.protocol;
  }
  static std::string entry_form(const Browser& b, const std::string& asset,
                                const std::string& extra = "") {
    return "csrf=" + b.csrf + "&eq_patrimonio=" + asset +
           "&eq_tipo=Notebook&eq_marca_modelo=Dell+5420&eq_numero_serie=SN9"
           "&eq_estado=Tela+trincada&eq_acessorios=Carregador" +
           extra;
  }
  Ticket ticket;
  std::string url;
};

TEST_P(CustodyPagesTest, TheSectionRecordsEntryMaintenanceAndReturn) {
  const auto ana = sign_in(w.analyst_sis);
  auto page = get(ana, url);
  ASSERT_EQ(page.status, 200);
  EXPECT_THAT(page.body, HasSubstr("id=\"equipamento\""));
  EXPECT_THAT(page.body, HasSubstr("Nenhum equipamento registrado neste chamado."));
  EXPECT_THAT(page.body, HasSubstr("action=\"" + url + "/equipamento/entrada\""));
  EXPECT_THAT(page.body, Not(HasSubstr("/equipamento/devolucao\"")));

  auto r = post(ana, url + "/equipamento/entrada",
                entry_form(ana, "pat-1", "&eq_entregue_solicitante=sim"));
  ASSERT_EQ(r.status, 303) << r.body;
  EXPECT_EQ(r.headers["location"], url + "#equipamento");
  page = get(ana, url);
  EXPECT_THAT(page.body, HasSubstr("Notebook — Patrimônio PAT-1"));
  EXPECT_THAT(page.body, HasSubstr(w.requester_seger.name));
  EXPECT_THAT(page.body, HasSubstr("<option value=\"PAT-1\">PAT-1 — Notebook</option>"));
  EXPECT_THAT(page.body, HasSubstr("Entrada de equipamento"));  // the timeline

  r = post(ana, url + "/equipamento/manutencao",
           "csrf=" + ana.csrf + "&eqm_patrimonio=PAT-1&eqm_texto=Tela+trocada");
  ASSERT_EQ(r.status, 303) << r.body;
  r = post(ana, url + "/equipamento/devolucao",
           "csrf=" + ana.csrf + "&eqd_patrimonio=PAT-1&eqd_retirado_nome=Jo%C3%A3o+Retirante");
  ASSERT_EQ(r.status, 303) << r.body;
  page = get(ana, url);
  EXPECT_THAT(page.body, HasSubstr("Tela trocada"));
  EXPECT_THAT(page.body, HasSubstr("João Retirante"));
  EXPECT_THAT(page.body, HasSubstr(url + "/equipamento/"));
  EXPECT_THAT(page.body, HasSubstr("Recibo de devolução"));
  EXPECT_EQ(desk->custody().ticket_equipment(as(w.analyst_sis), ticket.id).size(), 1u);
}

TEST_P(CustodyPagesTest, ABadOrRefusedFormComesBackByItsFieldAndStoresNothing) {
  const auto ana = sign_in(w.analyst_sis);
  const auto events = count("ticket_events");
  // Nobody named as the one who delivered it.
  auto r = post(ana, url + "/equipamento/entrada", entry_form(ana, "PAT-1"));
  EXPECT_EQ(r.status, 422);
  EXPECT_THAT(r.body, HasSubstr("id=\"eq-entregue-erro\""));
  EXPECT_THAT(r.body, HasSubstr("quem entregou"));
  EXPECT_THAT(r.body, HasSubstr("value=\"PAT-1\""));  // what was typed, kept
  // No asset number.
  r = post(ana, url + "/equipamento/entrada", entry_form(ana, "+", "&eq_entregue_nome=Ana"));
  EXPECT_EQ(r.status, 422);
  EXPECT_THAT(r.body, HasSubstr("id=\"eq-patrimonio-erro\""));
  EXPECT_THAT(r.body, HasSubstr("href=\"#eq-patrimonio\""));  // in the summary on top
  // A return before any entry: the rule, a conflict.
  r = post(ana, url + "/equipamento/devolucao",
           "csrf=" + ana.csrf + "&eqd_patrimonio=PAT-1&eqd_retirado_nome=Ana");
  EXPECT_EQ(r.status, 409);
  EXPECT_THAT(r.body, HasSubstr("não está sob nossa guarda"));
  EXPECT_EQ(count("ticket_events"), events);
  EXPECT_EQ(count("equipment_custody"), 0);
  // Without the CSRF token: refused.
  r = post(ana, url + "/equipamento/entrada",
           "eq_patrimonio=P&eq_tipo=N&eq_estado=B&eq_entregue_nome=A");
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(count("equipment_custody"), 0);
}

TEST_P(CustodyPagesTest, ReceiptsCarryBothNamesTheEquipmentAndTwoSignatureLines) {
  app::EquipmentEntry e;
  e.asset_number = "PAT-7";
  e.kind = "Impressora <b>laser</b>";
  e.condition = "Atolando papel";
  e.delivered_by_name = "Carla & Filhos";
  desk->custody().record_entry(as(w.analyst_sis), ticket.id, e);
  const auto k = desk->custody().ticket_equipment(as(w.analyst_sis), ticket.id).front();
  const auto ana = sign_in(w.analyst_sis);
  const std::string base = url + "/equipamento/" + std::to_string(k.entry_seq);
  auto page = get(ana, base + "/entrada");
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_THAT(page.body, HasSubstr("Recibo de entrada de equipamento"));
  EXPECT_THAT(page.body, HasSubstr("Impressora &lt;b&gt;laser&lt;/b&gt;"));
  EXPECT_THAT(page.body, Not(HasSubstr("<b>laser</b>")));
  EXPECT_THAT(page.body, HasSubstr("Carla &amp; Filhos"));
  EXPECT_THAT(page.body, HasSubstr(w.analyst_sis.name));
  EXPECT_THAT(page.body, HasSubstr(ticket.protocol));
  EXPECT_THAT(page.body, HasSubstr("quem entregou"));
  EXPECT_THAT(page.body, HasSubstr("quem recebeu"));
  std::size_t lines = 0;
  for (auto at = page.body.find("linha-assinatura"); at != std::string::npos;
       at = page.body.find("linha-assinatura", at + 1)) {
    ++lines;
  }
  EXPECT_EQ(lines, 2u);
  EXPECT_THAT(page.body, HasSubstr("id=\"imprimir\""));
  EXPECT_THAT(page.body, HasSubstr("/custodia.css"));
  EXPECT_THAT(page.body, HasSubstr("/imprimir.js"));
  // No return yet: no return receipt.
  EXPECT_EQ(get(ana, base + "/devolucao").status, 404);
  EXPECT_EQ(get(ana, url + "/equipamento/999/entrada").status, 404);

  app::EquipmentReturn r;
  r.asset_number = "PAT-7";
  r.taken_by_id = w.requester_seger.id;
  desk->custody().record_return(as(w.analyst_sis), ticket.id, r);
  page = get(ana, base + "/devolucao");
  ASSERT_EQ(page.status, 200);
  EXPECT_THAT(page.body, HasSubstr("Recibo de devolução de equipamento"));
  EXPECT_THAT(page.body, HasSubstr(w.requester_seger.name));
  EXPECT_THAT(page.body, HasSubstr("quem retirou"));
  // Staff of another unit learn nothing.
  EXPECT_EQ(get(sign_in(w.analyst_dba), base + "/entrada").status, 404);
}

TEST_P(CustodyPagesTest, TheListShowsWhatIsHeldOldestFirstAndSearchesByAssetNumber) {
  const auto other = desk->work().route(as(w.attendant), register_sis(w.requester_seger).id,
                                        w.sgsis.id, std::nullopt);
  app::EquipmentEntry e;
  e.kind = "Notebook";
  e.condition = "Bom";
  e.delivered_by_name = "Ana";
  e.asset_number = "OLD-1";
  desk->custody().record_entry(as(w.analyst_sis), other.id, e);
  clock.advance(std::chrono::hours(30));
  e.asset_number = "NEW-2";
  desk->custody().record_entry(as(w.analyst_sis), ticket.id, e);
  clock.advance(std::chrono::hours(2));
  const auto ana = sign_in(w.analyst_sis);
  auto page = get(ana, "/atendimento/equipamentos");
  ASSERT_EQ(page.status, 200);
  EXPECT_THAT(page.body, HasSubstr("Equipamentos sob nossa guarda"));
  EXPECT_LT(page.body.find("OLD-1"), page.body.find("NEW-2"));
  EXPECT_THAT(page.body, HasSubstr("1 dia e 8 h"));
  EXPECT_THAT(page.body, HasSubstr("2 h"));
  page = get(ana, "/atendimento/equipamentos?patrimonio=new-2");
  ASSERT_EQ(page.status, 200);
  EXPECT_THAT(page.body, HasSubstr("Guardas do patrimônio NEW-2"));
  EXPECT_THAT(page.body, HasSubstr("NEW-2"));
  EXPECT_THAT(page.body, Not(HasSubstr("OLD-1")));
  page = get(ana, "/atendimento/equipamentos?patrimonio=%3Cscript%3E");
  EXPECT_THAT(page.body, HasSubstr("Nenhum registro deste patrimônio."));
  EXPECT_THAT(page.body, Not(HasSubstr("<script>")));
  // Another unit's analyst: an empty list; a requester: not an agent.
  EXPECT_THAT(get(sign_in(w.analyst_dba), "/atendimento/equipamentos").body,
              HasSubstr("Nenhum equipamento sob guarda."));
  EXPECT_NE(get(sign_in(w.requester_seger), "/atendimento/equipamentos").status, 200);
}

GUICHE_ON_BOTH_ENGINES(CustodyPagesTest);

}  // namespace
}  // namespace guiche::testing
