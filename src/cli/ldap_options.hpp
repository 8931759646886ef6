#pragma once
// `guiche serve`'s options for signing in through an LDAP / Active Directory
// server (issue 16; src/identity/ldap/ldap_server.hpp). The service account's
// password comes only from GUICHE_LDAP_BIND_PASSWORD and is never logged.
#include <CLI/CLI.hpp>
#include <optional>
#include <string>

#include "identity/ldap/ldap_server.hpp"

namespace guiche::cli {

struct LdapOptions {
  std::string url;
  std::string base_dn;
  std::string bind_dn;
  std::string user_filter = "(sAMAccountName=%s)";
  std::string group_base_dn;
  std::string disabled_filter;
  std::string ca_file;
  bool insecure = false;
  int timeout_seconds = 5;

  void add_to(CLI::App& command);
  // nullopt without --ldap-url; the configuration (with the password from the
  // environment) otherwise. Throws std::invalid_argument naming what is wrong.
  std::optional<identity::LdapConfig> config() const;
};

}  // namespace guiche::cli
