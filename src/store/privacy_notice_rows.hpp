#pragma once
// The privacy notice an admin edits (migration v028): one row once saved.
#include <cstdint>
#include <optional>
#include <string>

#include "domain/time.hpp"
#include "store/database.hpp"

namespace guiche::store {

struct PrivacyNoticeRecord {
  std::string text_pt;
  std::string text_en;  // "" : the English page shows the Portuguese text
  std::string dpo_contact;
  Instant updated_at{};
  std::optional<std::int64_t> updated_by;
  std::string updated_by_name{};
};

std::optional<PrivacyNoticeRecord> load_privacy_notice(Connection& c);
void save_privacy_notice(Connection& c, const PrivacyNoticeRecord& n);

}  // namespace guiche::store
