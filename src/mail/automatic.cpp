#include "mail/automatic.hpp"

#include <algorithm>
#include <cctype>

namespace guiche::mail {

namespace {

std::string lower_token(std::string_view s) {
  std::string out;
  for (const char c : s) {
    if (c == ';' || c == '(') break;  // parameters and comments
    if (std::isspace(static_cast<unsigned char>(c))) continue;
    out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return out;
}

bool daemon_sender(std::string_view email) {
  const std::string local = lower_token(email.substr(0, email.find('@')));
  return local == "mailer-daemon" || local == "postmaster";
}

}  // namespace

Automatic classify_automatic(const AutomaticSignals& s) {
  const bool report = s.content_type == "multipart/report";
  if ((report && s.report_type == "delivery-status") || daemon_sender(s.from_email))
    return Automatic::bounce;
  const std::string submitted = lower_token(s.auto_submitted);
  if ((!submitted.empty() && submitted != "no") || s.x_autoreply ||
      (report && s.report_type == "disposition-notification"))
    return Automatic::auto_reply;
  if (lower_token(s.return_path) == "<>") return Automatic::bounce;
  const std::string precedence = lower_token(s.precedence);
  if (precedence == "bulk" || precedence == "junk" || precedence == "list") return Automatic::bulk;
  return Automatic::none;
}

}  // namespace guiche::mail
