#pragma once
// How the ouvidoria works (issue 14 item 5): the unit that answers, the
// calendar that moves an end off a closed day, the days. The law's figures
// are the defaults and the ceiling (Lei 13.460 art. 16: 30 days, extendable
// once by 30; Decreto 9.492 art. 18: 20 days to complement); a local rule may
// be shorter, never longer.
#include <cstdint>
#include <optional>
#include <string>

namespace guiche {

struct ManifestationSettings {
  std::optional<std::int64_t> unit_id;
  std::string calendar = "br";
  int answer_days = 30;
  int extension_days = 30;
  int complement_days = 20;
  // The queue warns this many days before the end, as SLA warnings do.
  int warning_days = 5;
};

// Throws DomainError(validation) naming each field out of its bounds.
ManifestationSettings validated_manifestation_settings(const ManifestationSettings& s);

}  // namespace guiche
