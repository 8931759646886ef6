#include "app/webhooks/webhook_rules.hpp"

#include <algorithm>
#include <cctype>
#include <set>

#include "app/webhooks/webhook_events.hpp"

namespace guiche::app {
namespace {

bool has_control_or_space(const std::string& text) {
  return std::any_of(text.begin(), text.end(), [](char ch) {
    const auto u = static_cast<unsigned char>(ch);
    return u <= 0x20 || u == 0x7f;
  });
}

std::string lower(std::string text) {
  for (auto& ch : text) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return text;
}

}  // namespace

std::string webhook_url_problem(const std::string& url) {
  if (url.empty()) return "Informe a URL do receptor.";
  if (url.size() > 2000) return "A URL tem mais de 2.000 caracteres.";
  if (has_control_or_space(url)) return "A URL não pode ter espaços nem caracteres de controle.";
  const auto scheme_end = url.find("://");
  const std::string scheme =
      scheme_end == std::string::npos ? "" : lower(url.substr(0, scheme_end));
  if (scheme != "http" && scheme != "https") return "A URL deve começar com https:// ou http://.";
  const auto rest = url.substr(scheme_end + 3);
  const std::string authority = rest.substr(0, rest.find_first_of("/?#"));
  // A password in the URL would be stored and shown in the clear: the
  // signature is how the receiver knows the desk.
  if (authority.find('@') != std::string::npos) {
    return "A URL não pode conter usuário ou senha; o receptor confere a assinatura.";
  }
  std::string host = authority;
  if (!host.empty() && host.front() == '[') {
    const auto close = host.find(']');
    if (close == std::string::npos) return "A URL tem um endereço IPv6 malformado.";
    const auto after = host.substr(close + 1);
    if (!after.empty() && after.front() != ':') return "A URL tem um endereço IPv6 malformado.";
    host = host.substr(0, close + 1);
    if (host.size() <= 2) return "A URL deve nomear o servidor receptor.";
    return after.size() > 1 && !std::all_of(after.begin() + 1, after.end(),
                                            [](char ch) {
                                              return std::isdigit(static_cast<unsigned char>(ch));
                                            })
               ? "A porta da URL deve ser um número."
               : "";
  }
  const auto colon = host.find(':');
  if (colon != std::string::npos) {
    const auto port = host.substr(colon + 1);
    host = host.substr(0, colon);
    if (port.empty() || port.size() > 5 ||
        !std::all_of(port.begin(), port.end(),
                     [](char ch) { return std::isdigit(static_cast<unsigned char>(ch)); }) ||
        std::stoi(port) == 0 || std::stoi(port) > 65535) {
      return "A porta da URL deve ser um número de 1 a 65535.";
    }
  }
  if (host.empty()) return "A URL deve nomear o servidor receptor.";
  return "";
}

std::string webhook_secret_problem(const std::string& secret) {
  if (secret.size() < 16) return "O segredo deve ter ao menos 16 caracteres.";
  if (secret.size() > 200) return "O segredo deve ter no máximo 200 caracteres.";
  if (std::any_of(secret.begin(), secret.end(), [](char ch) {
        const auto u = static_cast<unsigned char>(ch);
        return u < 0x20 || u == 0x7f;
      })) {
    return "O segredo não pode ter caracteres de controle.";
  }
  return "";
}

std::string webhook_events_problem(const std::vector<std::string>& events) {
  if (events.empty()) return "Escolha ao menos um evento.";
  for (const auto& e : events) {
    if (!is_webhook_event_kind(e)) {
      return "Evento desconhecido: " + e +
             ". Use ticket_created, status_changed, public_reply, resolved, sla_warning ou "
             "sla_breach.";
    }
  }
  if (std::set<std::string>(events.begin(), events.end()).size() != events.size()) {
    return "Um evento aparece mais de uma vez.";
  }
  return "";
}

std::string webhook_description_problem(const std::string& description) {
  if (description.size() > 200) return "A descrição deve ter no máximo 200 caracteres.";
  if (std::any_of(description.begin(), description.end(), [](char ch) {
        const auto u = static_cast<unsigned char>(ch);
        return u < 0x20 || u == 0x7f;
      })) {
    return "A descrição não pode ter caracteres de controle.";
  }
  return "";
}

std::string secret_hint(const std::string& secret) {
  // Only ASCII is shown: four bytes of a multibyte character would not be text.
  if (secret.size() <= 4) return "…";
  const auto tail = secret.substr(secret.size() - 4);
  const bool ascii = std::all_of(tail.begin(), tail.end(),
                                 [](char ch) { return static_cast<unsigned char>(ch) < 0x80; });
  return ascii ? "…" + tail : "…";
}

}  // namespace guiche::app
