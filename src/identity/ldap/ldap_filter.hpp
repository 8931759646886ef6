#pragma once
// Search filters built from what a person typed (RFC 4515): the login goes
// into the admin's filter only escaped, so "*)(uid=*" is a login with
// asterisks and parentheses in it, never a wider search.
#include <optional>
#include <string>
#include <string_view>

namespace guiche::identity {

// Every byte RFC 4515 reserves ('*', '(', ')', '\\', NUL) and every control
// byte becomes "\\hh"; the rest (UTF-8 included) is kept.
std::string escape_filter_value(std::string_view value);

// Why `filter` cannot be a user filter, or nullopt when it can: it must be
// parenthesized, balanced, and name the login as %s at least once.
std::optional<std::string> user_filter_problem(std::string_view filter);

// `filter` with each %s replaced by the escaped login.
std::string user_filter(std::string_view filter, std::string_view login);

}  // namespace guiche::identity
