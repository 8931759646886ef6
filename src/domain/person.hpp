#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/notice_preference.hpp"
#include "domain/role.hpp"

namespace guiche {

struct Person {
  std::int64_t id = 0;
  std::string name;
  std::optional<std::string> login;
  std::vector<std::string> emails;   // lowercased; the first is the primary one
  std::optional<std::string> phone;  // E.164
  std::optional<std::string> cpf;    // 11 digits, check digits valid
  std::optional<std::int64_t> organization_id;
  std::vector<RoleGrant> roles;
  NoticePreference notice_preference = NoticePreference::request_channel;
  bool must_change_password = false;
  bool active = true;

  bool has_role(Role r) const;
  std::vector<std::int64_t> units_with(Role r) const;
};

}  // namespace guiche
