#include "http/message.hpp"

namespace guiche::http {

namespace {
thread_local std::optional<std::int64_t> logged_person;
}

void note_logged_person(std::int64_t person_id) {
  logged_person = person_id;
}

std::optional<std::int64_t> take_logged_person() {
  auto out = logged_person;
  logged_person.reset();
  return out;
}

std::optional<std::string> Request::header(const std::string& lowercase_name) const {
  auto it = headers.find(lowercase_name);
  if (it == headers.end()) return std::nullopt;
  return it->second;
}

std::optional<std::string> Request::query_value(const std::string& name) const {
  for (const auto& [key, value] : query) {
    if (key == name) return value;
  }
  return std::nullopt;
}

std::optional<std::string> Request::cookie(const std::string& name) const {
  auto all = header("cookie");
  if (!all) return std::nullopt;
  std::size_t pos = 0;
  while (pos < all->size()) {
    auto end = all->find(';', pos);
    if (end == std::string::npos) end = all->size();
    std::string pair = all->substr(pos, end - pos);
    auto first = pair.find_first_not_of(' ');
    if (first != std::string::npos) pair.erase(0, first);
    auto eq = pair.find('=');
    if (eq != std::string::npos && pair.substr(0, eq) == name) return pair.substr(eq + 1);
    pos = end + 1;
  }
  return std::nullopt;
}

}  // namespace guiche::http
