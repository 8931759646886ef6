#include "domain/chatbot/form_questions.hpp"
#include "domain/ascii_text.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <regex>

#include "domain/chatbot/folding.hpp"
#include "domain/chatbot/texts_pt_br.hpp"
#include "domain/identity.hpp"

namespace guiche::chatbot {
namespace {

constexpr std::string_view kChoice = "campo:opcao:";
constexpr std::string_view kYes = "campo:sim";
constexpr std::string_view kNo = "campo:nao";
constexpr std::string_view kSkip = "campo:pular";

bool choices_fit_buttons(const FormField& f) {
  std::size_t n = f.choices.size() + (f.required ? 0 : 1);
  if (n > CloudApiLimits::buttons) return false;
  for (const auto& c : f.choices) {
    if (utf8_length(c) > CloudApiLimits::button_title) return false;
  }
  return true;
}

bool choices_fit_list(const FormField& f) {
  return f.choices.size() + (f.required ? 0 : 1) <= CloudApiLimits::list_rows;
}

FieldReply problem(std::string text) {
  return {std::nullopt, std::move(text)};
}

std::optional<Date> read_br_date(const std::string& text, Date today) {
  if (fold(text) == texts::word_today) return today;
  static const std::regex pattern(R"((\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}))");
  std::smatch m;
  if (!std::regex_match(text, m, pattern)) return std::nullopt;
  Date d{std::chrono::year{std::stoi(m[3])},
         std::chrono::month{static_cast<unsigned>(std::stoul(m[2]))},
         std::chrono::day{static_cast<unsigned>(std::stoul(m[1]))}};
  if (!d.ok()) return std::nullopt;
  return d;
}

std::optional<nlohmann::json> read_number(std::string text) {
  std::string plain;
  bool comma = text.find(',') != std::string::npos;
  for (char c : text) {
    if (c == ' ') continue;
    if (comma && c == '.') continue;  // "1.234,5": the dots group thousands
    plain.push_back(c == ',' ? '.' : c);
  }
  static const std::regex pattern(R"(-?\d+(\.\d+)?)");
  if (!std::regex_match(plain, pattern)) return std::nullopt;
  if (plain.find('.') == std::string::npos && plain.size() <= 15) {
    return nlohmann::json(std::stoll(plain));
  }
  double d = std::stod(plain);
  if (!std::isfinite(d)) return std::nullopt;
  return nlohmann::json(d);
}

}  // namespace

std::string format_br_date(Date d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02u/%02u/%04d", static_cast<unsigned>(d.day()),
                static_cast<unsigned>(d.month()), static_cast<int>(d.year()));
  return buf;
}

BotMessage field_question(const FormField& f, int number, int total, std::string_view lead,
                          Date today) {
  std::string body = lead.empty() ? "" : std::string(lead) + "\n\n";
  body += texts::question_heading(number, total, f.label) + "\n";
  std::vector<Option> options;
  Option skip{std::string(kSkip), std::string(texts::skip), ""};
  switch (f.type) {
    case FieldType::text:
    case FieldType::long_text:
      body += texts::answer_text();
      break;
    case FieldType::date:
      body += texts::answer_date(format_br_date(today));
      break;
    case FieldType::number:
      body += texts::answer_number();
      break;
    case FieldType::yes_no:
      options = {{std::string(kYes), std::string(texts::yes), ""},
                 {std::string(kNo), std::string(texts::no), ""}};
      if (!f.required) options.push_back(skip);
      return buttons_message(body + texts::answer_choice_buttons(), std::move(options));
    case FieldType::choice: {
      for (std::size_t i = 0; i < f.choices.size(); ++i) {
        options.push_back({std::string(kChoice) + std::to_string(i), f.choices[i], ""});
      }
      if (choices_fit_buttons(f)) {
        if (!f.required) options.push_back(skip);
        body += texts::answer_choice_buttons();
        if (!f.required) body += " " + texts::optional_skip_button();
        return buttons_message(body, std::move(options));
      }
      if (choices_fit_list(f)) {
        for (auto& o : options) {
          // A title cut to fit shows the whole option below it.
          if (utf8_length(o.title) > CloudApiLimits::row_title) o.description = o.title;
        }
        if (!f.required) options.push_back(skip);
        body += texts::answer_choice_list();
        if (!f.required) body += " " + texts::optional_skip_button();
        return list_message(body, std::string(texts::choices_button),
                            std::string(texts::choices_section), std::move(options));
      }
      body += texts::answer_choice_numbers();
      for (std::size_t i = 0; i < f.choices.size(); ++i) {
        body += "\n" + std::to_string(i + 1) + ". " + f.choices[i];
      }
      if (!f.required) body += "\n" + texts::optional_skip_typed();
      return text_message(body);
    }
  }
  if (f.required) return text_message(body);
  return buttons_message(body + " " + texts::optional_skip_button(), {skip});
}

