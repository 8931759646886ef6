#include "support/ldap_directory.hpp"

#include <cstdlib>

namespace guiche::testing {

std::optional<TestDirectory> test_directory() {
  const auto variable = [](const char* name) {
    const char* value = std::getenv(name);
    return std::string(value ? value : "");
  };
  TestDirectory d{variable("GUICHE_TEST_LDAP_URL"), variable("GUICHE_TEST_LDAP_BASE_DN"),
                  variable("GUICHE_TEST_LDAP_BIND_DN"), variable("GUICHE_TEST_LDAP_BIND_PASSWORD"),
                  variable("GUICHE_TEST_LDAP_CA_FILE")};
  if (d.url.empty() || d.base_dn.empty()) return std::nullopt;
  return d;
}

identity::LdapConfig ldap_config(const TestDirectory& d) {
  identity::LdapConfig c;
  c.url = d.url;
  c.base_dn = d.base_dn;
  c.bind_dn = d.bind_dn;
  c.bind_password = d.bind_password;
  c.ca_file = d.ca_file;
  c.timeout = std::chrono::seconds(3);
  return c;
}

std::string group_dn(const TestDirectory& d, const std::string& cn) {
  return "cn=" + cn + ",ou=groups," + d.base_dn;
}

}  // namespace guiche::testing
