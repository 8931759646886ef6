#pragma once
// Reading the lines of a conversation case (chatbot_cases.hpp): the world (`mundo:`), what the
// person sends (`pessoa:`) and the results of effects (`resultado:`). Each reader throws
// std::runtime_error with a pt-BR message when the line says nothing it knows.
#include <string>
#include <vector>

#include "domain/chatbot/bot_io.hpp"

namespace guiche::chatbot::cases {

std::string trim(const std::string& s);
std::vector<std::string> split(const std::string& s, char separator);

// `mundo:` lines: hoje DD/MM/AAAA, pessoa …, sem pessoa, pedido aberto …, sem pedidos,
// serviço …, campo …, triagem CODE, catálogo padrão (lines of `dir`/catalogo.mundo).
void apply_world(Facts& facts, const std::string& line, const std::string& dir);

// "7 Maria Souza, servidora" → the person (the role words: servidor(a), solicitante
// autorizado(a), cidadão/cidadã).
PersonFacts read_person(const std::string& text);

// `pessoa:` lines: text, [Título] or [Título | id] (a tap), (foto NOME[: legenda]),
// (documento NOME[: legenda]), (silêncio), or another (tipo) not supported. A tap by title
// finds its id among `sent`, newest first.
BotInput read_person_input(const std::string& line, const std::vector<BotMessage>& sent);

// `resultado:` lines.
BotInput read_result(const std::string& line);

}  // namespace guiche::chatbot::cases
