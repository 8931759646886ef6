#include "chatbot_case_lines.hpp"

#include <fstream>
#include <stdexcept>

namespace guiche::chatbot::cases {
namespace {

bool starts(const std::string& s, const std::string& prefix) {
  return s.rfind(prefix, 0) == 0;
}

std::string after(const std::string& s, const std::string& prefix) {
  return trim(s.substr(prefix.size()));
}

[[noreturn]] void unknown(const std::string& what, const std::string& line) {
  throw std::runtime_error(what + " desconhecido: " + line);
}

std::optional<Date> read_date(const std::string& text) {
  auto parts = split(text, '/');
  if (parts.size() != 3) return std::nullopt;
  Date d{std::chrono::year{std::stoi(parts[2])},
         std::chrono::month{static_cast<unsigned>(std::stoi(parts[1]))},
         std::chrono::day{static_cast<unsigned>(std::stoi(parts[0]))}};
  if (!d.ok()) return std::nullopt;
  return d;
}

Audience read_audience(const std::string& text) {
  if (text == "qualquer pessoa") return Audience::anyone;
  if (text == "servidores") return Audience::public_servants;
  if (text == "solicitantes autorizados") return Audience::authorized_requesters;
  unknown("público", text);
}

FieldType read_type(const std::string& text) {
  if (text == "texto") return FieldType::text;
  if (text == "texto longo") return FieldType::long_text;
  if (text == "escolha") return FieldType::choice;
  if (text == "data") return FieldType::date;
  if (text == "número") return FieldType::number;
  if (text == "sim/não") return FieldType::yes_no;
  unknown("tipo de campo", text);
}

// "serviço CODE | Nome | público"
CatalogService read_service(const std::string& text) {
  auto parts = split(text, '|');
  if (parts.size() != 3) unknown("serviço", text);
  return {parts[0], parts[1], read_audience(parts[2]), {}};
}

// "campo chave | Rótulo | tipo | obrigatório/opcional [| opção; opção…]"
FormField read_field(const std::string& text) {
  auto parts = split(text, '|');
  if (parts.size() < 4 || parts.size() > 5) unknown("campo", text);
  FormField f;
  f.key = parts[0];
  f.label = parts[1];
  f.type = read_type(parts[2]);
  if (parts[3] != "obrigatório" && parts[3] != "opcional") unknown("obrigatoriedade", parts[3]);
  f.required = parts[3] == "obrigatório";
  if (parts.size() == 5) f.choices = split(parts[4], ';');
  return f;
}

std::string mime_of(const std::string& name) {
  auto dot = name.rfind('.');
  std::string ext = dot == std::string::npos ? "" : name.substr(dot + 1);
  if (ext == "jpg" || ext == "jpeg") return "image/jpeg";
  if (ext == "png") return "image/png";
  if (ext == "pdf") return "application/pdf";
  return "application/octet-stream";
}

}  // namespace

std::string trim(const std::string& s) {
  auto b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t\r") - b + 1);
}

std::vector<std::string> split(const std::string& s, char separator) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    auto end = s.find(separator, start);
    out.push_back(trim(s.substr(start, end - start)));
    if (end == std::string::npos) return out;
    start = end + 1;
  }
}

PersonFacts read_person(const std::string& text) {
  auto comma = text.find(',');
  auto space = text.find(' ');
  if (comma == std::string::npos || space == std::string::npos || space > comma) {
    unknown("pessoa", text);
  }
  PersonFacts p;
  p.id = std::stoll(text.substr(0, space));
  p.name = trim(text.substr(space + 1, comma - space - 1));
  std::string role = trim(text.substr(comma + 1));
  if (role == "servidor" || role == "servidora") {
    p.may_use_public_servant_services = true;
  } else if (role == "solicitante autorizado" || role == "solicitante autorizada") {
    p.may_use_public_servant_services = p.may_use_authorized_services = true;
  } else if (role != "cidadão" && role != "cidadã") {
    unknown("papel", role);
  }
  return p;
}

