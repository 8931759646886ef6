// The public Carta de Serviços (/carta, /carta/servicos/{code}, /carta.json,
// /carta.csv) without sign-in: every field of Lei 13.460 art. 7 for every
// public service, the maximum deadline the SLA engine gives (and a changed
// policy changes it), hidden and inactive services absent, the search
// accent-insensitive, the measured figures, and the header an admin edits.
#include <gmock/gmock.h>

#include "app/charter/charter.hpp"
#include "app/directory/directory.hpp"
#include "app/intake/intake.hpp"
#include "app/sla/sla_admin.hpp"
#include "app/tickets/ticket_reads.hpp"
#include "support/charter_labels.hpp"
#include "support/web_server_test.hpp"
#include "web/page.hpp"

namespace guiche::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class CharterPagesTest : public WebServerTest {
 protected:
  HttpResult anonymous(const std::string& target) { return http_request(port, "GET", target); }
  std::vector<Service> public_services() {
    auto all = desk->directory().services(as(w.admin));
    std::erase_if(all, [](const Service& s) { return !s.is_public || !s.active; });
    return all;
  }
  // The resolution target of a ticket of `code` as the SLA engine keeps it.
  std::string engine_resolution(const std::string& code) {
    app::RegisterRequest r;
    r.requester_id = w.citizen.id;
    r.service_code = code;
    r.subject = "Teste";
    r.description = "Teste do prazo da carta.";
    const auto t = desk->intake().register_request(as(w.citizen), r);
    const auto timeline = desk->tickets().ticket_sla(as(w.admin), t.id);
    for (const auto& c : timeline.targets) {
      if (c.target == sla::Target::resolution) return sla::duration_text_pt(c.duration);
    }
    return "";
  }
};

TEST_P(CharterPagesTest, EveryPublicServiceShowsEveryArt7FieldInOrderWithoutSignIn) {
  Service full = w.servants;
  full.who_may_use = "Servidores dos órgãos atendidos.";
  full.stages = {"Identificação da demanda", "Execução <com> cuidado"};
  full.max_deadline = "Depende da disponibilidade de componentes.";
  desk->directory().update_service(as(w.admin), full);

  const auto index = anonymous("/carta");
  ASSERT_EQ(index.status, 200) << index.body;
  for (const auto& s : public_services()) {
    EXPECT_THAT(index.body, HasSubstr(s.name));
    const auto page = anonymous("/carta/servicos/" + web::url_encode(s.code));
    ASSERT_EQ(page.status, 200) << s.code;
    std::size_t at = 0;
    for (const auto& label : kArt7Labels) {
      const auto found = page.body.find(label, at);
      ASSERT_NE(found, std::string::npos) << s.code << ": " << label << " missing or out of order";
      at = found;
    }
    EXPECT_THAT(page.body, HasSubstr("Solicitar este serviço"));
  }
  const auto page = anonymous("/carta/servicos/EMAIL-INST");
  EXPECT_THAT(page.body, HasSubstr("Execução &lt;com&gt; cuidado"));
  EXPECT_THAT(page.body, Not(HasSubstr("<com>")));
  EXPECT_THAT(page.body, HasSubstr("Depende da disponibilidade de componentes."));
}

TEST_P(CharterPagesTest, TheDeadlineIsTheSlaEnginesAndFollowsAPolicyChange) {
  // SUP-TEC is a technical consultation: the federal category's policy.
  const auto engine = engine_resolution("SUP-TEC");
  ASSERT_EQ(engine, "2 horas corridas");
  EXPECT_THAT(anonymous("/carta/servicos/SUP-TEC").body, HasSubstr(engine));
  // A service request depends on the priority: the severity table (seed 004).
  const auto sis = anonymous("/carta/servicos/SIS-ACESSO").body;
  for (const char* d : {"6 horas úteis", "16 horas úteis", "10 dias úteis", "20 dias úteis"}) {
    EXPECT_THAT(sis, HasSubstr(d));
  }
  EXPECT_THAT(anonymous("/carta/servicos/PROJ-SIS").body, HasSubstr("A combinar"));

  auto config = sla::to_json(desk->sla().sla_configuration(as(w.admin)));
  for (auto& p : config["policies"]) {
    if (p["code"] == "consulta-tecnica")
      p["resolution"] = {{"unit", "calendar-hours"}, {"amount", 3}};
  }
  desk->sla().update_sla_configuration(as(w.admin), config);
  EXPECT_EQ(engine_resolution("SUP-TEC"), "3 horas corridas");
  EXPECT_THAT(anonymous("/carta/servicos/SUP-TEC").body, HasSubstr("3 horas corridas"));
  const auto j = anonymous("/carta.json").json();
  for (const auto& s : j["servicos"]) {
    if (s["sigla"] == "SUP-TEC") {
      EXPECT_EQ(s["tempoTotalEstimado"]["max"], 3);
      EXPECT_EQ(s["tempoTotalEstimado"]["unidade"], "calendar-hours");
    }
  }
}

