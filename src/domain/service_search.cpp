#include "domain/service_search.hpp"

#include <algorithm>
#include <optional>
#include <set>
#include <string>

#include "domain/service_code.hpp"
#include "domain/text_fold.hpp"

namespace guiche {
namespace {

// Words that say nothing about which service is wanted (folded).
const std::set<std::string>& search_stopwords() {
  static const std::set<std::string> words = {
      "a",    "o",     "as",   "os",     "um",   "uma",   "de",    "da",      "do",  "das", "dos",
      "e",    "em",    "no",   "na",     "nos",  "nas",   "para",  "pra",     "por", "com", "sem",
      "meu",  "minha", "meus", "minhas", "seu",  "sua",   "nao",   "sim",     "que", "se",  "ao",
      "aos",  "eu",    "esta", "estou",  "mais", "muito", "quero", "preciso", "ter", "tem", "como",
      "qual", "pelo",  "pela", "isso",   "este", "essa",  "esse",  "ja",      "me",  "ou"};
  return words;
}

// The folded words of `text`: hyphens inside a word join it ("e-mail" is
// "email", "SIS-ACESSO" is "sisacesso"), anything else not a letter or digit
// separates words. Bytes of letters fold_text leaves (other scripts) count as letters.
std::vector<std::string> words_of(std::string_view text) {
  const auto folded = fold_text(text);
  std::vector<std::string> out;
  std::string word;
  auto letter = [](unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80;
  };
  for (std::size_t i = 0; i < folded.size(); ++i) {
    const auto c = static_cast<unsigned char>(folded[i]);
    if (letter(c)) {
      word += static_cast<char>(c);
    } else if (c == '-' && !word.empty() && i + 1 < folded.size() &&
               letter(static_cast<unsigned char>(folded[i + 1]))) {
      continue;  // joins
    } else if (!word.empty()) {
      out.push_back(word);
      word.clear();
    }
  }
  if (!word.empty()) out.push_back(word);
  return out;
}

// The words worth searching for.
std::vector<std::string> search_words(std::string_view typed) {
  std::vector<std::string> out;
  for (auto& w : words_of(typed)) {
    if (search_stopwords().contains(w)) continue;
    if (std::find(out.begin(), out.end(), w) == out.end()) out.push_back(std::move(w));
  }
  return out;
}

// `typed` names `word` of a field: the same word, its beginning (3 letters
// or more), or its plural ("impressoras" for "impressora").
bool word_matches(const std::string& typed, const std::string& word) {
  if (typed == word) return true;
  if (typed.size() >= 3 && word.rfind(typed, 0) == 0) return true;
  return word.size() >= 3 && (typed == word + "s" || typed == word + "es");
}

struct Field {
  std::vector<std::string> words;
  std::string folded;
  int weight;
};

std::vector<Field> fields_of(const Service& s) {
  std::vector<Field> out;
  out.push_back({words_of(s.name), fold_text(s.name), 6});
  out.push_back({words_of(s.code), fold_text(s.code), 6});
  for (const auto& popular : s.popular_names) {
    out.push_back({words_of(popular), fold_text(popular), 5});
  }
  out.push_back({words_of(s.description), "", 2});
  return out;
}

struct Scored {
  int matched = 0;  // typed words found
  int score = 0;
};

Scored score_of(const Service& s, const std::vector<std::string>& words,
                const std::string& phrase) {
  Scored out;
  const auto fields = fields_of(s);
  for (const auto& typed : words) {
    int best = 0;
    for (const auto& f : fields) {
      if (f.weight <= best) continue;
      for (const auto& w : f.words) {
        if (word_matches(typed, w)) {
          best = f.weight;
          break;
        }
      }
    }
    if (best > 0) ++out.matched;
    out.score += best;
  }
  // The whole text as typed inside the name, code or a popular name ("sis-ac").
  for (const auto& f : fields) {
    if (!phrase.empty() && !f.folded.empty() && f.folded.find(phrase) != std::string::npos) {
      out.score += 20;
      out.matched = std::max(out.matched, static_cast<int>(words.size()));
      break;
    }
  }
  return out;
}

}  // namespace

std::vector<ServiceHit> search_services(const std::vector<Service>& services,
                                        std::string_view typed) {
  const auto phrase = fold_text(typed);
  std::vector<std::string> codes;
  for (const auto& s : services) codes.push_back(s.code);
  // Someone who types a code wants that service: first, whatever else matches.
  const auto exact = phrase.empty() ? std::nullopt : typed_service_code(typed, codes);
  const auto words = search_words(typed);
  const bool blank = phrase.find_first_not_of(' ') == std::string::npos;
  std::vector<ServiceHit> out;
  std::vector<int> matched(services.size(), 0);
  int most = 0;
  for (std::size_t i = 0; i < services.size(); ++i) {
    const auto& s = services[i];
    if (exact && s.code == *exact) {
      out.push_back({i, true, 1000});
      continue;
    }
    if (blank) {
      out.push_back({i, false, 0});
      continue;
    }
    const auto scored = score_of(s, words, phrase);
    if (scored.score == 0) continue;
    matched[i] = scored.matched;
    most = std::max(most, scored.matched);
    out.push_back({i, false, scored.score});
  }
  // Services with every word when there are some; else those with the most.
  std::erase_if(out, [&](const ServiceHit& h) { return !h.exact && matched[h.index] < most; });
  // Several words that some service holds as written ("trabalho remoto", a
  // popular name): those services only, not every one with both words apart.
  if (words.size() >= 2) {
    auto holds_phrase = [&](std::size_t i) {
      const auto& s = services[i];
      if (fold_text(s.name).find(phrase) != std::string::npos ||
          fold_text(s.description).find(phrase) != std::string::npos)
        return true;
      for (const auto& popular : s.popular_names) {
        if (fold_text(popular).find(phrase) != std::string::npos) return true;
      }
      return false;
    };
    if (std::any_of(out.begin(), out.end(),
                    [&](const ServiceHit& h) { return holds_phrase(h.index); })) {
      std::erase_if(out, [&](const ServiceHit& h) { return !h.exact && !holds_phrase(h.index); });
    }
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const ServiceHit& a, const ServiceHit& b) { return a.score > b.score; });
  return out;
}

std::vector<ServiceHit> suggest_services(const std::vector<Service>& services,
                                         std::string_view typed, std::size_t max) {
  std::vector<std::string> stems;
  for (const auto& w : search_words(typed)) {
    if (w.size() >= 4) stems.push_back(w.substr(0, 4));
  }
  std::vector<ServiceHit> out;
  for (std::size_t i = 0; i < services.size(); ++i) {
    int score = 0;
    for (const auto& f : fields_of(services[i])) {
      for (const auto& stem : stems) {
        for (const auto& w : f.words) {
          if (w.rfind(stem, 0) == 0) {
            score += f.weight;
            break;
          }
        }
      }
    }
    if (score > 0) out.push_back({i, false, score});
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const ServiceHit& a, const ServiceHit& b) { return a.score > b.score; });
  if (out.size() > max) out.resize(max);
  return out;
}

}  // namespace guiche
