// Manifestações for the ouvidoria's demo (seed 003's "canais para
// manifestações"): a confidential complaint about a system linked to its
// ticket and extended, a praise answered, an anonymous report waiting for
// the complement asked for, and a suggestion just in; the queue shows each
// deadline standing.
#include "app/manifestations/manifestations.hpp"
#include "demo/demo_internal.hpp"
#include "store/ticket_rows.hpp"

namespace guiche::demo {
namespace {

using std::chrono::days;

app::ManifestationForm form(const char* kind, const char* identification, const char* service,
                            const char* subject, const char* description, const char* name,
                            const char* email) {
  app::ManifestationForm f;
  f.kind = kind;
  f.identification = identification;
  f.service_code = service;
  f.subject = subject;
  f.description = description;
  f.name = name;
  f.email = email;
  f.answer_channel = *email ? "email" : "tracking";
  return f;
}

}  // namespace

void schedule_manifestations(World& w) {
  auto& m = w.desk.manifestations();
  w.timeline.add(snap_forward(w.end - days{26}), "reclamação sigilosa", [&w, &m] {
    const auto r = m.register_manifestation(
        std::nullopt,
        form("complaint", "confidential", "SIS-ACESSO", "Acesso ao SIGEFES demorou uma semana",
             "Pedi acesso ao SIGEFES para a nova servidora do setor e só fomos atendidos uma "
             "semana depois, sem nenhuma explicação no meio do caminho.",
             "Luíza Fernandes Prado", "luiza.prado@seger.es.gov.br"));
    if (!w.ticket_ids.empty()) {
      std::string protocol;
      w.desk.database().read([&](store::Connection& c) {
        if (auto t = store::load_ticket(c, w.ticket_ids.front())) protocol = t->protocol;
      });
      m.link_ticket(w.as("ouvidoria"), r.manifestation.id, protocol);
    }
    m.extend(w.as("ouvidoria"), r.manifestation.id,
             "Aguardamos o relatório da gerência de sistemas sobre o atendimento.");
  });
  w.timeline.add(snap_forward(w.end - days{12}), "elogio", [&w, &m] {
    const auto r = m.register_manifestation(
        std::nullopt,
        form("praise", "identified", "SUP-TEC", "Atendimento excelente na troca do notebook",
             "O técnico explicou tudo com paciência e devolveu o equipamento no mesmo dia.",
             "Roberto Alves Nunes", "roberto.nunes@sesa.es.gov.br"));
    m.answer(w.as("ouvidoria"), r.manifestation.id,
             "Obrigada pelo elogio! Ele foi encaminhado à equipe de suporte.");
  });
  w.timeline.add(snap_forward(w.end - days{8}), "denúncia anônima", [&w, &m] {
    const auto r = m.register_manifestation(
        std::nullopt, form("report", "anonymous", "", "Senhas anotadas em papel na recepção",
                           "Na recepção de um órgão atendido, as senhas de acesso ficam "
                           "anotadas em papel colado no monitor.",
                           "", ""));
    m.request_complement(w.as("ouvidoria"), r.manifestation.id,
                         "Em qual órgão e endereço isso acontece?");
  });
  w.timeline.add(snap_forward(w.end - days{1}), "sugestão", [&m] {
    m.register_manifestation(
        std::nullopt,
        form("suggestion", "identified", "", "Atendimento pelo WhatsApp aos sábados",
             "Seria bom ter o atendimento pelo WhatsApp também aos sábados pela manhã.",
             "Carla Menezes Souza", "carla.souza@exemplo.com.br"));
  });
}

}  // namespace guiche::demo
