// The pure rules of the directory sign-in: DNs compared without case or
// spaces, what mapped groups give (domain/directory_groups.hpp), and the
// login escaped into the admin's filter (RFC 4515, identity/ldap/ldap_filter.hpp).
#include <gmock/gmock.h>

#include "domain/directory_groups.hpp"
#include "identity/ldap/ldap_filter.hpp"

namespace guiche {
namespace {

TEST(DirectoryGroups, DnsAreComparedWithoutCaseOrSpacesAroundTheSeparators) {
  EXPECT_EQ(normalize_dn(" CN=GS-Guiche , OU = Groups,DC=es,DC=gov "),
            "cn=gs-guiche,ou=groups,dc=es,dc=gov");
  EXPECT_EQ(normalize_dn("cn=Grupo de TI,dc=x"), "cn=grupo de ti,dc=x");
}

TEST(DirectoryGroups, MappedGroupsGiveRolesOnceAndTheFirstOrganization) {
  const auto mapping = [](std::int64_t id, const char* dn, std::optional<std::int64_t> org,
                          std::optional<Role> role, std::optional<std::int64_t> unit) {
    DirectoryGroupMapping m;
    m.id = id;
    m.group_dn = dn;
    m.organization_id = org;
    m.role = role;
    m.unit_id = unit;
    return m;
  };
  std::vector<DirectoryGroupMapping> mappings = {
      mapping(1, "cn=a,dc=x", 10, std::nullopt, std::nullopt),
      mapping(2, "cn=b,dc=x", 20, Role::analyst, 5),
      mapping(3, "cn=c,dc=x", std::nullopt, Role::analyst, 5),
      mapping(4, "cn=d,dc=x", std::nullopt, Role::admin, 7)};  // admin: not unit-scoped
  mappings[1].authorizes_requesters = true;
  auto access = access_from_groups(mappings, {"CN=C,DC=X", "cn=b,dc=x", "cn=d, dc=x"});
  EXPECT_TRUE(access.matched);
  EXPECT_EQ(access.organization_id, 20);
  ASSERT_EQ(access.roles.size(), 2u);
  EXPECT_EQ(access.roles[0].role, Role::analyst);
  EXPECT_EQ(access.roles[0].unit_id, 5);
  EXPECT_EQ(access.roles[1].role, Role::admin);
  EXPECT_EQ(access.roles[1].unit_id, std::nullopt);
  ASSERT_EQ(access.authorizing.size(), 1u);
  EXPECT_EQ(access.authorizing[0].id, 2);
  access = access_from_groups(mappings, {"cn=z,dc=x"});
  EXPECT_FALSE(access.matched);
  EXPECT_EQ(access.organization_id, std::nullopt);
  ASSERT_EQ(access.roles.size(), 1u);
  EXPECT_EQ(access.roles[0].role, Role::requester);
}

TEST(LdapFilter, TheLoginIsEscapedAsRfc4515Says) {
  EXPECT_EQ(identity::escape_filter_value("*)(uid=*"), "\\2a\\29\\28uid=\\2a");
  EXPECT_EQ(identity::escape_filter_value("a\\b"), "a\\5cb");
  EXPECT_EQ(identity::escape_filter_value(std::string("a\0b", 3)), "a\\00b");
  EXPECT_EQ(identity::escape_filter_value("joão.silva"), "joão.silva");
  EXPECT_EQ(identity::user_filter("(&(objectClass=user)(sAMAccountName=%s))", "*"),
            "(&(objectClass=user)(sAMAccountName=\\2a))");
  EXPECT_EQ(identity::user_filter("(|(uid=%s)(mail=%s))", "a)"), "(|(uid=a\\29)(mail=a\\29))");
}

TEST(LdapFilter, AUserFilterMustBeOneParenthesizedFilterNamingTheLogin) {
  EXPECT_EQ(identity::user_filter_problem("(sAMAccountName=%s)"), std::nullopt);
  EXPECT_EQ(identity::user_filter_problem("(&(objectClass=person)(uid=%s))"), std::nullopt);
  EXPECT_NE(identity::user_filter_problem("uid=%s"), std::nullopt);
  EXPECT_NE(identity::user_filter_problem("(uid=%s)(cn=x)"), std::nullopt);
  EXPECT_NE(identity::user_filter_problem("((uid=%s)"), std::nullopt);
  EXPECT_NE(identity::user_filter_problem("(uid=maria)"), std::nullopt);
}

}  // namespace
}  // namespace guiche
