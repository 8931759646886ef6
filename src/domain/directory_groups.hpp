#pragma once
// What a directory's groups give a person who signs in through it (issue 16,
// item 2): an admin maps a group (by its DN) to an organization, a role (in a
// unit, for unit-scoped roles), or both (app/accounts/auth/group_mappings.hpp).
// Pure: the sign-in (app/accounts/auth/external_people.cpp) applies it.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/authorization.hpp"
#include "domain/role.hpp"
#include "domain/time.hpp"

namespace guiche {

struct DirectoryGroupMapping {
  std::int64_t id = 0;
  std::string group_dn;  // normalized (normalize_dn)
  std::optional<std::int64_t> organization_id;
  std::optional<Role> role;
  std::optional<std::int64_t> unit_id;  // for unit-scoped roles
  // The group's members are authorized requesters of `organization_id`, by
  // the document that set the rule (issue 16, item 5).
  bool authorizes_requesters = false;
  std::optional<AuthorizationDocument> document_type;
  std::string document_number;
  std::int64_t created_by = 0;
  Instant created_at{};
};

// A DN as compared: lowercase ASCII, no spaces around ',' and '=', no
// leading or trailing spaces ("CN=SEFAZ, OU=Groups" -> "cn=sefaz,ou=groups").
// Directories compare DNs without case, as AD and OpenLDAP do for cn/ou/dc.
std::string normalize_dn(std::string_view dn);

struct GroupAccess {
  // The organization of the first mapping (by id) that names one, if any.
  std::optional<std::int64_t> organization_id;
  // Every role the groups give, once each; requester when none.
  std::vector<RoleGrant> roles;
  bool matched = false;  // any mapping matched a group
  // The matching mappings that make their members authorized requesters.
  std::vector<DirectoryGroupMapping> authorizing;
};

// What `groups` (DNs as the directory sent them) give through `mappings`.
GroupAccess access_from_groups(const std::vector<DirectoryGroupMapping>& mappings,
                               const std::vector<std::string>& groups);

}  // namespace guiche
