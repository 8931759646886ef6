#pragma once
// multipart/form-data bodies (RFC 7578). The parsing is RESTinio's, but this
// header is free of it, so the API handlers compile without the server library.
#include <optional>
#include <string>
#include <vector>

namespace guiche::http {

struct Part {
  std::string name;  // the Content-Disposition `name`
  // Present for file parts: the decoded `filename*` (RFC 5987) when given and
  // readable, else `filename` as sent. It is the client's word: sanitize it.
  std::optional<std::string> filename;
  std::string content_type;  // as declared by the client ("" if absent); never trusted
  std::string bytes;
};

// Whether a Content-Type header names multipart/form-data, whatever its
// parameters (so a missing boundary is a malformed body, not a wrong type).
bool is_multipart_form_data(const std::string& content_type);

// The parts of a multipart/form-data body, in order; nullopt when the
// content type has no valid boundary, the framing is broken, a part lacks a
// form-data Content-Disposition with a name, or there are no parts at all.
std::optional<std::vector<Part>> parse_multipart(const std::string& content_type,
                                                 const std::string& body);

}  // namespace guiche::http
