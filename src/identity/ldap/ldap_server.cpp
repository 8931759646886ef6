#include "identity/ldap/ldap_server.hpp"

#include <ldap.h>

#include <algorithm>
#include <memory>
#include <set>

#include "domain/directory_groups.hpp"
#include "identity/ldap/ldap_filter.hpp"

namespace guiche::identity {
namespace {

using Answer = app::DirectoryAnswer;
using Outcome = app::DirectoryAnswer::Outcome;

struct Unbind {
  void operator()(LDAP* ld) const { ldap_unbind_ext_s(ld, nullptr, nullptr); }
};
struct FreeMessage {
  void operator()(LDAPMessage* m) const { ldap_msgfree(m); }
};
using Handle = std::unique_ptr<LDAP, Unbind>;
using Message = std::unique_ptr<LDAPMessage, FreeMessage>;

bool starts_with(const std::string& s, const char* prefix) {
  return s.rfind(prefix, 0) == 0;
}

// The library's words for an error, and the server's diagnostic when it sent
// one (never a password: binds send it, errors do not echo it).
std::string error_text(LDAP* ld, int rc) {
  std::string text = ldap_err2string(rc);
  char* diagnostic = nullptr;
  if (ld && ldap_get_option(ld, LDAP_OPT_DIAGNOSTIC_MESSAGE, &diagnostic) == LDAP_OPT_SUCCESS &&
      diagnostic) {
    if (*diagnostic) text += std::string(" (") + diagnostic + ")";
    ldap_memfree(diagnostic);
  }
  return text;
}

Answer failed(Outcome outcome, std::string reason) {
  Answer a;
  a.outcome = outcome;
  a.reason = std::move(reason);
  return a;
}

int simple_bind(LDAP* ld, const std::string& dn, const std::string& password) {
  berval credentials;
  credentials.bv_val = const_cast<char*>(password.data());
  credentials.bv_len = password.size();
  return ldap_sasl_bind_s(ld, dn.c_str(), LDAP_SASL_SIMPLE, &credentials, nullptr, nullptr,
                          nullptr);
}

std::vector<std::string> values(LDAP* ld, LDAPMessage* entry, const char* attribute) {
  std::vector<std::string> out;
  berval** vals = ldap_get_values_len(ld, entry, attribute);
  if (!vals) return out;
  for (int i = 0; vals[i]; ++i) out.emplace_back(vals[i]->bv_val, vals[i]->bv_len);
  ldap_value_free_len(vals);
  return out;
}

std::string first(const std::vector<std::string>& v) {
  return v.empty() ? std::string() : v.front();
}

std::string hex(const std::string& bytes) {
  static const char* digits = "0123456789abcdef";
  std::string out;
  for (unsigned char ch : bytes) {
    out += digits[ch >> 4];
    out += digits[ch & 15];
  }
  return out;
}

// Searches `base` with `filter`; the entries, or the error code.
struct Found {
  int rc = LDAP_SUCCESS;
  Message message;
};

Found search(LDAP* ld, const std::string& base, int scope, const std::string& filter,
             std::vector<const char*> attributes, int size_limit, std::chrono::seconds timeout) {
  attributes.push_back(nullptr);
  timeval limit{static_cast<time_t>(timeout.count()), 0};
  LDAPMessage* raw = nullptr;
  Found out;
  out.rc = ldap_search_ext_s(ld, base.c_str(), scope, filter.c_str(),
                             const_cast<char**>(attributes.data()), 0, nullptr, nullptr, &limit,
                             size_limit, &raw);
  out.message.reset(raw);
  return out;
}

}  // namespace

std::optional<std::string> ldap_config_problem(const LdapConfig& c) {
  if (!starts_with(c.url, "ldap://") && !starts_with(c.url, "ldaps://")) {
    return "--ldap-url deve começar com ldaps:// ou ldap://";
  }
  if (c.base_dn.empty()) return "--ldap-base-dn é obrigatório com --ldap-url";
  if (c.bind_dn.empty()) return "--ldap-bind-dn é obrigatório com --ldap-url";
  if (c.bind_password.empty()) {
    return "a senha da conta de serviço vem só de GUICHE_LDAP_BIND_PASSWORD, que está vazia";
  }
  if (auto problem = user_filter_problem(c.user_filter)) return "--ldap-user-filter: " + *problem;
  if (!c.disabled_filter.empty() &&
      (c.disabled_filter.front() != '(' || c.disabled_filter.back() != ')')) {
    return "--ldap-disabled-filter deve estar entre parênteses";
  }
  LDAP* probe = nullptr;
  if (ldap_initialize(&probe, c.url.c_str()) != LDAP_SUCCESS || !probe) {
    return "--ldap-url não é um endereço LDAP válido";
  }
  ldap_unbind_ext_s(probe, nullptr, nullptr);
  return std::nullopt;
}

std::string LdapServer::issuer() const {
  // The base, not the host: the same directory answers from any of its servers.
  return "ldap:" + normalize_dn(config_.base_dn);
}

std::string LdapServer::describe() const {
  std::string security = starts_with(config_.url, "ldaps://") ? "ldaps (TLS)"
                         : config_.insecure                   ? "SEM criptografia (--ldap-insecure)"
                                                              : "StartTLS obrigatório";
  return config_.url + ", base " + config_.base_dn + ", filtro " + config_.user_filter +
         ", conta de serviço " + config_.bind_dn + ", " + security;
}

Answer LdapServer::verify(const std::string& login, const std::string& password) {
  return find(login, &password);
}

Answer LdapServer::lookup(const std::string& login) {
  return find(login, nullptr);
}

Answer LdapServer::find(const std::string& login, const std::string* password) {
  LDAP* raw = nullptr;
  if (ldap_initialize(&raw, config_.url.c_str()) != LDAP_SUCCESS || !raw) {
    return failed(Outcome::unavailable, "endereço inválido");
  }
  Handle ld(raw);
  int version = LDAP_VERSION3;
  ldap_set_option(ld.get(), LDAP_OPT_PROTOCOL_VERSION, &version);
  ldap_set_option(ld.get(), LDAP_OPT_REFERRALS, LDAP_OPT_OFF);
  timeval timeout{static_cast<time_t>(config_.timeout.count()), 0};
  ldap_set_option(ld.get(), LDAP_OPT_NETWORK_TIMEOUT, &timeout);
  ldap_set_option(ld.get(), LDAP_OPT_TIMEOUT, &timeout);
  // This connection's own TLS settings: the CA given, and a certificate that must verify.
  int demand = LDAP_OPT_X_TLS_DEMAND;
  ldap_set_option(ld.get(), LDAP_OPT_X_TLS_REQUIRE_CERT, &demand);
  if (!config_.ca_file.empty()) {
    ldap_set_option(ld.get(), LDAP_OPT_X_TLS_CACERTFILE, config_.ca_file.c_str());
  }
  int client = 0;
  ldap_set_option(ld.get(), LDAP_OPT_X_TLS_NEWCTX, &client);
  if (!starts_with(config_.url, "ldaps://") && !config_.insecure) {
    const int rc = ldap_start_tls_s(ld.get(), nullptr, nullptr);
    if (rc != LDAP_SUCCESS) {
      return failed(Outcome::unavailable, "StartTLS falhou: " + error_text(ld.get(), rc));
    }
  }
  int rc = simple_bind(ld.get(), config_.bind_dn, config_.bind_password);
  if (rc != LDAP_SUCCESS) {
    return failed(Outcome::unavailable,
                  "a conta de serviço não entrou: " + error_text(ld.get(), rc));
  }

  auto found =
      search(ld.get(), config_.base_dn, LDAP_SCOPE_SUBTREE, user_filter(config_.user_filter, login),
             {"displayName", "cn", "mail", "telephoneNumber", "mobile", "memberOf",
              "userAccountControl", "pwdAccountLockedTime", "entryUUID", "objectGUID"},
             2, config_.timeout);
  // Two accounts for one login is no account: the filter is too wide for it.
  if (found.rc == LDAP_SIZELIMIT_EXCEEDED) return failed(Outcome::not_found, "mais de uma conta");
  if (found.rc == LDAP_NO_SUCH_OBJECT) return failed(Outcome::not_found, "base sem a conta");
  if (found.rc != LDAP_SUCCESS) {
    return failed(Outcome::unavailable, "a busca falhou: " + error_text(ld.get(), found.rc));
  }
  if (ldap_count_entries(ld.get(), found.message.get()) != 1) {
    return failed(Outcome::not_found, "nenhuma conta");
  }
  LDAPMessage* entry = ldap_first_entry(ld.get(), found.message.get());
  char* dn_text = ldap_get_dn(ld.get(), entry);
  if (!dn_text) return failed(Outcome::unavailable, "conta sem DN");
  app::DirectoryAccount account;
  account.dn = dn_text;
  ldap_memfree(dn_text);

  // Disabled: AD's ACCOUNTDISABLE bit, OpenLDAP's ppolicy lock, or the admin's filter.
  const auto control = first(values(ld.get(), entry, "userAccountControl"));
  bool disabled = false;
  if (!control.empty()) {
    try {
      disabled = (std::stoll(control) & 2) != 0;
    } catch (const std::exception&) {
      disabled = true;  // unreadable: refuse rather than guess
    }
  }
  disabled = disabled || !values(ld.get(), entry, "pwdAccountLockedTime").empty();
  if (!disabled && !config_.disabled_filter.empty()) {
    auto hit = search(ld.get(), account.dn, LDAP_SCOPE_BASE, config_.disabled_filter, {"1.1"}, 1,
                      config_.timeout);
    if (hit.rc != LDAP_SUCCESS && hit.rc != LDAP_NO_SUCH_OBJECT) {
      return failed(Outcome::unavailable,
                    "a busca de contas desativadas falhou: " + error_text(ld.get(), hit.rc));
    }
    disabled = hit.rc == LDAP_SUCCESS && ldap_count_entries(ld.get(), hit.message.get()) > 0;
  }
  if (disabled) return failed(Outcome::disabled, "conta desativada");

  const auto uuid = first(values(ld.get(), entry, "entryUUID"));
  const auto guid = first(values(ld.get(), entry, "objectGUID"));
  account.subject = !uuid.empty() ? uuid : !guid.empty() ? hex(guid) : normalize_dn(account.dn);
  account.name = first(values(ld.get(), entry, "displayName"));
  if (account.name.empty()) account.name = first(values(ld.get(), entry, "cn"));
  account.emails = values(ld.get(), entry, "mail");
  auto phone = first(values(ld.get(), entry, "telephoneNumber"));
  if (phone.empty()) phone = first(values(ld.get(), entry, "mobile"));
  if (!phone.empty()) account.phone = phone;

  // Groups: memberOf where the directory keeps it (AD), and the groups that
  // name the account as a member (OpenLDAP without the memberof overlay).
  std::set<std::string> seen;
  for (const auto& g : values(ld.get(), entry, "memberOf")) {
    if (seen.insert(normalize_dn(g)).second) account.groups.push_back(g);
  }
  const std::string member = escape_filter_value(account.dn);
  const std::string groups_filter =
      "(&(|(objectClass=group)(objectClass=groupOfNames)(objectClass=groupOfUniqueNames))"
      "(|(member=" +
      member + ")(uniqueMember=" + member + ")))";
  auto groups =
      search(ld.get(), config_.group_base_dn.empty() ? config_.base_dn : config_.group_base_dn,
             LDAP_SCOPE_SUBTREE, groups_filter, {"1.1"}, 0, config_.timeout);
  if (groups.rc != LDAP_SUCCESS && groups.rc != LDAP_NO_SUCH_OBJECT) {
    return failed(Outcome::unavailable,
                  "a busca dos grupos falhou: " + error_text(ld.get(), groups.rc));
  }
  for (LDAPMessage* g = groups.message ? ldap_first_entry(ld.get(), groups.message.get()) : nullptr;
       g; g = ldap_next_entry(ld.get(), g)) {
    if (char* group_dn = ldap_get_dn(ld.get(), g)) {
      if (seen.insert(normalize_dn(group_dn)).second) account.groups.emplace_back(group_dn);
      ldap_memfree(group_dn);
    }
  }

  if (!password) {
    Answer found_only;
    found_only.outcome = Outcome::verified;
    found_only.account = std::move(account);
    return found_only;
  }
  rc = simple_bind(ld.get(), account.dn, *password);
  if (rc == LDAP_INVALID_CREDENTIALS) return failed(Outcome::wrong_password, "senha recusada");
  if (rc != LDAP_SUCCESS) {
    return failed(Outcome::unavailable, "a conta não entrou: " + error_text(ld.get(), rc));
  }
  Answer out;
  out.outcome = Outcome::verified;
  out.account = std::move(account);
  return out;
}

}  // namespace guiche::identity
