#pragma once
// What the chatbot says: a WhatsApp message of one of the three kinds it uses (plain text, reply
// buttons, a list), with the Cloud API's documented limits. The limits are counted in characters
// (Unicode code points), not bytes: "Não aceito" is 10 characters.
#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace guiche::chatbot {

// The Cloud API's limits for the messages the bot sends (Meta's "Interactive reply buttons
// messages" and "Interactive list messages" pages; the WhatsApp Node SDK's object reference).
struct CloudApiLimits {
  static constexpr std::size_t text_body = 4096;
  static constexpr std::size_t interactive_body = 1024;
  static constexpr std::size_t buttons = 3;
  static constexpr std::size_t button_title = 20;
  static constexpr std::size_t button_id = 256;
  static constexpr std::size_t list_rows = 10;  // all sections together
  static constexpr std::size_t list_button = 20;
  static constexpr std::size_t section_title = 24;
  static constexpr std::size_t row_title = 24;
  static constexpr std::size_t row_description = 72;
  static constexpr std::size_t row_id = 200;
};

struct Option {  // a reply button or a list row
  std::string id;
  std::string title;
  std::string description;  // list rows only; may be empty
};

struct BotMessage {
  enum class Kind { text, buttons, list };
  Kind kind = Kind::text;
  std::string body;
  std::vector<Option> options;  // buttons or rows
  std::string list_button;      // the label that opens a list
  std::string section_title;    // the list's one section (optional)

  // The Cloud API `message` object's own fields: `type` and `text` or `interactive` (the
  // transport adds `messaging_product`, `recipient_type` and `to`).
  nlohmann::json to_cloud_api_json() const;
};

BotMessage text_message(std::string body);
BotMessage buttons_message(std::string body, std::vector<Option> buttons);
BotMessage list_message(std::string body, std::string button, std::string section_title,
                        std::vector<Option> rows);

// Every way `m` breaks the limits above (pt-BR, one line each); empty when it is within them.
std::vector<std::string> cloud_api_limit_problems(const BotMessage& m);

// Characters (code points) of a UTF-8 string.
std::size_t utf8_length(std::string_view s);
// `s` cut to at most `max` characters, ending in "…" when cut.
std::string fit(std::string_view s, std::size_t max);

}  // namespace guiche::chatbot
