#include "chatbot_cases.hpp"

#include <deque>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "chatbot_case_lines.hpp"
#include "domain/chatbot/chatbot.hpp"

namespace guiche::chatbot::cases {
namespace {

// Overloaded lambdas for std::visit.
template <class... Ts>
struct overloaded : Ts... {
  using Ts::operator()...;
};
template <class... Ts>
overloaded(Ts...) -> overloaded<Ts...>;

void body_lines(std::vector<std::string>& out, const std::string& body) {
  std::stringstream in(body);
  std::string line;
  while (std::getline(in, line)) {
    if (!trim(line).empty()) out.push_back(trim(line));
  }
}

std::string files(const std::vector<AttachmentRef>& attachments) {
  std::string out;
  for (const auto& a : attachments) out += (out.empty() ? "" : ", ") + a.media_ref;
  return out;
}

struct Entry {
  int line = 0;
  std::string kind;  // mundo, pessoa, resultado, bot, faz
  std::vector<std::string> lines;
};

std::vector<Entry> read_entries(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("não consegui abrir " + path);
  std::vector<Entry> entries;
  std::string raw;
  int number = 0;
  while (std::getline(in, raw)) {
    ++number;
    std::string line = trim(raw);
    if (line.empty() || line[0] == '#') continue;
    if ((raw[0] == ' ' || raw[0] == '\t') && !entries.empty() &&
        (entries.back().kind == "bot" || entries.back().kind == "faz")) {
      entries.back().lines.push_back(line);
      continue;
    }
    auto colon = line.find(':');
    if (colon == std::string::npos) {
      throw std::runtime_error(std::to_string(number) + ": linha sem tipo: " + line);
    }
    Entry e{number, line.substr(0, colon), {trim(line.substr(colon + 1))}};
    if (e.kind != "mundo" && e.kind != "pessoa" && e.kind != "resultado" && e.kind != "bot" &&
        e.kind != "faz") {
      throw std::runtime_error(std::to_string(number) + ": tipo de linha desconhecido: " + e.kind);
    }
    entries.push_back(std::move(e));
  }
  return entries;
}

std::string joined(const std::vector<std::string>& lines, const std::string& kind) {
  std::string out;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    out += (i == 0 ? kind + ": " : std::string(kind.size() + 2, ' ')) + lines[i] + "\n";
  }
  return out;
}

}  // namespace

std::vector<std::string> render(const BotMessage& m) {
  std::vector<std::string> out;
  body_lines(out, m.body);
  if (m.kind == BotMessage::Kind::buttons) {
    std::string buttons;
    for (const auto& o : m.options) buttons += (buttons.empty() ? "[" : " [") + o.title + "]";
    out.push_back(buttons);
  } else if (m.kind == BotMessage::Kind::list) {
    out.push_back("[" + m.list_button + " ▾]");
    for (const auto& o : m.options) {
      out.push_back("- " + o.title + (o.description.empty() ? "" : ": " + o.description));
    }
  }
  return out;
}

std::vector<std::string> render(const Effect& e) {
  auto lines = std::visit(
      overloaded{
          [](const RecordConsent&) -> std::vector<std::string> {
            return {"registrar consentimento"};
          },
          [](const LookUpIdentity& x) -> std::vector<std::string> {
            return {std::string("procurar cadastro pelo ") +
                    (x.by == LookUpIdentity::By::email ? "e-mail " : "CPF ") + x.value};
          },
          [](const CheckCode& x) -> std::vector<std::string> {
            return {"conferir código " + x.code};
          },
          [](const RegisterRequest& x) -> std::vector<std::string> {
            std::vector<std::string> out{"registrar pedido " + x.service_code + " de " +
                                         (x.person_id ? "pessoa " + std::to_string(*x.person_id)
                                                      : "cidadão " + x.citizen_name)};
            out.push_back("assunto: " + x.subject);
            out.push_back("descrição: " + x.description);
            out.push_back("respostas: " + x.form_answers.dump());
            if (!x.attachments.empty()) out.push_back("anexos: " + files(x.attachments));
            return out;
          },
          [](const AddToTicket& x) -> std::vector<std::string> {
            std::vector<std::string> out{"juntar ao pedido " + std::to_string(x.ticket_id) + ": " +
                                         x.text};
            if (!x.attachments.empty()) out.push_back("anexos: " + files(x.attachments));
            return out;
          },
          [](const HandOver& x) -> std::vector<std::string> {
            return {"chamar atendente, com o histórico de " + std::to_string(x.transcript.size()) +
                    " mensagens"};
          },
          [](const RelayToAttendant& x) -> std::vector<std::string> {
            std::vector<std::string> out{"repassar ao atendente: " + x.text};
            if (!x.attachments.empty()) out.push_back("anexos: " + files(x.attachments));
            return out;
          },
          [](const RecordEvaluation& x) -> std::vector<std::string> {
            return {"registrar avaliação " + std::to_string(x.stars) + " no pedido " +
                    std::to_string(x.ticket_id)};
          },
      },
      e);
  for (auto& line : lines) line = trim(line);
  return lines;
}

