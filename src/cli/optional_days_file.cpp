#include "cli/optional_days_file.hpp"

#include <fstream>
#include <sstream>

#include "domain/error.hpp"
#include "sla/closure_text.hpp"

namespace guiche::cli {

const char* const kOptionalDaysFormat =
    "Arquivo CSV em UTF-8, separado por ponto e vírgula, uma linha por dia:\n"
    "  data;nome;fechamento\n"
    "data: AAAA-MM-DD, do ano de --year; nome: como aparece para as pessoas;\n"
    "fechamento (opcional, padrão dia-todo):\n"
    "  dia-todo               fechado o dia inteiro\n"
    "  fechado-ate HH:MM      fechado até a hora (ex.: Cinzas até 14h)\n"
    "  fechado-apos HH:MM     fechado a partir da hora (ex.: 24/12 após 13h)\n"
    "  aberto HH:MM-HH:MM     aberto só nesse horário (expediente especial)\n"
    "Linhas vazias, linhas iniciadas por # e um cabeçalho \"data;nome;fechamento\" são "
    "ignorados.\n"
    "Exemplo:\n"
    "  2026-02-18;Quarta-feira de Cinzas;fechado-ate 14:00\n"
    "O arquivo substitui os pontos facultativos já carregados para o ano; com qualquer erro, "
    "nada é gravado.";

namespace {

std::string trimmed(const std::string& s) {
  const auto first = s.find_first_not_of(" \t\r");
  if (first == std::string::npos) return "";
  return s.substr(first, s.find_last_not_of(" \t\r") - first + 1);
}

std::vector<std::string> fields_of(const std::string& line) {
  std::vector<std::string> out;
  std::stringstream in(line);
  std::string field;
  while (std::getline(in, field, ';')) out.push_back(trimmed(field));
  if (!line.empty() && line.back() == ';') out.push_back("");
  return out;
}

sla::DayClosure closure_of(const std::string& text) {
  if (text.empty() || text == "dia-todo") return sla::DayClosure::all_day();
  const auto space = text.find(' ');
  const std::string word = text.substr(0, space);
  const std::string rest = space == std::string::npos ? "" : trimmed(text.substr(space + 1));
  std::optional<sla::DayClosure> closure;
  if (word == "fechado-ate" || word == "fechado-apos") {
    if (auto t = sla::parse_clock_time(rest))
      closure = sla::make_closure(
          word == "fechado-ate" ? sla::ClosureKind::closed_until : sla::ClosureKind::closed_from,
          *t);
  } else if (word == "aberto") {
    const auto dash = rest.find('-');
    auto from = sla::parse_clock_time(rest.substr(0, dash));
    auto until =
        dash == std::string::npos ? std::nullopt : sla::parse_clock_time(rest.substr(dash + 1));
    if (from && until) closure = sla::make_closure(sla::ClosureKind::open_only, *from, *until);
  }
  if (!closure)
    throw std::invalid_argument("fechamento inválido \"" + text +
                                "\" (use dia-todo, fechado-ate HH:MM, fechado-apos HH:MM ou "
                                "aberto HH:MM-HH:MM, com o horário deixando parte do dia aberta)");
  return *closure;
}

}  // namespace

OptionalDaysFile read_optional_days_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw invalid_field("file", "Não foi possível ler o arquivo " + path + ".");
  return parse_optional_days(in, path);
}

OptionalDaysFile parse_optional_days(std::istream& in, const std::string& path) {
  OptionalDaysFile out;
  std::vector<FieldError> errors;
  std::string raw;
  for (int number = 1; std::getline(in, raw); ++number) {
    if (number == 1 && raw.rfind("\xEF\xBB\xBF", 0) == 0) raw.erase(0, 3);  // UTF-8 BOM
    const std::string line = trimmed(raw);
    if (line.empty() || line[0] == '#') continue;
    const auto fields = fields_of(line);
    if (number == 1 && !fields.empty() && fields[0] == "data") continue;  // header
    const std::string where = "linha " + std::to_string(number);
    try {
      if (fields.size() < 2 || fields.size() > 3)
        throw std::invalid_argument("use data;nome;fechamento (" + std::to_string(fields.size()) +
                                    " campos encontrados)");
      auto date = parse_date(fields[0]);
      if (!date)
        throw std::invalid_argument("data inválida \"" + fields[0] + "\" (use AAAA-MM-DD)");
      if (fields[1].empty()) throw std::invalid_argument("informe o nome do dia");
      out.days.push_back({*date, fields[1], closure_of(fields.size() == 3 ? fields[2] : "")});
      out.lines.push_back(number);
    } catch (const std::invalid_argument& e) {
      errors.push_back({where, e.what()});
    }
  }
  if (!errors.empty())
    throw invalid("O arquivo " + path + " tem erros; nada foi gravado.", std::move(errors));
  return out;
}

}  // namespace guiche::cli
