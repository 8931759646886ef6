#include "store/known_incident_rows.hpp"

namespace guiche::store {

std::vector<std::int64_t> open_published_notices_of_service(
    Connection& c, std::int64_t service_id, std::optional<std::int64_t> organization_id,
    bool every_scope, int limit) {
  // The components by status_components_service, their notices by
  // status_notice_components_component, each notice by its key. A scheduled
  // maintenance has not begun: nothing is wrong yet.
  std::vector<std::int64_t> ids;
  for (const auto& r :
       c.query("SELECT DISTINCT n.id FROM status_components sc "
               "JOIN status_notice_components snc ON snc.component_id = sc.id "
               "JOIN status_notices n ON n.id = snc.notice_id "
               "WHERE sc.service_id = ? AND n.public_state IS NOT NULL "
               "AND n.state IN ('reported', 'acknowledged', 'confirmed_organization', "
               "'confirmed_general', 'in_progress') "
               "AND (? = 1 OR n.organization_id IS NULL OR n.organization_id = ?) "
               "ORDER BY n.id DESC LIMIT ?",
               {service_id, std::int64_t{every_scope ? 1 : 0}, optional_value(organization_id),
                std::int64_t{limit}})) {
    ids.push_back(r.integer(0));
  }
  return ids;
}

}  // namespace guiche::store
