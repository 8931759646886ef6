#pragma once
// LGPD (Lei 13.709): the forms in which one person's identifying data may
// appear in free text the desk keeps (a ticket's description, a reply, a
// rendered e-mail, a raw WhatsApp webhook), and their erasure from it. The
// anonymization (app/personal_data/) replaces each occurrence with kErasedMark
// in every text of the person's records, so a reading of the database finds
// none of them afterwards.
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "domain/person.hpp"

namespace guiche {

// What stands where an erased datum was.
inline constexpr std::string_view kErasedMark = "[removido]";

// Every term to erase for `p`, longest first (so "Ana Maria Souza" goes
// before "Souza"): the name and each of its words of 4 letters or more
// (particles such as "dos" are too common to be the person's), the login,
// each e-mail, the phone as stored, its WhatsApp digit forms and its national
// forms ("27999990001", "(27) 99999-0001", "99999-0001"), the CPF as digits
// and formatted. `other_names` adds names the person went by elsewhere (a
// WhatsApp profile name).
std::vector<std::string> personal_terms(const Person& p,
                                        const std::vector<std::string>& other_names = {});

// `text` with every occurrence of each term replaced by kErasedMark. ASCII
// letters match whatever their case ("ZULEICA" as "Zuleica"); other bytes
// exactly.
std::string scrub_text(std::string_view text, const std::vector<std::string>& terms);
// Whether `text` holds any of the terms (same matching).
bool holds_term(std::string_view text, const std::vector<std::string>& terms);
// The same for every string of a JSON document (object keys are left alone:
// they are the desk's vocabulary, never a person's datum). True if it changed.
bool scrub_json(nlohmann::json& document, const std::vector<std::string>& terms);

}  // namespace guiche
