#pragma once
// The slapd the directory sign-in's tests ask (scripts/test-servers/ldap.sh,
// started by scripts/run-tests.sh), named by GUICHE_TEST_LDAP_URL, _BASE_DN,
// _BIND_DN, _BIND_PASSWORD and _CA_FILE. Without them those tests are skipped
// with a message (GUICHE_REQUIRE_LDAP), so ctest still runs where no slapd
// was started. Its tree, as the script writes it: maria.souza (groups
// GS-Guiche-Analistas and SEFAZ), joao.lima (SEFAZ), ana.rocha (no group),
// lia.sessao (no group; only the session re-check test disables it) and
// davi.desligado (userAccountControl 514: disabled); each password is
// "senha-d" + "a"/"o" + "-" + the first name. And the authorization
// matrix's callers (scripts/test-servers/matrix_accounts.txt, password
// "senha-da-matriz"), each alone in its group GS-LOGIN.
#include <optional>
#include <string>

#include "identity/ldap/ldap_server.hpp"

namespace guiche::testing {

struct TestDirectory {
  std::string url, base_dn, bind_dn, bind_password, ca_file;
};

// nullopt when the environment names no test directory.
std::optional<TestDirectory> test_directory();

// The server's settings as `guiche serve` would take them: StartTLS with the
// test CA, the AD filter.
identity::LdapConfig ldap_config(const TestDirectory& d);

// "cn=SEFAZ,ou=groups," + the base.
std::string group_dn(const TestDirectory& d, const std::string& cn);

#define GUICHE_REQUIRE_LDAP(directory)                                               \
  const auto directory##_found = ::guiche::testing::test_directory();                \
  if (!directory##_found) {                                                          \
    GTEST_SKIP() << "GUICHE_TEST_LDAP_URL is not set: start slapd with "             \
                    "scripts/test-servers/ldap.sh start and export its values (see " \
                    "scripts/run-tests.sh)";                                         \
  }                                                                                  \
  const ::guiche::testing::TestDirectory& directory = *directory##_found

}  // namespace guiche::testing
