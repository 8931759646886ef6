#pragma once
// The charter panel (issue 15): per public service of the Carta de Serviços,
// the figures the Carta shows beside its promise — volume, median resolution
// time, share resolved within the published deadline, satisfaction — over
// the months of a period, read by Charter::figures from the charter's own
// monthly roll-ups (store/service_figure_rows.hpp; app/charter/charter.hpp),
// never computed a second way. Tickets count in their month of
// registration (domain/charter_month.hpp): the months the period touches.
// The period's last 12 full months and the current one give the Carta's
// very numbers.
//
// Who sees what: the reports' scope (app/reports/reports.hpp), by each
// service's owning unit; services without one only for those who see every
// unit. An organization's manager sees every service's: the figures are the
// public Carta's (/carta), of the whole desk. Filters: unit (and its
// sub-units) and service; the roll-ups hold no organization, severity,
// channel or category, so those filters are refused.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/charter/charter.hpp"
#include "app/reports/reports.hpp"

namespace guiche::app {

struct CharterPanelLine {
  std::int64_t service_id = 0;
  std::string code;
  std::string name;
  std::string unit;      // the owning unit's name, "" when none
  std::string deadline;  // the published maximum deadline, as the Carta words it
  ServiceFigures figures;
};

struct CharterPanel {
  ReportQuery query;
  int first_month = 0;  // yyyymm
  int last_month = 0;
  std::vector<CharterPanelLine> services;  // the Carta's order: unit, then name
};

class CharterPanels {
 public:
  CharterPanels(DeskContext& context, Reports& reports, Charter& charter)
      : ctx_(context), reports_(reports), charter_(charter) {}

  CharterPanel panel(const Actor& a, const ReportQuery& q);

 private:
  DeskContext& ctx_;
  Reports& reports_;
  Charter& charter_;
};

}  // namespace guiche::app
