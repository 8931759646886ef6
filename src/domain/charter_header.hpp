#pragma once
// The unit's own part of the Carta de Serviços (seed 003: "QUEM SOMOS",
// "CONTATO", address), before its services; an admin edits it.
#include <string>

namespace guiche {

struct CharterHeader {
  std::string unit_name;   // "Coordenadoria de Tecnologia e Informática (CTI / SEJUSP)"
  std::string who_we_are;  // quem somos
  std::string contacts;    // phones, e-mails, one per line
  std::string address;
  std::string website;  // http(s) address of the unit's site, or empty
};

// What a desk shows before an admin writes its own.
CharterHeader default_charter_header();

// Trims every field and checks it: a name, a "quem somos" text, sizes, and a
// website that is an http(s) address. Throws DomainError(validation) naming
// each offending field (unit_name, who_we_are, contacts, address, website).
CharterHeader validated_charter_header(const CharterHeader& h);

}  // namespace guiche
