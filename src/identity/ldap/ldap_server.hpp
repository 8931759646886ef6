#pragma once
// The LDAP / Active Directory server the directory sign-in asks
// (app/accounts/auth/directory_server.hpp), through Debian's OpenLDAP client
// library (libldap). For each sign-in: connect, StartTLS (or ldaps://), bind
// as the service account, search the one account the user filter finds,
// read its groups, then bind as that account with the typed password. A
// connection per sign-in: sign-ins are rare and a directory may close idle
// connections.
#include <chrono>
#include <optional>
#include <string>

#include "app/accounts/auth/directory_server.hpp"

namespace guiche::identity {

struct LdapConfig {
  std::string url;            // ldaps://host:636 or ldap://host:389 (then StartTLS)
  std::string base_dn;        // where accounts are searched
  std::string bind_dn;        // the service account
  std::string bind_password;  // only from GUICHE_LDAP_BIND_PASSWORD; never logged
  std::string user_filter = "(sAMAccountName=%s)";  // AD; OpenLDAP: (uid=%s)
  // Where groups naming the account as member are searched (default: base_dn).
  std::string group_base_dn;
  // Matches disabled accounts beside AD's userAccountControl bit 2 and
  // OpenLDAP's pwdAccountLockedTime, e.g. (nsAccountLock=TRUE).
  std::string disabled_filter;
  std::string ca_file;    // the CA that signed the server's certificate (else the system's)
  bool insecure = false;  // ldap:// without StartTLS: tests only
  std::chrono::seconds timeout{5};
};

// Why `config` cannot work, or nullopt when it can (checked at start-up).
std::optional<std::string> ldap_config_problem(const LdapConfig& config);

class LdapServer : public app::DirectoryServer {
 public:
  explicit LdapServer(LdapConfig config) : config_(std::move(config)) {}
  app::DirectoryAnswer verify(const std::string& login, const std::string& password) override;
  app::DirectoryAnswer lookup(const std::string& login) override;
  std::string issuer() const override;
  std::string describe() const override;

 private:
  // verify() with a password; lookup() without (no bind as the account).
  app::DirectoryAnswer find(const std::string& login, const std::string* password);
  LdapConfig config_;
};

}  // namespace guiche::identity
