#pragma once
// Validation and normalization of the identifiers people give us.
#include <optional>
#include <string>
#include <string_view>

namespace guiche {

// CPF: 11 digits with two check digits (mod 11). Accepts "000.000.000-00" or
// bare digits; returns the 11 digits, or nullopt (also for 111.111.111-11 & co).
std::optional<std::string> normalize_cpf(std::string_view text);
std::string format_cpf(std::string_view digits);  // "000.000.000-00"
// "***.456.789-**": enough to tell two people apart on a call, not the
// number (the masking of the federal government's published documents).
std::string masked_cpf(std::string_view digits);

// Phone in E.164 ("+5527999990000"). Accepts E.164, or a Brazilian number
// with area code in the usual ways ("(27) 99999-0000"), which gets +55.
std::optional<std::string> normalize_phone(std::string_view text);

// A pragmatic address check (local@domain.tld, no spaces); returns it lowercased.
std::optional<std::string> normalize_email(std::string_view text);

// Valid UTF-8, no control characters other than tab/newline.
bool is_clean_text(std::string_view text);

}  // namespace guiche
