#pragma once
// The public Carta de Serviços (Lei 13.460 art. 7; docs/domain.md, "Public
// face"): anyone reads the unit's header and its public, active services,
// each with the maximum deadline its SLA configuration gives
// (sla/charter_deadline.hpp) and what its tickets of the last 12 full months
// and the current one measured; admins edit the header.
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "app/actor.hpp"
#include "app/charter/charter_pdf.hpp"
#include "app/desk_context.hpp"
#include "domain/charter_header.hpp"
#include "domain/service.hpp"
#include "sla/charter_deadline.hpp"

namespace guiche::app {

class SlaClocks;

struct CharterService {
  Service service;
  std::string unit_name;  // the owning unit's, "" when none
  sla::CharterDeadline deadline;
};

// The promise next to the result: a service's tickets registered from
// `since`, the start of the 12th full month before the current one, to
// `until`, now (months in hora de Brasília: domain/charter_month.hpp).
struct ServiceFigures {
  Instant since{};
  Instant until{};
  std::int64_t registered = 0;
  std::int64_t resolved = 0;
  // Of the resolved tickets that had a resolution deadline, the share resolved
  // by it (0..1); none when there were none.
  std::optional<double> in_time_share;
  // Within 2 % of the exact one (domain/duration_histogram.hpp).
  std::optional<std::chrono::milliseconds> median_resolution;
  std::int64_t ratings = 0;
  std::optional<double> mean_rating;  // 1..5 stars
};

class Charter {
 public:
  Charter(DeskContext& context, SlaClocks& clocks)
      : ctx_(context), clocks_(clocks), pdf_(context.config.data_dir) {}

  // The stored header, or the defaults until an admin saves one.
  CharterHeader header();
  // Admins only.
  CharterHeader update_header(const Actor& a, const CharterHeader& h);
  // Public and active services, by owning unit name then service name.
  std::vector<CharterService> services();
  // One of those by its code; not_found for any other code.
  CharterService service(const std::string& code);
  // Read from the monthly roll-ups the ticket ledger keeps
  // (store/service_figure_rows.hpp): at most 13 rows and a histogram, so
  // they are read live, never cached.
  ServiceFigures figures(std::int64_t service_id);
  // The same figures over the tickets registered in the months from
  // `first_month` to `last_month` (yyyymm, both included): the reports'
  // charter panel (app/reports/charter_panel.hpp).
  ServiceFigures figures(std::int64_t service_id, int first_month, int last_month);

  // The charter in PDF, printed in the background and kept on disk.
  CharterPdf& pdf() { return pdf_; }

 private:
  DeskContext& ctx_;
  SlaClocks& clocks_;
  CharterPdf pdf_;
};

}  // namespace guiche::app
