#include "mail/templates.hpp"

#include <algorithm>
#include <kainjow/mustache.hpp>
#include <map>
#include <memory>
#include <unordered_map>

#include "mail/manifestation_message_templates.hpp"
#include "mail/status_message_templates.hpp"

namespace guiche::mail {
namespace {

using kainjow::mustache::data;
using kainjow::mustache::mustache;

const char* const kSignature =
    "\n--\nCentral de Serviços\nEsta é uma mensagem automática; para responder, use o portal "
    "ou responda mantendo o número da SA no assunto.\n";
const char* const kHtmlSignature =
    "<hr><p><small>Central de Serviços. Esta é uma mensagem automática; para responder, use o "
    "portal ou responda mantendo o número da SA no assunto.</small></p>";

struct Default {
  const char* subject;
  const char* text;
  const char* html;
  std::vector<std::string> placeholders;
};

const std::vector<std::string> kTicketFields = {"name", "protocol", "subject", "service",
                                                "ticket_url"};

std::vector<std::string> with_ticket(std::vector<std::string> more) {
  more.insert(more.begin(), kTicketFields.begin(), kTicketFields.end());
  return more;
}

const std::map<std::string, Default>& defaults() {
  static const std::map<std::string, Default> table = {
      {"registration",
       {"Solicitação registrada: {{subject}}",
        "Olá, {{name}}.\n\nSua solicitação foi registrada com o protocolo {{protocol}}.\n"
        "Serviço: {{service}}\nAssunto: {{subject}}\n"
        "Prazo estimado: {{#is_project}}a combinar{{/is_project}}"
        "{{^is_project}}{{estimated_deadline}}{{/is_project}}\n\n"
        "{{#some_not_accepted}}Estes arquivos não foram aceitos como anexo (ficam guardados para "
        "a equipe, que pode liberá-los):\n{{/some_not_accepted}}"
        "{{#not_accepted}}- "
        "{{file}}\n{{/not_accepted}}{{#some_not_accepted}}\n{{/some_not_accepted}}"
        "Acompanhe em {{ticket_url}}\n",
        "<p>Olá, {{name}}.</p><p>Sua solicitação foi registrada com o protocolo "
        "<strong>{{protocol}}</strong>.</p><ul><li>Serviço: {{service}}</li>"
        "<li>Assunto: {{subject}}</li><li>Prazo estimado: {{#is_project}}a combinar"
        "{{/is_project}}{{^is_project}}{{estimated_deadline}}{{/is_project}}</li></ul>"
        "{{#some_not_accepted}}<p>Estes arquivos não foram aceitos como anexo (ficam guardados "
        "para a equipe, que pode liberá-los):</p><ul>{{/some_not_accepted}}"
        "{{#not_accepted}}<li>{{file}}</li>{{/not_accepted}}{{#some_not_accepted}}</ul>"
        "{{/some_not_accepted}}"
        "<p><a href=\"{{ticket_url}}\">Acompanhar a solicitação</a></p>",
        with_ticket({"estimated_deadline", "is_project", "not_accepted", "some_not_accepted"})}},
      {"attachments_not_accepted",
       {"Arquivos não aceitos: {{subject}}",
        "Olá, {{name}}.\n\nRecebemos sua mensagem na SA {{protocol}}, mas estes arquivos não "
        "foram aceitos como anexo (ficam guardados para a equipe, que pode liberá-los):\n"
        "{{#not_accepted}}- {{file}}\n{{/not_accepted}}\n"
        "Se precisar, envie o conteúdo em outro formato. Acompanhe em {{ticket_url}}\n",
        "<p>Olá, {{name}}.</p><p>Recebemos sua mensagem na SA <strong>{{protocol}}</strong>, "
        "mas estes arquivos não foram aceitos como anexo (ficam guardados para a equipe, que "
        "pode liberá-los):</p><ul>{{#not_accepted}}<li>{{file}}</li>{{/not_accepted}}</ul>"
        "<p>Se precisar, envie o conteúdo em outro formato.</p>"
        "<p><a href=\"{{ticket_url}}\">Acompanhar a solicitação</a></p>",
        with_ticket({"not_accepted"})}},
      {"information_request",
       {"Precisamos de informações: {{subject}}",
        "Olá, {{name}}.\n\nPara continuar o atendimento da SA {{protocol}}, precisamos de "
        "informações suas:\n\n{{text}}\n\nEnquanto aguardamos sua resposta, o prazo fica "
        "suspenso. Responda em {{ticket_url}}\n",
        "<p>Olá, {{name}}.</p><p>Para continuar o atendimento da SA <strong>{{protocol}}"
        "</strong>, precisamos de informações suas:</p><blockquote>{{text}}</blockquote>"
        "<p>Enquanto aguardamos sua resposta, o prazo fica suspenso.</p>"
        "<p><a href=\"{{ticket_url}}\">Responder</a></p>",
        with_ticket({"text"})}},
      {"agent_reply",
       {"Nova mensagem: {{subject}}",
        "Olá, {{name}}.\n\n{{agent}} escreveu na SA {{protocol}}:\n\n{{text}}\n\n"
        "Veja a conversa em {{ticket_url}}\n",
        "<p>Olá, {{name}}.</p><p>{{agent}} escreveu na SA <strong>{{protocol}}</strong>:</p>"
        "<blockquote>{{text}}</blockquote><p><a href=\"{{ticket_url}}\">Ver a conversa</a></p>",
        with_ticket({"agent", "text"})}},
      {"resolution",
       {"Solicitação resolvida: {{subject}}",
        "Olá, {{name}}.\n\nSua solicitação {{protocol}} foi resolvida.\n\nO que foi feito:\n"
        "{{resolution}}\n\nTempo gasto no atendimento: {{time_spent}}\n\n"
        "Avalie o atendimento: {{evaluate_url}}\nSe o problema continua, peça a reabertura até "
        "{{reopen_until}}: {{reopen_url}}\n",
        "<p>Olá, {{name}}.</p><p>Sua solicitação <strong>{{protocol}}</strong> foi resolvida."
        "</p><p>O que foi feito:</p><blockquote>{{resolution}}</blockquote><p>Tempo gasto no "
        "atendimento: {{time_spent}}</p><p><a href=\"{{evaluate_url}}\">Avaliar o atendimento"
        "</a> · <a href=\"{{reopen_url}}\">Pedir a reabertura</a> (até {{reopen_until}})</p>",
        with_ticket({"resolution", "time_spent", "evaluate_url", "reopen_url", "reopen_until"})}},
      {"closing",
       {"Solicitação encerrada: {{subject}}",
        "Olá, {{name}}.\n\nA SA {{protocol}} foi encerrada.\n\nSe precisar de algo mais, "
        "registre uma nova solicitação.\n",
        "<p>Olá, {{name}}.</p><p>A SA <strong>{{protocol}}</strong> foi encerrada.</p>"
        "<p>Se precisar de algo mais, registre uma nova solicitação.</p>",
        with_ticket({})}},
      {"reopening",
       {"Solicitação reaberta: {{subject}}",
        "Olá, {{name}}.\n\nO solicitante reabriu a SA {{protocol}}.\n\nMotivo:\n{{reason}}\n\n"
        "{{ticket_url}}\n",
        "<p>Olá, {{name}}.</p><p>O solicitante reabriu a SA <strong>{{protocol}}</strong>.</p>"
        "<p>Motivo:</p><blockquote>{{reason}}</blockquote>"
        "<p><a href=\"{{ticket_url}}\">Abrir a SA</a></p>",
        with_ticket({"reason"})}},
      {"sla_warning",
       {"Prazo de {{target}} perto do fim: {{subject}}",
        "Olá, {{name}}.\n\nO prazo de {{target}} da SA {{protocol}} ({{unit}}) vence em "
        "{{deadline}}.\n\n{{ticket_url}}\n",
        "<p>Olá, {{name}}.</p><p>O prazo de {{target}} da SA <strong>{{protocol}}</strong> "
        "({{unit}}) vence em <strong>{{deadline}}</strong>.</p>"
        "<p><a href=\"{{ticket_url}}\">Abrir a SA</a></p>",
        with_ticket({"target", "deadline", "unit"})}},
      {"sla_breach",
       {"Prazo de {{target}} estourado: {{subject}}",
        "Olá, {{name}}.\n\nO prazo de {{target}} da SA {{protocol}} ({{unit}}) venceu em "
        "{{deadline}}.\n\n{{ticket_url}}\n",
        "<p>Olá, {{name}}.</p><p>O prazo de {{target}} da SA <strong>{{protocol}}</strong> "
        "({{unit}}) venceu em <strong>{{deadline}}</strong>.</p>"
        "<p><a href=\"{{ticket_url}}\">Abrir a SA</a></p>",
        with_ticket({"target", "deadline", "unit"})}},
      {"merged",
       {"Solicitação unida a outra: {{subject}}",
        "Olá, {{name}}.\n\nA SA {{protocol}} trata do mesmo problema que a SA "
        "{{into_protocol}}, já em atendimento, e foi unida a ela. Você receberá aqui as "
        "novidades do atendimento.\n\n{{ticket_url}}\n",
        "<p>Olá, {{name}}.</p><p>A SA <strong>{{protocol}}</strong> trata do mesmo problema "
        "que a SA <strong>{{into_protocol}}</strong>, já em atendimento, e foi unida a ela. "
        "Você receberá aqui as novidades do atendimento.</p>"
        "<p><a href=\"{{ticket_url}}\">Acompanhar a SA</a></p>",
        with_ticket({"into_protocol"})}},
      {"merge_undone",
       {"Solicitação de volta ao atendimento: {{subject}}",
        "Olá, {{name}}.\n\nA SA {{protocol}} não faz mais parte da SA {{into_protocol}} e "
        "voltou a ser atendida por si.\n\n{{ticket_url}}\n",
        "<p>Olá, {{name}}.</p><p>A SA <strong>{{protocol}}</strong> não faz mais parte da SA "
        "<strong>{{into_protocol}}</strong> e voltou a ser atendida por si.</p>"
        "<p><a href=\"{{ticket_url}}\">Acompanhar a SA</a></p>",
        with_ticket({"into_protocol"})}},
      {"merged_news",
       {"Novidades sobre a sua solicitação: {{subject}}",
        "Olá, {{name}}.\n\nHá novidades na SA {{into_protocol}}, à qual a sua SA {{protocol}} "
        "foi unida:\n\n{{news}}\n\n{{ticket_url}}\n",
        "<p>Olá, {{name}}.</p><p>Há novidades na SA <strong>{{into_protocol}}</strong>, à qual "
        "a sua SA <strong>{{protocol}}</strong> foi unida:</p><blockquote>{{news}}</blockquote>"
        "<p><a href=\"{{ticket_url}}\">Acompanhar a SA</a></p>",
        with_ticket({"into_protocol", "news"})}},
      {"mention",
       {"{{agent}} mencionou você: {{subject}}",
        "Olá, {{name}}.\n\n{{agent}} mencionou você numa nota interna da SA {{protocol}}:"
        "\n\n{{text}}\n\n{{ticket_url}}\n",
        "<p>Olá, {{name}}.</p><p>{{agent}} mencionou você numa nota interna da SA "
        "<strong>{{protocol}}</strong>:</p><blockquote>{{text}}</blockquote>"
        "<p><a href=\"{{ticket_url}}\">Abrir a SA</a></p>",
        with_ticket({"agent", "text"})}},
      {"watched_update",
       {"Novidade numa SA que você segue: {{subject}}",
        "Olá, {{name}}.\n\nNa SA {{protocol}}, que você segue: {{what}}\n\n{{text}}\n\n"
        "{{ticket_url}}\n",
        "<p>Olá, {{name}}.</p><p>Na SA <strong>{{protocol}}</strong>, que você segue: "
        "{{what}}</p><blockquote>{{text}}</blockquote>"
        "<p><a href=\"{{ticket_url}}\">Abrir a SA</a></p>",
        with_ticket({"what", "text"})}},
      {"first_access",
       {"Seu acesso à Central de Serviços",
        "Olá, {{name}}.\n\nSeu acesso foi criado.\nUsuário: {{login}}\nSenha inicial: "
        "{{password}}\n\nNo primeiro acesso, em {{sign_in_url}}, você deverá trocar a senha.\n",
        "<p>Olá, {{name}}.</p><p>Seu acesso foi criado.</p><ul><li>Usuário: <strong>{{login}}"
        "</strong></li><li>Senha inicial: <strong>{{password}}</strong></li></ul><p>No "
        "primeiro acesso, em <a href=\"{{sign_in_url}}\">{{sign_in_url}}</a>, você deverá "
        "trocar a senha.</p>",
        {"name", "login", "password", "sign_in_url"}}},
      {"password_reset",
       {"Nova senha temporária da Central de Serviços",
        "Olá, {{name}}.\n\nUm administrador reiniciou sua senha.\nUsuário: {{login}}\nSenha "
        "temporária: {{password}}\n\nNo próximo acesso, em {{sign_in_url}}, você deverá trocar "
        "a senha. Se não pediu esta troca, avise a central.\n",
        "<p>Olá, {{name}}.</p><p>Um administrador reiniciou sua senha.</p><ul><li>Usuário: "
        "<strong>{{login}}</strong></li><li>Senha temporária: <strong>{{password}}</strong>"
        "</li></ul><p>No próximo acesso, em <a href=\"{{sign_in_url}}\">{{sign_in_url}}</a>, "
        "você deverá trocar a senha. Se não pediu esta troca, avise a central.</p>",
        {"name", "login", "password", "sign_in_url"}}},
      {"password_link",
       {"Criar uma nova senha na Central de Serviços",
        "Olá, {{name}}.\n\nRecebemos um pedido para criar uma nova senha para o usuário "
        "{{login}}. Para criá-la, abra este link em até {{minutes}} minutos:\n\n{{link_url}}\n\n"
        "O link serve uma vez. Se não foi você quem pediu, ignore esta mensagem: a sua senha "
        "continua a mesma.\n",
        "<p>Olá, {{name}}.</p><p>Recebemos um pedido para criar uma nova senha para o usuário "
        "<strong>{{login}}</strong>. Para criá-la, abra este link em até {{minutes}} "
        "minutos:</p><p><a href=\"{{link_url}}\">Criar uma nova senha</a></p><p>O link serve "
        "uma vez. Se não foi você quem pediu, ignore esta mensagem: a sua senha continua a "
        "mesma.</p>",
        {"name", "login", "link_url", "minutes"}}},
      {"external_link_code",
       {"Código para vincular sua conta do {{provider}}",
        "Olá, {{name}}.\n\nAlguém entrou no Guichê com uma conta do {{provider}} que usa este "
        "e-mail. Para vinculá-la ao seu cadastro, digite o código {{code}} na página de entrada. "
        "Ele vale por {{minutes}} minutos.\n\nSe não foi você, ignore esta mensagem: sem o "
        "código, nada é vinculado.\n",
        "<p>Olá, {{name}}.</p><p>Alguém entrou no Guichê com uma conta do {{provider}} que usa "
        "este e-mail. Para vinculá-la ao seu cadastro, digite o código <strong>{{code}}</strong> "
        "na página de entrada. Ele vale por {{minutes}} minutos.</p><p>Se não foi você, ignore "
        "esta mensagem: sem o código, nada é vinculado.</p>",
        {"name", "code", "provider", "minutes"}}},
      {"whatsapp_code",
       {"Código de confirmação do WhatsApp",
        "Olá, {{name}}.\n\nSeu código para confirmar sua identidade no atendimento pelo "
        "WhatsApp é {{code}}. Ele vale por {{minutes}} minutos.\n\nSe não foi você quem pediu, "
        "ignore esta mensagem: sem o código, ninguém fala em seu nome.\n",
        "<p>Olá, {{name}}.</p><p>Seu código para confirmar sua identidade no atendimento pelo "
        "WhatsApp é <strong>{{code}}</strong>. Ele vale por {{minutes}} minutos.</p><p>Se não "
        "foi você quem pediu, ignore esta mensagem: sem o código, ninguém fala em seu nome.</p>",
        {"name", "code", "minutes"}}},
  };
  return table;
}

data to_data(const nlohmann::json& v) {
  if (v.is_object()) {
    data d{data::type::object};
    for (auto it = v.begin(); it != v.end(); ++it) d.set(it.key(), to_data(it.value()));
    return d;
  }
  if (v.is_array()) {
    data list{data::type::list};
    for (const auto& item : v) list.push_back(to_data(item));
    return list;
  }
  if (v.is_boolean())
    return v.get<bool>() ? data{data::type::bool_true} : data{data::type::bool_false};
  if (v.is_null()) return data{data::type::bool_false};
  if (v.is_string()) return data{v.get<std::string>()};
  return data{v.dump()};
}

// Parsing a template costs more than rendering it, and the same few texts
// are rendered for every notice (a registration's receipt is rendered inside
// the write transaction). So each thread keeps the templates it parsed;
// mustache::render is not const, so a parsed template is not shared between
// threads. An admin's edit is a new text, hence a new entry.
mustache& parsed(const std::string& text, bool html) {
  constexpr std::size_t kKept = 64;
  thread_local std::unordered_map<std::string, std::unique_ptr<mustache>> kept[2];
  auto& cache = kept[html ? 1 : 0];
  auto it = cache.find(text);
  if (it == cache.end()) {
    if (cache.size() >= kKept) cache.clear();
    auto m = std::make_unique<mustache>(text);
    if (!html) m->set_custom_escape([](const std::string& s) { return s; });
    it = cache.emplace(text, std::move(m)).first;
  }
  return *it->second;
}

std::string render_one(const std::string& text, const data& values, bool html) {
  return parsed(text, html).render(values);
}

const StatusMessageDefault* plain_message(const std::string& key) {
  for (const auto* table : {&status_message_defaults(), &manifestation_message_defaults()}) {
    auto it = table->find(key);
    if (it != table->end()) return &it->second;
  }
  return nullptr;
}

bool is_template_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}
bool is_name_start(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
}

// The names of the {{name}} and {{{name}}} variables of a text, in order: "{{",
// an optional "{", spaces, a name of letters, digits, "_" and ".", spaces, and
// "}}" or "}}}". Read by hand: std::regex recursed once per character, and a
// template with a long run of spaces after "{{" overflowed the stack (found
// fuzzing, fuzz/templates_fuzz.cpp).
std::vector<std::string> template_variables(const std::string& text) {
  std::vector<std::string> names;
  std::size_t p = 0;
  while ((p = text.find("{{", p)) != std::string::npos) {
    std::size_t at = p + 2;
    if (at < text.size() && text[at] == '{') ++at;
    while (at < text.size() && is_template_space(text[at])) ++at;
    const std::size_t name_start = at;
    if (at < text.size() && is_name_start(text[at])) {
      ++at;
      while (at < text.size() &&
             (is_name_start(text[at]) || (text[at] >= '0' && text[at] <= '9') || text[at] == '.'))
        ++at;
    }
    const std::size_t name_end = at;
    while (at < text.size() && is_template_space(text[at])) ++at;
    std::size_t end = std::string::npos;
    if (name_end > name_start) {
      if (text.compare(at, 3, "}}}") == 0)
        end = at + 3;
      else if (text.compare(at, 2, "}}") == 0)
        end = at + 2;
    }
    if (end == std::string::npos) {
      ++p;
      continue;
    }
    names.push_back(text.substr(name_start, name_end - name_start));
    p = end;
  }
  return names;
}

}  // namespace

