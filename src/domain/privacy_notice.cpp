#include "domain/privacy_notice.hpp"

#include <vector>

#include "domain/error.hpp"
#include "domain/utf8_sequence.hpp"

namespace guiche {
namespace {

constexpr std::size_t kPrivacyTextMax = 50000;
constexpr std::size_t kPrivacyContactMax = 300;

std::string privacy_trimmed(const std::string& s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return "";
  return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

// Valid UTF-8 without control characters; `lines` allows \n, \r and \t.
bool clean_text(const std::string& s, bool lines) {
  for (std::size_t i = 0; i < s.size();) {
    const auto n = utf8_sequence_length(s, i);
    if (n == 0) return false;
    if (n == 1) {
      const auto c = static_cast<unsigned char>(s[i]);
      const bool allowed = lines && (c == '\n' || c == '\r' || c == '\t');
      if ((c < 0x20 || c == 0x7f) && !allowed) return false;
    }
    i += n;
  }
  return true;
}

}  // namespace

std::string default_privacy_notice_pt(const std::string& controller) {
  return "Este aviso explica como " + controller +
         " trata os dados pessoais recebidos pela Central de Serviços (Guichê), conforme a Lei "
         "Geral de Proteção de Dados Pessoais (LGPD, Lei nº 13.709/2018).\n\n"
         "Controlador\n" +
         controller +
         " é o controlador dos dados pessoais tratados neste serviço.\n\n"
         "Quais dados tratamos\n"
         "Nome, e-mails, telefone, CPF (quando informado), órgão, as solicitações, mensagens e "
         "anexos que você envia, e o registro técnico dos acessos (data, hora e endereço de "
         "rede).\n\n"
         "Para que usamos\n"
         "Para o atendimento de solicitações: registrar, encaminhar, acompanhar e responder os "
         "seus chamados e manifestações, avisar sobre o andamento e sobre incidentes dos "
         "serviços, e medir a qualidade do atendimento.\n\n"
         "Base legal\n"
         "Execução de políticas públicas e cumprimento das competências legais do órgão "
         "(LGPD, art. 7º, III, e art. 23).\n\n"
         "Compartilhamento\n"
         "Os dados são vistos apenas pelas equipes que atendem a sua solicitação e não são "
         "vendidos nem cedidos para fins comerciais. Podem ser compartilhados com outros órgãos "
         "públicos quando necessário ao atendimento ou exigido por lei.\n\n"
         "Por quanto tempo guardamos\n"
         "Pelo tempo necessário ao atendimento e aos prazos de guarda de documentos públicos. "
         "O registro de quem acessou dados pessoais é guardado por cinco anos.\n\n"
         "Seus direitos (LGPD, art. 18)\n"
         "Você pode pedir a confirmação de que tratamos seus dados, o acesso a eles, a correção "
         "de dados incompletos ou desatualizados, a anonimização, o bloqueio ou a eliminação de "
         "dados desnecessários, informações sobre com quem os compartilhamos e a revisão de "
         "decisões. Para exercer esses direitos, fale com o encarregado de dados pelo contato "
         "abaixo ou registre uma solicitação no portal; responderemos nos prazos da lei.\n\n"
         "Segurança\n"
         "O acesso é restrito por perfil e cada leitura de dados pessoais por servidores é "
         "registrada.";
}

PrivacyNoticeText validated_privacy_notice(const PrivacyNoticeText& in) {
  PrivacyNoticeText n{privacy_trimmed(in.text_pt), privacy_trimmed(in.text_en),
                      privacy_trimmed(in.dpo_contact)};
  std::vector<FieldError> errors;
  if (n.text_pt.empty()) {
    errors.push_back({"text_pt", "Informe o texto do aviso de privacidade."});
  } else if (n.text_pt.size() > kPrivacyTextMax) {
    errors.push_back({"text_pt", "O texto tem no máximo 50.000 caracteres."});
  } else if (!clean_text(n.text_pt, true)) {
    errors.push_back({"text_pt", "O texto tem caracteres inválidos."});
  }
  if (n.text_en.size() > kPrivacyTextMax) {
    errors.push_back({"text_en", "O texto em inglês tem no máximo 50.000 caracteres."});
  } else if (!clean_text(n.text_en, true)) {
    errors.push_back({"text_en", "O texto em inglês tem caracteres inválidos."});
  }
  if (n.dpo_contact.empty()) {
    errors.push_back(
        {"dpo_contact", "Informe o nome e o contato do encarregado de dados (LGPD, art. 41)."});
  } else if (n.dpo_contact.size() > kPrivacyContactMax) {
    errors.push_back({"dpo_contact", "O contato tem no máximo 300 caracteres."});
  } else if (!clean_text(n.dpo_contact, false)) {
    errors.push_back({"dpo_contact", "O contato deve ocupar uma linha, sem caracteres inválidos."});
  }
  if (!errors.empty()) throw invalid("Aviso de privacidade inválido.", errors);
  return n;
}

}  // namespace guiche
