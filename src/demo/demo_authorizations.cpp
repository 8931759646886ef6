// The authorized-requester lists (docs/domain.md, "Authorized requesters and
// audiences"): records entered by the central
// de serviços, one entered by an organization that needs no confirmation, a
// revocation asked by an org manager and confirmed (the record is kept), and
// a proposal still waiting for the central de serviços.
#include "app/directory/authorizations.hpp"
#include "demo/demo_internal.hpp"

namespace guiche::demo {
namespace {

Date days_before(Instant t, int days) {
  return Date{local_day_of(t) - std::chrono::days{days}};
}

std::string year_of(Date d) {
  return std::to_string(static_cast<int>(d.year()));
}

}  // namespace

void create_authorizations(World& w) {
  struct Row {
    const char* organization;
    const char* person;
    const char* entered_by;
    AuthorizationDocument document;
    const char* number;    // "{y}" becomes the year the record starts
    int days_before_demo;  // contracts: as in the organization's client reference
  };
  using D = AuthorizationDocument;
  static const Row kRows[] = {
      {"SEGER", "gestor.seger", "atendente", D::contract, "Contrato nº 012/{y}", 420},
      {"SEGER", "solicitante", "atendente", D::contract, "Contrato nº 012/{y}", 420},
      {"SEGER", "ana.delpupo", "atendente", D::oficio, "Ofício SEGER/SUBAD nº 118/{y}", 260},
      {"SEGER", "jose.venturim", "carlos.santos", D::service_request, "SA {y}-004512", 300},
      {"SESA", "renata.dalla", "atendente", D::contract, "Contrato nº 027/{y}", 700},
      {"SESA", "solicitante.sesa", "atendente", D::oficio, "Ofício SESA/GECOR nº 233/{y}", 180},
      // SESA's changes take effect at once: its manager enters them herself.
      {"SESA", "eduardo.falqueto", "renata.dalla", D::service_request, "SA {y}-000871", 90},
      {"SEDU", "primeiro.acesso", "carlos.santos", D::oficio, "Ofício SEDU/GS nº 045/{y}", 330},
      {"SEDU", "beatriz.stein", "atendente", D::oficio, "Ofício SEDU/GS nº 045/{y}", 330},
      {"SEFAZ", "vinicius.pagani", "atendente", D::contract, "Contrato nº 003/{y}", 200},
  };
  std::int64_t venturim = 0;
  for (const auto& row : kRows) {
    app::AuthorizationRequest r;
    r.organization_id = w.organizations.at(row.organization).id;
    r.person_id = w.person_id(row.person);
    r.document_type = row.document;
    r.valid_from = days_before(w.begin, row.days_before_demo);
    r.document_number = row.number;
    r.document_number.replace(r.document_number.find("{y}"), 3, year_of(r.valid_from));
    auto record = w.desk.authorizations().authorize_requester(w.as(row.entered_by), r);
    if (std::string(row.person) == "jose.venturim") venturim = record.id;
    w.tick();
  }

  // José Carlos left SEGER twelve working days into the demo: the manager
  // asks, the central de serviços confirms, the record stays as history.
  const Instant asked = add_working(w.begin, std::chrono::hours{12 * 10});
  w.timeline.add(asked, "revogação pedida pelo gestor", [&w, venturim] {
    w.desk.authorizations().revoke_authorization(w.as("gestor.seger"), venturim,
                                                 w.desk.local_date(w.clock.now()),
                                                 "Servidor transferido para outra secretaria.");
  });
  w.timeline.add(add_working(asked, std::chrono::minutes{95}), "revogação confirmada",
                 [&w, venturim] {
                   w.desk.authorizations().decide_authorization(w.as("atendente"), venturim, true);
                 });

  // A newcomer proposed by the SEGER manager, still waiting for confirmation.
  const Instant proposed = snap_backward(w.end - std::chrono::days{18});
  w.timeline.add(proposed, "autorização proposta pelo gestor", [&w] {
    app::AuthorizationRequest r;
    r.organization_id = w.organizations.at("SEGER").id;
    r.person_id = w.person_id("camila.rangel");
    r.document_type = AuthorizationDocument::oficio;
    r.valid_from = w.desk.local_date(w.clock.now());
    r.document_number = "Ofício SEGER/SUBAD nº 201/" + year_of(r.valid_from);
    w.desk.authorizations().authorize_requester(w.as("gestor.seger"), r);
  });
}

}  // namespace guiche::demo