FieldReply read_typed_answer(const FormField& f, std::string_view typed, Date today) {
  std::string text = trim_blanks(typed);
  std::string folded = fold(text);
  if (text.empty() || folded == texts::word_skip) {
    if (!f.required) return {nlohmann::json(nullptr), ""};
    return problem(texts::required_question());
  }
  switch (f.type) {
    case FieldType::text:
    case FieldType::long_text: {
      if (f.type == FieldType::text) {
        for (auto& c : text) c = c == '\n' || c == '\r' || c == '\t' ? ' ' : c;
      }
      std::size_t limit = f.type == FieldType::text ? 500 : 20000;  // validate_form_answers'
      if (text.size() > limit || !is_clean_text(text)) return problem(texts::invalid_text());
      return {nlohmann::json(text), ""};
    }
    case FieldType::choice: {
      for (const auto& c : f.choices) {
        if (fold(c) == folded) return {nlohmann::json(c), ""};
      }
      std::size_t n = 0;
      auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
      if (ec == std::errc() && end == text.data() + text.size() && n >= 1 &&
          n <= f.choices.size()) {
        return {nlohmann::json(f.choices[n - 1]), ""};
      }
      return problem(texts::invalid_choice());
    }
    case FieldType::date:
      if (auto d = read_br_date(text, today)) return {nlohmann::json(format_date(*d)), ""};
      return problem(texts::invalid_date(format_br_date(today)));
    case FieldType::number:
      if (auto n = read_number(text)) return {*n, ""};
      return problem(texts::invalid_number());
    case FieldType::yes_no:
      if (folded == "sim" || folded == "s") return {nlohmann::json(true), ""};
      if (folded == "nao" || folded == "n") return {nlohmann::json(false), ""};
      return problem(texts::invalid_yes_no());
  }
  return problem(texts::invalid_text());
}

std::optional<FieldReply> read_tapped_answer(const FormField& f, std::string_view id) {
  if (id == kSkip) {
    if (f.required) return problem(texts::required_question());
    return FieldReply{nlohmann::json(nullptr), ""};
  }
  if (f.type == FieldType::yes_no && (id == kYes || id == kNo)) {
    return FieldReply{nlohmann::json(id == kYes), ""};
  }
  if (f.type == FieldType::choice && id.starts_with(kChoice)) {
    std::size_t i = 0;
    auto rest = id.substr(kChoice.size());
    auto [end, ec] = std::from_chars(rest.data(), rest.data() + rest.size(), i);
    if (ec == std::errc() && end == rest.data() + rest.size() && i < f.choices.size()) {
      return FieldReply{nlohmann::json(f.choices[i]), ""};
    }
  }
  return std::nullopt;
}

std::string display_value(const FormField& f, const nlohmann::json& v) {
  if (v.is_boolean()) return texts::yes_no_value(v.get<bool>());
  if (v.is_number_integer()) return std::to_string(v.get<std::int64_t>());
  if (v.is_number()) {
    char buf[64];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v.get<double>());
    std::string out(buf, ec == std::errc() ? end : buf);
    for (auto& c : out) c = c == '.' ? ',' : c;
    return out;
  }
  if (v.is_string()) {
    if (f.type == FieldType::date) {
      if (auto d = parse_date(v.get<std::string>())) return format_br_date(*d);
    }
    return v.get<std::string>();
  }
  return "";
}

}  // namespace guiche::chatbot