Replay replay(const std::string& dir, const std::string& file, bool compare) {
  Replay r;
  std::string where = file + ":";
  std::vector<Entry> entries;
  try {
    entries = read_entries(dir + "/" + file);
  } catch (const std::exception& e) {
    r.failure = where + e.what();
    return r;
  }
  Facts facts;
  apply_world(facts, "hoje 06/04/2026", dir);
  nlohmann::json stored = Conversation{}.to_json();
  std::deque<std::vector<std::string>> said, done;  // outputs not yet matched
  int input_line = 0;
  auto fail = [&](int line, const std::string& what) {
    if (r.failure.empty()) r.failure = where + std::to_string(line) + ": " + what;
  };
  auto leftovers = [&](int line) {
    if (!said.empty()) fail(line, "o bot também disse:\n" + joined(said.front(), "bot"));
    if (!done.empty()) fail(line, "o bot também pediu:\n" + joined(done.front(), "faz"));
    said.clear();
    done.clear();
  };
  for (const auto& e : entries) {
    if (!r.failure.empty()) break;
    try {
      if (e.kind == "mundo") {
        apply_world(facts, e.lines[0], dir);
        r.transcript += joined(e.lines, e.kind);
        continue;
      }
      if (e.kind == "bot" || e.kind == "faz") {
        if (!compare) continue;
        auto& queue = e.kind == "bot" ? said : done;
        if (queue.empty()) {
          fail(e.line, "esperava que o bot " +
                           std::string(e.kind == "bot" ? "dissesse" : "pedisse") +
                           ", depois da linha " + std::to_string(input_line) + ":\n" +
                           joined(e.lines, e.kind) + "mas não há mais nada");
        } else if (queue.front() != e.lines) {
          fail(e.line, "esperado:\n" + joined(e.lines, e.kind) + "obtido:\n" +
                           joined(queue.front(), e.kind));
        } else {
          queue.pop_front();
        }
        continue;
      }
      if (compare) leftovers(e.line);
      said.clear();
      done.clear();
      BotInput input =
          e.kind == "pessoa" ? read_person_input(e.lines[0], r.messages) : read_result(e.lines[0]);
      input_line = e.line;
      r.transcript += "\n" + joined(e.lines, e.kind);
      auto conversation = Conversation::from_json(stored);
      if (conversation.to_json() != stored) fail(e.line, "o estado não volta igual do JSON");
      auto out = converse(conversation, input, facts);
      stored = conversation.to_json();
      for (const auto& m : out.messages) {
        said.push_back(render(m));
        r.transcript += joined(said.back(), "bot");
        r.messages.push_back(m);
      }
      for (const auto& x : out.effects) {
        done.push_back(render(x));
        r.transcript += joined(done.back(), "faz");
      }
    } catch (const std::exception& ex) {
      fail(e.line, ex.what());
    }
  }
  if (compare) leftovers(entries.empty() ? 0 : entries.back().line);
  return r;
}

}  // namespace guiche::chatbot::cases
