#pragma once
// A component of the status page (docs/domain.md, "Incident communication"):
// a service of the catalog or an infrastructure item an admin adds, in a
// group, with the unit responsible for it (whose staff set the technical state
// of its notices) and the organizations that use it (their contacts hear of
// its notices).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace guiche {

struct StatusComponent {
  std::int64_t id = 0;
  std::string name;                        // "SIGEFES", "Rede Metropolitana"
  std::string group_name;                  // "Sistemas corporativos", "Infraestrutura"
  std::string description;                 // one line on the status page
  std::optional<std::int64_t> service_id;  // the catalog service it is, if any
  std::int64_t responsible_unit_id = 0;
  std::vector<std::int64_t> organization_ids;  // who uses it
  bool active = true;
};

// The components' names, in their order: what a notice's texts list.
inline std::vector<std::string> component_names(const std::vector<StatusComponent>& components) {
  std::vector<std::string> names;
  for (const auto& c : components) names.push_back(c.name);
  return names;
}

}  // namespace guiche
