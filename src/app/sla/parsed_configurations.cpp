// See parsed_configurations.hpp.
#include "app/sla/parsed_configurations.hpp"

#include <nlohmann/json.hpp>

namespace guiche::app {

std::shared_ptr<const sla::SlaConfiguration> ParsedConfigurations::parsed(
    const std::string& document) {
  {
    std::lock_guard lock(mutex_);
    if (parsed_ && document_ == document) return parsed_;
  }
  // Parsed outside the lock; two requests meeting a new text both parse it.
  auto fresh = std::make_shared<const sla::SlaConfiguration>(
      sla::configuration_from_json(nlohmann::json::parse(document)));
  std::lock_guard lock(mutex_);
  document_ = document;
  parsed_ = fresh;
  return fresh;
}

}  // namespace guiche::app
