#include "domain/directory_groups.hpp"

#include <algorithm>
#include <set>

namespace guiche {

std::string normalize_dn(std::string_view dn) {
  std::string out;
  for (char ch : dn) {
    const bool separator = ch == ',' || ch == '=';
    if (separator) {
      while (!out.empty() && out.back() == ' ') out.pop_back();
      out += ch;
      continue;
    }
    if (ch == ' ' && (out.empty() || out.back() == ',' || out.back() == '=')) continue;
    out += (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch - 'A' + 'a') : ch;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

GroupAccess access_from_groups(const std::vector<DirectoryGroupMapping>& mappings,
                               const std::vector<std::string>& groups) {
  std::set<std::string> member_of;
  for (const auto& g : groups) member_of.insert(normalize_dn(g));
  std::vector<const DirectoryGroupMapping*> matching;
  for (const auto& m : mappings) {
    if (member_of.count(m.group_dn)) matching.push_back(&m);
  }
  std::sort(matching.begin(), matching.end(),
            [](const auto* a, const auto* b) { return a->id < b->id; });
  GroupAccess out;
  out.matched = !matching.empty();
  for (const auto* m : matching) {
    if (!out.organization_id && m->organization_id) out.organization_id = m->organization_id;
    if (m->authorizes_requesters && m->organization_id) out.authorizing.push_back(*m);
    if (!m->role) continue;
    const RoleGrant grant{*m->role, role_is_unit_scoped(*m->role) ? m->unit_id : std::nullopt};
    const bool known = std::any_of(out.roles.begin(), out.roles.end(), [&](const RoleGrant& g) {
      return g.role == grant.role && g.unit_id == grant.unit_id;
    });
    if (!known) out.roles.push_back(grant);
  }
  if (out.roles.empty()) out.roles.push_back({Role::requester, std::nullopt});
  return out;
}

}  // namespace guiche