const std::vector<std::string>& template_keys() {
  static const std::vector<std::string> keys = {"registration",      "information_request",
                                                "agent_reply",       "resolution",
                                                "closing",           "reopening",
                                                "sla_warning",       "sla_breach",
                                                "first_access",      "password_reset",
                                                "whatsapp_code",     "attachments_not_accepted",
                                                "password_link",     "merged",
                                                "merge_undone",      "merged_news",
                                                "mention",           "watched_update",
                                                "external_link_code"};
  return keys;
}

std::optional<Template> default_template(const std::string& key) {
  auto it = defaults().find(key);
  if (it == defaults().end()) {
    // A status notice's or a manifestação's message: plain text, no ticket signature.
    const auto* plain = plain_message(key);
    if (!plain) return std::nullopt;
    return Template{key, "email", "pt-BR", plain->title, plain->text, ""};
  }
  return Template{key,
                  "email",
                  "pt-BR",
                  it->second.subject,
                  std::string(it->second.text) + kSignature,
                  std::string(it->second.html) + kHtmlSignature};
}

const std::vector<std::string>& template_placeholders(const std::string& key) {
  static const std::vector<std::string> none;
  auto it = defaults().find(key);
  if (it != defaults().end()) return it->second.placeholders;
  const auto* plain = plain_message(key);
  return plain ? plain->placeholders : none;
}

std::vector<std::string> unfilled_placeholders(const Template& t, const nlohmann::json& values) {
  // Plain {{name}} and {{{name}}} variables; sections ({{#x}}, {{^x}}, {{/x}})
  // and comments may be empty on purpose.
  std::vector<std::string> missing;
  for (const auto* text : {&t.subject, &t.text, &t.html}) {
    for (const auto& name : template_variables(*text)) {
      const bool filled = values.contains(name) && !values[name].is_null() &&
                          !(values[name].is_string() && values[name].get<std::string>().empty());
      if (!filled && std::find(missing.begin(), missing.end(), name) == missing.end()) {
        missing.push_back(name);
      }
    }
  }
  return missing;
}

Rendered render(const Template& t, const nlohmann::json& values) {
  const data d = to_data(values);
  Rendered r;
  r.subject = render_one(t.subject, d, false);
  r.text = render_one(t.text, d, false);
  r.html = t.html.empty() ? std::string() : render_one(t.html, d, true);
  return r;
}

std::optional<std::string> template_error(const std::string& text) {
  mustache m{text};
  if (m.is_valid()) return std::nullopt;
  return m.error_message();
}

}  // namespace guiche::mail
