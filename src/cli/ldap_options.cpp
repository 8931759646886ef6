#include "cli/ldap_options.hpp"

#include <cstdlib>
#include <stdexcept>

namespace guiche::cli {

void LdapOptions::add_to(CLI::App& command) {
  command
      .add_option("--ldap-url", url,
                  "diretório LDAP / Active Directory para entrar, ldaps://servidor ou "
                  "ldap://servidor (com StartTLS); senha da conta de serviço em "
                  "GUICHE_LDAP_BIND_PASSWORD")
      ->envname("GUICHE_LDAP_URL");
  command
      .add_option("--ldap-base-dn", base_dn, "onde as contas são buscadas, dc=orgao,dc=gov,dc=br")
      ->envname("GUICHE_LDAP_BASE_DN");
  command.add_option("--ldap-bind-dn", bind_dn, "a conta de serviço que busca as contas")
      ->envname("GUICHE_LDAP_BIND_DN");
  command
      .add_option("--ldap-user-filter", user_filter,
                  "filtro da conta, %s é o login: (sAMAccountName=%s) no AD, (uid=%s) no OpenLDAP")
      ->envname("GUICHE_LDAP_USER_FILTER");
  command
      .add_option("--ldap-group-base-dn", group_base_dn,
                  "onde os grupos são buscados (padrão: --ldap-base-dn)")
      ->envname("GUICHE_LDAP_GROUP_BASE_DN");
  command
      .add_option("--ldap-disabled-filter", disabled_filter,
                  "filtro das contas desativadas, além do bit 2 de userAccountControl (AD) e de "
                  "pwdAccountLockedTime (OpenLDAP), p. ex. (nsAccountLock=TRUE)")
      ->envname("GUICHE_LDAP_DISABLED_FILTER");
  command
      .add_option("--ldap-ca-file", ca_file,
                  "certificado da autoridade que assinou o do diretório (padrão: as do sistema)")
      ->envname("GUICHE_LDAP_CA_FILE");
  command.add_flag("--ldap-insecure", insecure,
                   "aceita ldap:// sem StartTLS: senhas sem criptografia, SÓ PARA TESTES");
  command.add_option("--ldap-timeout", timeout_seconds, "segundos de espera pelo diretório")
      ->check(CLI::Range(1, 120));
}

std::optional<identity::LdapConfig> LdapOptions::config() const {
  if (url.empty()) return std::nullopt;
  identity::LdapConfig c;
  c.url = url;
  c.base_dn = base_dn;
  c.bind_dn = bind_dn;
  if (const char* password = std::getenv("GUICHE_LDAP_BIND_PASSWORD")) c.bind_password = password;
  c.user_filter = user_filter;
  c.group_base_dn = group_base_dn;
  c.disabled_filter = disabled_filter;
  c.ca_file = ca_file;
  c.insecure = insecure;
  c.timeout = std::chrono::seconds(timeout_seconds);
  if (auto problem = identity::ldap_config_problem(c)) throw std::invalid_argument(*problem);
  return c;
}

}  // namespace guiche::cli
