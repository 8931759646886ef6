#include "app/charter/charter.hpp"

#include <algorithm>

#include "app/sla/sla_clocks.hpp"
#include "domain/charter_month.hpp"
#include "domain/duration_histogram.hpp"
#include "domain/error.hpp"
#include "store/charter_rows.hpp"
#include "store/service_figure_rows.hpp"
#include "store/service_rows.hpp"
#include "store/unit_rows.hpp"

namespace guiche::app {

CharterHeader Charter::header() {
  std::optional<CharterHeader> stored;
  ctx_.db.read([&](store::Connection& c) { stored = store::load_charter_header(c); });
  return stored.value_or(default_charter_header());
}

CharterHeader Charter::update_header(const Actor& a, const CharterHeader& h) {
  require_active(a);
  if (!a.person.has_role(Role::admin)) {
    throw forbidden("Somente administradores alteram a Carta de Serviços.");
  }
  const auto valid = validated_charter_header(h);
  ctx_.db.write(
      [&](store::Connection& c) { store::save_charter_header(c, valid, ctx_.now(), a.person.id); });
  return valid;
}

std::vector<CharterService> Charter::services() {
  std::vector<CharterService> out;
  ctx_.db.read([&](store::Connection& c) {
    const auto config = clocks_.configuration(c);
    std::map<std::int64_t, std::string> unit_names;
    for (const auto& u : store::load_units(c)) unit_names[u.id] = u.name;
    for (auto& s : store::load_services(c)) {
      if (!s.is_public || !s.active) continue;
      CharterService item;
      item.unit_name = s.owning_unit_id ? unit_names[*s.owning_unit_id] : "";
      item.deadline = sla::charter_deadline(config, s.code, s.sla_policy, s.default_category);
      item.service = std::move(s);
      out.push_back(std::move(item));
    }
  });
  std::stable_sort(out.begin(), out.end(), [](const CharterService& x, const CharterService& y) {
    if (x.unit_name != y.unit_name) return x.unit_name < y.unit_name;
    return x.service.name < y.service.name;
  });
  return out;
}

CharterService Charter::service(const std::string& code) {
  for (auto& s : services()) {
    if (s.service.code == code) return s;
  }
  throw not_found("Serviço não encontrado na Carta de Serviços.");
}

ServiceFigures Charter::figures(std::int64_t service_id) {
  const int last_month = charter_month(ctx_.now());
  return figures(service_id, months_before(last_month, 12), last_month);
}

ServiceFigures Charter::figures(std::int64_t service_id, int first_month, int last_month) {
  ServiceFigures f;
  f.until = std::min(ctx_.now(), charter_month_start(months_before(last_month, -1)));
  f.since = charter_month_start(first_month);
  store::ServiceTicketFigures counted;
  ctx_.db.read([&](store::Connection& c) {
    counted = store::service_ticket_figures(c, service_id, first_month, last_month);
  });
  f.registered = counted.registered;
  f.resolved = counted.resolved;
  if (counted.resolved_with_clock > 0) {
    f.in_time_share = static_cast<double>(counted.resolved_in_time) /
                      static_cast<double>(counted.resolved_with_clock);
  }
  if (auto median = histogram_lower_median(counted.durations)) {
    f.median_resolution = std::chrono::milliseconds(*median);
  }
  f.ratings = counted.ratings;
  if (counted.ratings > 0) {
    f.mean_rating = static_cast<double>(counted.rating_sum) / static_cast<double>(counted.ratings);
  }
  return f;
}

}  // namespace guiche::app