TEST_P(CharterPagesTest, HiddenAndInactiveServicesAreAbsent) {
  Service hidden = w.servants;
  hidden.is_public = false;
  desk->directory().update_service(as(w.admin), hidden);
  Service off = w.project;
  off.active = false;
  desk->directory().update_service(as(w.admin), off);
  const auto index = anonymous("/carta").body;
  EXPECT_THAT(index, Not(HasSubstr("E-mail institucional")));
  EXPECT_THAT(index, Not(HasSubstr("Projeto de sistema")));
  EXPECT_EQ(anonymous("/carta/servicos/EMAIL-INST").status, 404);
  EXPECT_EQ(anonymous("/carta/servicos/PROJ-SIS").status, 404);
  EXPECT_THAT(anonymous("/carta.json").body, Not(HasSubstr("EMAIL-INST")));
  EXPECT_THAT(anonymous("/carta.csv").body, Not(HasSubstr("PROJ-SIS")));
}

TEST_P(CharterPagesTest, JsonAndCsvCarryEveryFieldForEveryService) {
  const auto services = public_services();
  const auto r = anonymous("/carta.json");
  ASSERT_EQ(r.status, 200);
  EXPECT_THAT(r.headers.at("content-type"), HasSubstr("application/json"));
  const auto j = r.json();
  ASSERT_TRUE(j.contains("unidade"));
  ASSERT_EQ(j["servicos"].size(), services.size());
  for (const auto& s : j["servicos"]) {
    for (const char* key :
         {"sigla", "nome", "nomesPopulares", "descricao", "solicitantes", "documentosNecessarios",
          "etapas", "custo", "tempoTotalEstimado", "canaisDeAcesso", "canaisDeComunicacao",
          "canaisDeManifestacao", "compromissoDeAtendimento", "orgao", "resultados"}) {
      EXPECT_TRUE(s.contains(key)) << key;
    }
    EXPECT_TRUE(s["tempoTotalEstimado"].contains("descricao"));
  }
  const auto csv = anonymous("/carta.csv");
  ASSERT_EQ(csv.status, 200);
  EXPECT_THAT(csv.headers.at("content-type"), HasSubstr("text/csv; charset=utf-8"));
  std::vector<std::string> lines;
  for (std::size_t at = 0; at < csv.body.size();) {
    const auto end = csv.body.find("\r\n", at);
    lines.push_back(csv.body.substr(at, end - at));
    at = end + 2;
  }
  ASSERT_EQ(lines.size(), services.size() + 1);
  EXPECT_EQ(lines[0],
            "codigo,nome,nomes_populares,unidade,o_que_e,quem_pode_utilizar,documentos_necessarios,"
            "etapas,custo,"
            "prazo_maximo,canais_de_acesso,canais_de_comunicacao,canais_de_manifestacao,"
            "compromisso");
  EXPECT_THAT(csv.body, HasSubstr("Solicitar Suporte de Tecnologia"));
}

TEST_P(CharterPagesTest, TheSearchIgnoresAccentsAndCaseAndKnowsCodes) {
  auto body = anonymous("/carta?q=PROJ%C3%89TO").body;  // "PROJÉTO"
  EXPECT_THAT(body, HasSubstr("Projeto de sistema"));
  EXPECT_THAT(body, Not(HasSubstr("Acesso a sistemas corporativos</a>")));
  body = anonymous("/carta?q=sup+tec").body;
  EXPECT_THAT(body, HasSubstr("Solicitar Suporte de Tecnologia"));
  EXPECT_THAT(body, HasSubstr("servico exato"));
}

TEST_P(CharterPagesTest, PopularNamesAreSearchedShownAndExported) {
  Service s = w.servants;
  s.popular_names = {"Webmail", "Caixa postal"};
  desk->directory().update_service(as(w.admin), s);
  for (const char* q : {"caixa+postal", "WEBM%C3%81IL"}) {  // "WEBMÁIL"
    const auto body = anonymous(std::string("/carta?q=") + q).body;
    EXPECT_THAT(body, HasSubstr("E-mail institucional</a>")) << q;
    EXPECT_THAT(body, Not(HasSubstr("Projeto de sistema</a>"))) << q;
  }
  EXPECT_THAT(anonymous("/carta/servicos/EMAIL-INST").body,
              HasSubstr("Também conhecido como: Webmail, Caixa postal</p>"));
  EXPECT_THAT(anonymous("/carta/servicos/PROJ-SIS").body, Not(HasSubstr("Também conhecido como")));
  const auto j = anonymous("/carta.json").json();
  for (const auto& sv : j["servicos"]) {
    const auto expected = sv["sigla"] == "EMAIL-INST" ? nlohmann::json{"Webmail", "Caixa postal"}
                                                      : nlohmann::json::array();
    EXPECT_EQ(sv["nomesPopulares"], expected) << sv["sigla"];
  }
  EXPECT_THAT(anonymous("/carta.csv").body,
              HasSubstr("EMAIL-INST,E-mail institucional,\"Webmail, Caixa postal\","));
}

