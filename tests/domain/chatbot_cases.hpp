#pragma once
// Replays a conversation case (tests/domain/data/chatbot/*.conversa, format in LEIAME.md there)
// through the chatbot engine: each `pessoa:` or `resultado:` line is an input, each `bot:` and
// `faz:` line the message or effect expected from it, in order. The Conversation goes through
// its JSON between every two inputs, as the app keeps it.
#include <string>
#include <vector>

#include "domain/chatbot/bot_io.hpp"

namespace guiche::chatbot::cases {

struct Replay {
  std::string failure;               // "file:line: what differs"; empty when the case holds
  std::vector<BotMessage> messages;  // every message the bot sent
  std::string transcript;            // the case as the engine played it (same format)
};

// `dir` holds catalogo.mundo, which `mundo: catálogo padrão` loads. With `compare` false, the
// `bot:` and `faz:` lines are ignored (to print the transcript of a draft).
Replay replay(const std::string& dir, const std::string& file, bool compare = true);

// The text form of a message and of an effect, as the case files write them (one string per
// line, blank lines of a body dropped).
std::vector<std::string> render(const BotMessage& m);
std::vector<std::string> render(const Effect& e);

}  // namespace guiche::chatbot::cases
