#include "cli/oidc_options.hpp"

#include <algorithm>
#include <cstdlib>
#include <regex>
#include <stdexcept>

namespace guiche::cli {
namespace {

std::pair<std::string, std::string> split_pair(const std::string& text, const char* option) {
  const auto eq = text.find('=');
  if (eq == std::string::npos || eq == 0 || eq + 1 == text.size()) {
    throw std::invalid_argument(std::string(option) + " espera NOME=VALOR, recebeu \"" + text +
                                "\"");
  }
  return {text.substr(0, eq), text.substr(eq + 1)};
}

std::string environment(const std::string& name) {
  const char* value = std::getenv(name.c_str());
  return value ? value : "";
}

}  // namespace

void OidcOptions::add_to(CLI::App& command) {
  command.add_option("--oidc-provider", providers,
                     "provedor OpenID Connect para entrar, NOME=URL_DO_EMISSOR (repetível), p. ex. "
                     "govbr=https://sso.acesso.gov.br; client id e secret em "
                     "GUICHE_OIDC_<NOME>_CLIENT_ID e GUICHE_OIDC_<NOME>_CLIENT_SECRET");
  command.add_option("--oidc-subject-claim", subject_claims,
                     "declaração que identifica a pessoa no provedor, NOME=DECLARAÇÃO (padrão: "
                     "sub; Acesso Cidadão: subNovo)");
  command.add_option("--oidc-role-claim", role_claims,
                     "declaração com os papéis da pessoa no provedor, NOME=DECLARAÇÃO, mapeados "
                     "como os grupos do diretório");
  command.add_option("--oidc-require-mfa-for-staff", require_mfa,
                     "provedor (NOME) que deve confirmar verificação em duas etapas (amr) para "
                     "servidores da central");
  command.add_option("--oidc-form-post", form_post,
                     "provedor (NOME) que responde pelo fluxo híbrido com response_mode=form_post "
                     "(como documenta o Acesso Cidadão)");
  command
      .add_option("--session-recheck-minutes", session_recheck_minutes,
                  "a cada quantos minutos uma sessão aberta por um provedor OpenID Connect ou "
                  "pelo diretório é conferida de novo com ele (token revogado ou conta "
                  "desativada encerra a sessão)")
      ->check(CLI::Range(1, 1440))
      ->envname("GUICHE_SESSION_RECHECK_MINUTES");
}

std::vector<identity::OidcClientConfig> OidcOptions::configs() const {
  static const std::regex valid_name("[a-z0-9_]{1,32}");
  std::vector<identity::OidcClientConfig> out;
  for (const auto& p : providers) {
    auto [name, issuer] = split_pair(p, "--oidc-provider");
    if (!std::regex_match(name, valid_name)) {
      throw std::invalid_argument("--oidc-provider: o nome \"" + name +
                                  "\" deve ter só letras minúsculas, algarismos e _");
    }
    if (std::any_of(out.begin(), out.end(),
                    [&](const auto& c) { return c.settings.name == name; })) {
      throw std::invalid_argument("--oidc-provider: \"" + name + "\" aparece duas vezes");
    }
    std::string upper = name;
    std::transform(upper.begin(), upper.end(), upper.begin(),
                   [](unsigned char ch) { return static_cast<char>(std::toupper(ch)); });
    identity::OidcClientConfig c;
    c.settings.name = name;
    c.settings.issuer = issuer;
    c.settings.client_id = environment("GUICHE_OIDC_" + upper + "_CLIENT_ID");
    c.client_secret = environment("GUICHE_OIDC_" + upper + "_CLIENT_SECRET");
    out.push_back(std::move(c));
  }
  const auto find = [&](const std::string& name,
                        const char* option) -> identity::OidcClientConfig& {
    for (auto& c : out) {
      if (c.settings.name == name) return c;
    }
    throw std::invalid_argument(std::string(option) + ": nenhum --oidc-provider se chama \"" +
                                name + "\"");
  };
  for (const auto& s : subject_claims) {
    auto [name, claim] = split_pair(s, "--oidc-subject-claim");
    find(name, "--oidc-subject-claim").settings.subject_claim = claim;
  }
  for (const auto& s : role_claims) {
    auto [name, claim] = split_pair(s, "--oidc-role-claim");
    find(name, "--oidc-role-claim").settings.role_claim = claim;
  }
  for (const auto& name : require_mfa)
    find(name, "--oidc-require-mfa-for-staff").settings.require_mfa_for_staff = true;
  for (const auto& name : form_post) find(name, "--oidc-form-post").settings.form_post = true;
  for (const auto& c : out) {
    if (auto problem = identity::oidc_config_problem(c)) throw std::invalid_argument(*problem);
  }
  return out;
}

}  // namespace guiche::cli