void apply_world(Facts& facts, const std::string& line, const std::string& dir) {
  if (starts(line, "hoje ")) {
    auto d = read_date(after(line, "hoje "));
    if (!d) unknown("data", line);
    facts.today = *d;
    // Noon at the desk (UTC-3).
    facts.now = std::chrono::sys_days{*d} + std::chrono::hours{15};
  } else if (starts(line, "pessoa ")) {
    facts.person = read_person(after(line, "pessoa "));
  } else if (line == "sem pessoa") {
    facts.person.reset();
  } else if (starts(line, "pedido aberto ")) {
    auto rest = after(line, "pedido aberto ");
    auto a = rest.find(' ');
    auto b = rest.find(' ', a + 1);
    if (a == std::string::npos || b == std::string::npos) unknown("pedido", line);
    facts.open_tickets.push_back(
        {std::stoll(rest.substr(0, a)), rest.substr(a + 1, b - a - 1), trim(rest.substr(b))});
  } else if (line == "sem pedidos") {
    facts.open_tickets.clear();
  } else if (starts(line, "serviço ")) {
    facts.catalog.push_back(read_service(after(line, "serviço ")));
  } else if (starts(line, "campo ")) {
    if (facts.catalog.empty()) throw std::runtime_error("campo antes de um serviço: " + line);
    facts.catalog.back().form.push_back(read_field(after(line, "campo ")));
  } else if (starts(line, "triagem ")) {
    facts.triage_service_code = after(line, "triagem ");
  } else if (starts(line, "aviso de privacidade ")) {
    facts.privacy_url = after(line, "aviso de privacidade ");
  } else if (line == "catálogo padrão") {
    std::ifstream in(dir + "/catalogo.mundo");
    if (!in) throw std::runtime_error("falta " + dir + "/catalogo.mundo");
    std::string l;
    while (std::getline(in, l)) {
      l = trim(l);
      if (l.empty() || l[0] == '#') continue;
      if (!starts(l, "mundo:")) throw std::runtime_error("catalogo.mundo: " + l);
      apply_world(facts, after(l, "mundo:"), dir);
    }
  } else {
    unknown("fato", line);
  }
}

BotInput read_person_input(const std::string& line, const std::vector<BotMessage>& sent) {
  if (line.size() > 2 && line.front() == '[' && line.back() == ']') {
    auto inner = line.substr(1, line.size() - 2);
    auto bar = inner.find('|');
    if (bar != std::string::npos)
      return ChoiceIn{trim(inner.substr(bar + 1)), trim(inner.substr(0, bar))};
    for (auto m = sent.rbegin(); m != sent.rend(); ++m) {
      for (const auto& o : m->options) {
        if (o.title == inner) return ChoiceIn{o.id, o.title};
      }
    }
    throw std::runtime_error("nenhuma mensagem do bot ofereceu [" + inner + "]");
  }
  if (line.size() > 2 && line.front() == '(' && line.back() == ')') {
    auto inner = line.substr(1, line.size() - 2);
    if (inner == "silêncio") return QuietTimeout{};
    for (std::string kind : {"foto ", "documento "}) {
      if (!starts(inner, kind)) continue;
      auto rest = after(inner, kind);
      auto colon = rest.find(':');
      MediaIn m;
      m.media_ref = trim(rest.substr(0, colon));
      if (colon != std::string::npos) m.caption = trim(rest.substr(colon + 1));
      m.mime_type = mime_of(m.media_ref);
      if (kind == "documento ") m.filename = m.media_ref;
      return m;
    }
    return UnsupportedIn{inner};
  }
  return TextIn{line};
}

BotInput read_result(const std::string& line) {
  if (starts(line, "cadastro encontrado, código enviado para ")) {
    return IdentityLookupResult{true, after(line, "cadastro encontrado, código enviado para ")};
  }
  if (line == "cadastro não encontrado") return IdentityLookupResult{false, ""};
  if (starts(line, "código certo: pessoa ")) {
    return CodeCheckResult{CodeCheckResult::Outcome::ok,
                           read_person(after(line, "código certo: pessoa "))};
  }
  if (line == "código errado") return CodeCheckResult{CodeCheckResult::Outcome::wrong, {}};
  if (line == "código expirado") return CodeCheckResult{CodeCheckResult::Outcome::expired, {}};
  if (starts(line, "pedido registrado ")) {
    auto rest = after(line, "pedido registrado ");
    auto comma = rest.find(", prazo ");
    if (comma == std::string::npos) unknown("resultado", line);
    return RegistrationResult{true, rest.substr(0, comma), trim(rest.substr(comma + 8)), ""};
  }
  if (starts(line, "pedido recusado: ")) {
    return RegistrationResult{false, "", "", after(line, "pedido recusado: ")};
  }
  if (line == "mensagem juntada") return TicketMessageResult{true, ""};
  if (starts(line, "mensagem recusada: ")) {
    return TicketMessageResult{false, after(line, "mensagem recusada: ")};
  }
  if (line == "avaliação registrada") return EvaluationResult{true, ""};
  if (starts(line, "avaliação recusada: ")) {
    return EvaluationResult{false, after(line, "avaliação recusada: ")};
  }
  unknown("resultado", line);
}

}  // namespace guiche::chatbot::cases
