#include "domain/chatbot/bot_message.hpp"

#include <set>

namespace guiche::chatbot {
namespace {

bool is_continuation(unsigned char c) {
  return (c & 0xC0) == 0x80;
}

void check(std::vector<std::string>& problems, std::string_view what, std::string_view value,
           std::size_t max, bool required = true) {
  if (required && value.empty()) problems.push_back(std::string(what) + " vazio");
  if (utf8_length(value) > max) {
    problems.push_back(std::string(what) + " com mais de " + std::to_string(max) +
                       " caracteres: " + std::string(value));
  }
}

}  // namespace

std::size_t utf8_length(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) n += is_continuation(static_cast<unsigned char>(c)) ? 0 : 1;
  return n;
}

std::string fit(std::string_view s, std::size_t max) {
  if (utf8_length(s) <= max) return std::string(s);
  if (max == 0) return "";
  // Keep max-1 characters and add the ellipsis; never cut inside a character.
  std::size_t chars = 0, i = 0;
  for (; i < s.size(); ++i) {
    if (!is_continuation(static_cast<unsigned char>(s[i]))) {
      if (chars == max - 1) break;
      ++chars;
    }
  }
  std::string out(s.substr(0, i));
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out + "…";
}

BotMessage text_message(std::string body) {
  BotMessage m;
  m.body = fit(body, CloudApiLimits::text_body);
  return m;
}

BotMessage buttons_message(std::string body, std::vector<Option> buttons) {
  BotMessage m;
  m.kind = BotMessage::Kind::buttons;
  m.body = fit(body, CloudApiLimits::interactive_body);
  for (auto& b : buttons) {
    b.title = fit(b.title, CloudApiLimits::button_title);
    b.description.clear();
  }
  m.options = std::move(buttons);
  return m;
}

BotMessage list_message(std::string body, std::string button, std::string section_title,
                        std::vector<Option> rows) {
  BotMessage m;
  m.kind = BotMessage::Kind::list;
  m.body = fit(body, CloudApiLimits::interactive_body);
  m.list_button = fit(button, CloudApiLimits::list_button);
  m.section_title = fit(section_title, CloudApiLimits::section_title);
  for (auto& r : rows) {
    r.title = fit(r.title, CloudApiLimits::row_title);
    r.description = fit(r.description, CloudApiLimits::row_description);
  }
  m.options = std::move(rows);
  return m;
}

nlohmann::json BotMessage::to_cloud_api_json() const {
  if (kind == Kind::text) {
    return {{"type", "text"}, {"text", {{"preview_url", false}, {"body", body}}}};
  }
  nlohmann::json interactive{{"body", {{"text", body}}}};
  if (kind == Kind::buttons) {
    interactive["type"] = "button";
    nlohmann::json buttons = nlohmann::json::array();
    for (const auto& o : options) {
      buttons.push_back({{"type", "reply"}, {"reply", {{"id", o.id}, {"title", o.title}}}});
    }
    interactive["action"] = {{"buttons", buttons}};
  } else {
    interactive["type"] = "list";
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& o : options) {
      nlohmann::json row{{"id", o.id}, {"title", o.title}};
      if (!o.description.empty()) row["description"] = o.description;
      rows.push_back(std::move(row));
    }
    nlohmann::json section{{"rows", rows}};
    if (!section_title.empty()) section["title"] = section_title;
    interactive["action"] = {{"button", list_button}, {"sections", {section}}};
  }
  return {{"type", "interactive"}, {"interactive", interactive}};
}

std::vector<std::string> cloud_api_limit_problems(const BotMessage& m) {
  std::vector<std::string> problems;
  std::set<std::string> ids, titles;
  switch (m.kind) {
    case BotMessage::Kind::text:
      check(problems, "texto", m.body, CloudApiLimits::text_body);
      if (!m.options.empty()) problems.push_back("texto com opções");
      break;
    case BotMessage::Kind::buttons:
      check(problems, "corpo", m.body, CloudApiLimits::interactive_body);
      if (m.options.empty() || m.options.size() > CloudApiLimits::buttons) {
        problems.push_back("botões: " + std::to_string(m.options.size()) + " (de 1 a 3)");
      }
      for (const auto& o : m.options) {
        check(problems, "título de botão", o.title, CloudApiLimits::button_title);
        check(problems, "id de botão", o.id, CloudApiLimits::button_id);
        if (!o.description.empty()) problems.push_back("botão com descrição: " + o.title);
        // Meta: titles "must be unique within the message".
        if (!titles.insert(o.title).second) problems.push_back("título repetido: " + o.title);
        if (!ids.insert(o.id).second) problems.push_back("id repetido: " + o.id);
      }
      break;
    case BotMessage::Kind::list:
      check(problems, "corpo", m.body, CloudApiLimits::interactive_body);
      check(problems, "botão da lista", m.list_button, CloudApiLimits::list_button);
      check(problems, "título da seção", m.section_title, CloudApiLimits::section_title, false);
      if (m.options.empty() || m.options.size() > CloudApiLimits::list_rows) {
        problems.push_back("linhas: " + std::to_string(m.options.size()) + " (de 1 a 10)");
      }
      for (const auto& o : m.options) {
        check(problems, "título de linha", o.title, CloudApiLimits::row_title);
        check(problems, "descrição de linha", o.description, CloudApiLimits::row_description,
              false);
        check(problems, "id de linha", o.id, CloudApiLimits::row_id);
        if (!ids.insert(o.id).second) problems.push_back("id repetido: " + o.id);
      }
      break;
  }
  return problems;
}

}  // namespace guiche::chatbot