TEST_P(CharterPagesTest, TheFiguresCountTheServicesTickets) {
  register_sis(w.requester_seger);
  register_sis(w.requester_seger, "Outro acesso");
  const auto f = desk->charter().figures(w.sis_access.id);
  EXPECT_EQ(f.registered, 2);
  EXPECT_EQ(f.resolved, 0);
  EXPECT_FALSE(f.mean_rating);
  const auto page = anonymous("/carta/servicos/SIS-ACESSO").body;
  EXPECT_THAT(page, HasSubstr("<dd class=\"numero-volume\">2</dd>"));
  // The window, stated exactly: now is 2026-03-02 09:00 in Brasília.
  EXPECT_THAT(page, HasSubstr("Chamados registrados de 01/03/2025 a 02/03/2026 às 09:00: os 12 "
                              "meses completos anteriores ao mês atual e o mês atual até agora, "
                              "em horário de Brasília."));
  const auto j = anonymous("/carta.json").json();
  bool found = false;
  for (const auto& s : j["servicos"]) {
    if (s["sigla"] != "SIS-ACESSO") continue;
    found = true;
    EXPECT_EQ(s["resultados"]["volume"], 2);
    EXPECT_EQ(s["resultados"]["desde"], 1740798000000);  // 2025-03-01 03:00Z
    EXPECT_THAT(s["resultados"]["janela"].get<std::string>(), HasSubstr("12 meses completos"));
  }
  EXPECT_TRUE(found);
}

TEST_P(CharterPagesTest, AnAdminEditsTheHeaderWithCsrfAndNobodyElseMay) {
  // The default header has no address nor site: no empty lines, no empty link.
  const auto before = anonymous("/carta").body;
  EXPECT_THAT(before, Not(HasSubstr("href=\"\"")));
  EXPECT_THAT(before, Not(HasSubstr("Site oficial")));
  EXPECT_THAT(before, Not(HasSubstr("Endereço</strong>")));
  const auto admin = sign_in(w.admin);
  ASSERT_EQ(get(admin, "/admin/carta").status, 200);
  const std::string form = "&unidade=" + web::url_encode("Coordenadoria de Tecnologia") +
                           "&quem_somos=" + web::url_encode("Somos a <CTI>.") +
                           "&contatos=" + web::url_encode("(67) 3318-6713") +
                           "&endereco=" + web::url_encode("Av. Poeta Manoel de Barros") +
                           "&site=" + web::url_encode("https://www.sejusp.ms.gov.br/");
  EXPECT_EQ(post(admin, "/admin/carta", "csrf=errado" + form).status, 403);
  EXPECT_EQ(desk->charter().header().unit_name, default_charter_header().unit_name);
  auto r = post(admin, "/admin/carta", "csrf=" + admin.csrf + form);
  ASSERT_EQ(r.status, 303) << r.body;
  const auto body = anonymous("/carta").body;
  EXPECT_THAT(body, HasSubstr("Coordenadoria de Tecnologia"));
  EXPECT_THAT(body, HasSubstr("Somos a &lt;CTI&gt;."));
  EXPECT_THAT(body, HasSubstr("(67) 3318-6713"));
  EXPECT_THAT(body, HasSubstr("<a href=\"https://www.sejusp.ms.gov.br/\">"));
  EXPECT_THAT(body, HasSubstr("Av. Poeta Manoel de Barros"));

  r = post(admin, "/admin/carta",
           "csrf=" + admin.csrf + "&unidade=&quem_somos=x&site=javascript:alert(1)");
  EXPECT_EQ(r.status, 422);
  EXPECT_THAT(r.body, HasSubstr("O site deve começar com https://"));
  EXPECT_EQ(desk->charter().header().unit_name, "Coordenadoria de Tecnologia");

  const auto attendant = sign_in(w.attendant);
  EXPECT_EQ(get(attendant, "/admin/carta").status, 403);
  EXPECT_EQ(post(attendant, "/admin/carta", "csrf=" + attendant.csrf + form).status, 403);
  EXPECT_EQ(desk->charter().header().unit_name, "Coordenadoria de Tecnologia");
}

GUICHE_ON_BOTH_ENGINES(CharterPagesTest);

}  // namespace
}  // namespace guiche::testing
