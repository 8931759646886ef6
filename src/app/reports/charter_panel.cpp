#include "app/reports/charter_panel.hpp"

#include <algorithm>

#include "domain/error.hpp"
#include "store/unit_rows.hpp"

namespace guiche::app {

CharterPanel CharterPanels::panel(const Actor& a, const ReportQuery& q) {
  if (q.organization_id || q.severity || q.channel || q.category) {
    const char* field = q.organization_id ? "organization"
                        : q.severity      ? "severity"
                        : q.channel       ? "channel"
                                          : "category";
    throw invalid_field(field, "O painel da Carta filtra só por unidade e serviço.");
  }
  CharterPanel p;
  p.query = q;
  p.first_month = q.first_day / 100;
  p.last_month = q.last_day / 100;
  store::ReportRowFilter f;
  ctx_.db.read([&](store::Connection& c) { f = reports_.filter_for(a, q, store::load_units(c)); });
  for (const auto& s : charter_.services()) {
    if (q.service_id && s.service.id != *q.service_id) continue;
    if (!f.all_units) {
      const auto owner = s.service.owning_unit_id;
      if (!owner || std::find(f.unit_ids.begin(), f.unit_ids.end(), *owner) == f.unit_ids.end()) {
        continue;
      }
    }
    CharterPanelLine line;
    line.service_id = s.service.id;
    line.code = s.service.code;
    line.name = s.service.name;
    line.unit = s.unit_name;
    line.deadline = sla::charter_deadline_text_pt(s.deadline);
    line.figures = charter_.figures(s.service.id, p.first_month, p.last_month);
    p.services.push_back(std::move(line));
  }
  return p;
}

}  // namespace guiche::app
