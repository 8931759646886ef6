#pragma once
// Whether a message was sent by a machine (RFC 3834 and what servers really
// send), so the intake neither opens tickets for it nor answers it (mail loops).
#include <string>

#include "mail/inbound_message.hpp"

namespace guiche::mail {

struct AutomaticSignals {
  std::string auto_submitted;  // Auto-Submitted header, "" when absent
  std::string precedence;      // Precedence header
  bool x_autoreply = false;    // X-Autoreply or X-Autorespond present
  std::string return_path;     // Return-Path header ("<>": null sender)
  std::string from_email;
  std::string content_type;  // top-level "type/subtype"
  std::string report_type;   // its report-type parameter, lower case
};

// Bounces first (a delivery report is often also "auto-replied"), then
// auto-replies (RFC 3834 answers come with a null sender too), then the null
// sender alone, then bulk mail. X-Auto-Response-Suppress is only a request
// to others and marks nothing.
Automatic classify_automatic(const AutomaticSignals& s);

}  // namespace guiche::mail
