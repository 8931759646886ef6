#pragma once
// What a webhook subscription may hold, checked before anything is stored:
// the URL (http or https, a host, no user or password in it, at most 2,000
// characters), the secret (16 to 200 characters) and the event kinds (known
// ones, at least one). Every broken field is named, in pt-BR.
#include <string>
#include <vector>

#include "domain/error.hpp"

namespace guiche::app {

// Empty when the URL is acceptable; otherwise why not (pt-BR).
std::string webhook_url_problem(const std::string& url);
std::string webhook_secret_problem(const std::string& secret);
std::string webhook_events_problem(const std::vector<std::string>& events);
std::string webhook_description_problem(const std::string& description);

// "…" and the secret's last 4 characters: enough to tell secrets apart.
std::string secret_hint(const std::string& secret);

}  // namespace guiche::app
