#pragma once
// The status page's components (docs/domain.md, "Incident communication"):
// anyone reads them; admins add and change them (a catalog service or an
// infrastructure item, its group, the unit responsible for it and the
// organizations that use it).
#include <vector>

#include "app/actor.hpp"
#include "app/desk_context.hpp"
#include "domain/incidents/status_component.hpp"

namespace guiche::app {

class StatusComponents {
 public:
  explicit StatusComponents(DeskContext& context) : ctx_(context) {}

  // Active ones (all of them with `include_inactive`), by group and name.
  std::vector<StatusComponent> components(bool include_inactive = false);
  StatusComponent component(std::int64_t id);
  StatusComponent create_component(const Actor& a, const StatusComponent& c);
  StatusComponent update_component(const Actor& a, const StatusComponent& c);

 private:
  DeskContext& ctx_;
};

}  // namespace guiche::app
