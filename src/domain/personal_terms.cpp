#include "domain/personal_terms.hpp"

#include <algorithm>
#include <set>

#include "domain/identity.hpp"
#include "domain/whatsapp/whatsapp_number.hpp"

namespace guiche {
namespace {

// Words of a name that are no one's own.
const std::set<std::string> kNameParticles = {"da", "das", "de",  "do",  "dos",
                                              "e",  "del", "van", "von", "di"};

char lower_ascii(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

bool alnum_ascii(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// The first occurrence of `term` in `text` at or after `from` (ASCII letters
// in any case), or npos. A term that starts (ends) with a letter or digit
// matches only where the text has none just before (after) it: "Dent" is not
// found in "incident", nor a phone's digits inside a longer number.
std::size_t find_term(std::string_view text, std::string_view term, std::size_t from) {
  if (term.empty() || text.size() < term.size()) return std::string_view::npos;
  for (std::size_t i = from; i + term.size() <= text.size(); ++i) {
    std::size_t k = 0;
    while (k < term.size() && lower_ascii(text[i + k]) == lower_ascii(term[k])) ++k;
    if (k != term.size()) continue;
    const std::size_t end = i + term.size();
    if (alnum_ascii(term.front()) && i > 0 && alnum_ascii(text[i - 1])) continue;
    if (alnum_ascii(term.back()) && end < text.size() && alnum_ascii(text[end])) continue;
    return i;
  }
  return std::string_view::npos;
}

// The letters of a name's word, counted as characters (UTF-8 continuation bytes not counted).
std::size_t letters(std::string_view word) {
  return static_cast<std::size_t>(
      std::count_if(word.begin(), word.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

void add_name(std::set<std::string>& terms, const std::string& name) {
  if (name.empty()) return;
  terms.insert(name);
  std::string word;
  const auto flush = [&] {
    std::string folded;
    for (char c : word) folded += lower_ascii(c);
    if (letters(word) >= 4 && !kNameParticles.contains(folded)) terms.insert(word);
    word.clear();
  };
  for (char c : name) {
    if (c == ' ' || c == '\t' || c == '-' || c == '\'' || c == '.' || c == ',') {
      flush();
    } else {
      word += c;
    }
  }
  flush();
}

void add_phone(std::set<std::string>& terms, const std::string& phone) {
  terms.insert(phone);
  for (const auto& digits : whatsapp_number_forms(phone)) {
    terms.insert(digits);
    terms.insert("+" + digits);
    // A Brazilian number as people write it: without the country code, the
    // area code in parentheses, the last four digits after a hyphen.
    if (digits.rfind("55", 0) == 0 && (digits.size() == 12 || digits.size() == 13)) {
      const std::string national = digits.substr(2);
      const std::string area = national.substr(0, 2);
      const std::string number = national.substr(2);
      const std::string dashed =
          number.substr(0, number.size() - 4) + "-" + number.substr(number.size() - 4);
      terms.insert(national);
      terms.insert("(" + area + ") " + dashed);
      terms.insert(area + " " + dashed);
      terms.insert(dashed);
    }
  }
}

}  // namespace

std::vector<std::string> personal_terms(const Person& p,
                                        const std::vector<std::string>& other_names) {
  std::set<std::string> terms;
  add_name(terms, p.name);
  for (const auto& name : other_names) add_name(terms, name);
  if (p.login && !p.login->empty()) terms.insert(*p.login);
  for (const auto& email : p.emails) terms.insert(email);
  if (p.phone && !p.phone->empty()) add_phone(terms, *p.phone);
  if (p.cpf && !p.cpf->empty()) {
    terms.insert(*p.cpf);
    if (p.cpf->size() == 11) terms.insert(format_cpf(*p.cpf));
  }
  std::vector<std::string> ordered(terms.begin(), terms.end());
  std::stable_sort(ordered.begin(), ordered.end(),
                   [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  return ordered;
}

std::string scrub_text(std::string_view text, const std::vector<std::string>& terms) {
  std::string out(text);
  for (const auto& term : terms) {
    std::size_t at = find_term(out, term, 0);
    while (at != std::string::npos) {
      out.replace(at, term.size(), kErasedMark);
      at = find_term(out, term, at + kErasedMark.size());
    }
  }
  return out;
}

bool holds_term(std::string_view text, const std::vector<std::string>& terms) {
  return std::any_of(terms.begin(), terms.end(), [&](const std::string& term) {
    return find_term(text, term, 0) != std::string_view::npos;
  });
}

bool scrub_json(nlohmann::json& document, const std::vector<std::string>& terms) {
  if (document.is_string()) {
    const auto& value = document.get_ref<const std::string&>();
    if (!holds_term(value, terms)) return false;
    document = scrub_text(value, terms);
    return true;
  }
  bool changed = false;
  if (document.is_object() || document.is_array()) {
    for (auto& item : document) changed = scrub_json(item, terms) || changed;
  }
  return changed;
}

}  // namespace guiche
