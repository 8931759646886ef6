#include "web/reports/report_tables.hpp"

#include <cstdio>

#include "domain/report_day.hpp"
#include "web/decimal_comma.hpp"

namespace guiche::web {
namespace {

std::string n(std::int64_t v) {
  return std::to_string(v);
}

const char* const kCompliance =
    "Com prazo no período: chamados cujo prazo de solução venceu no período, ou que foram "
    "resolvidos no período antes de vencer — inclusive os registrados em períodos anteriores. "
    "O relógio começa no registro e para na solução; corre só no horário de atendimento do "
    "calendário da política e fica parado enquanto o chamado aguarda o solicitante (ou um "
    "terceiro, onde a política diz): um prazo que passaria durante a pausa não é violação, a "
    "pausa o adia. Um chamado pausado só conta quando volta a correr. Cumpridos: resolvidos até o "
    "prazo. Violados: resolvidos depois do prazo ou ainda abertos com o prazo vencido. A vencer: "
    "abertos cujo prazo ainda cai no período. % cumpridos = cumpridos ÷ (cumpridos + violados). "
    "Cancelados não contam.";
const char* const kTimes =
    "Tempos em horas úteis do relógio de SLA (sem pausas nem horas fora do expediente). 1ª "
    "resposta: contada no dia da primeira resposta pública; solução: no dia da última solução. "
    "P50 é a mediana e P90 o tempo em que 90 % ficaram; cada um com precisão de 2 %. Reabertos: "
    "dos resolvidos no período (última solução), os que já tinham sido reabertos ao menos uma vez.";

std::vector<std::string> compliance_headers(const std::string& first) {
  return {first,
          "Com prazo no período",
          "Cumpridos",
          "Violados",
          "A vencer",
          "% cumpridos",
          "Meta",
          "1ª resposta P50 (h úteis)",
          "1ª resposta P90 (h úteis)",
          "Solução P50 (h úteis)",
          "Solução P90 (h úteis)",
          "Resolvidos",
          "Reabertos",
          "% reabertos"};
}

std::vector<std::string> compliance_row(const app::ComplianceLine& l, int target) {
  const auto& c = l.counts;
  return {l.label,
          n(c.due),
          n(c.met),
          n(c.breached),
          n(c.due - c.met - c.breached),
          report_percent(l.met_percent),
          n(target) + " %",
          report_hours(l.first_response_p50_ms),
          report_hours(l.first_response_p90_ms),
          report_hours(l.resolution_p50_ms),
          report_hours(l.resolution_p90_ms),
          n(c.resolved),
          n(c.reopened),
          report_percent(l.reopen_percent)};
}

ReportTable count_table(const std::string& id, const std::string& title, const std::string& what,
                        const std::vector<app::CountLine>& lines, const std::string& definition) {
  ReportTable t{id,
                title,
                definition,
                "Chamados registrados no período por " + what,
                {what == "unidade"     ? "Unidade"
                 : what == "serviço"   ? "Serviço"
                 : what == "categoria" ? "Categoria"
                                       : "Canal",
                 "Registrados"},
                {}};
  for (const auto& l : lines) t.rows.push_back({l.label, n(l.count)});
  return t;
}

const char* const kChannels[] = {"portal", "email", "phone", "whatsapp", "api"};

}  // namespace

std::string report_percent(const std::optional<double>& p) {
  return p ? decimal_comma(*p, 1) + " %" : "—";
}

std::string report_hours(const std::optional<std::int64_t>& ms) {
  return ms ? decimal_comma(static_cast<double>(*ms) / 3'600'000.0, 1) : "—";
}

std::vector<ReportTable> sla_report_tables(const app::SlaComplianceReport& r) {
  const int target = r.query.target_percent;
  ReportTable sev{"severidades",
                  "Por severidade",
                  std::string(kCompliance) + " " + kTimes,
                  "Cumprimento do prazo de solução por severidade",
                  compliance_headers("Severidade"),
                  {}};
  for (const auto& l : r.by_severity) sev.rows.push_back(compliance_row(l, target));
  sev.rows.push_back(compliance_row(r.total, target));
  ReportTable svc{"servicos",
                  "Por serviço",
                  std::string(kCompliance) + " " + kTimes,
                  "Cumprimento do prazo de solução por serviço",
                  compliance_headers("Serviço"),
                  {}};
  for (const auto& l : r.by_service) svc.rows.push_back(compliance_row(l, target));
  ReportTable late{"violados",
                   "Chamados com prazo violado",
                   "Os chamados cujo prazo de solução venceu no período sem solução até ele, pela "
                   "ordem do prazo; abra o chamado para ver a linha do tempo do SLA com as pausas "
                   "e os seus motivos.",
                   "Chamados com prazo de solução violado no período",
                   {"Protocolo", "Assunto", "Serviço", "Unidade", "Severidade", "Prazo",
                    "Solução (h úteis)", "Situação"},
                   {}};
  for (const auto& b : r.breached) {
    late.rows.push_back({b.row.protocol, b.row.subject, b.service, b.unit, b.row.severity,
                         report_day_br(report_day(b.row.deadline)),
                         report_hours(b.row.resolution_ms), b.row.status});
  }
  return {sev, svc, late};
}

std::vector<ReportTable> volume_report_tables(const app::VolumeReport& r) {
  const std::string per_day =
      "Registrados: chamados abertos no dia (hora de Brasília), por canal de entrada. "
      "Encerrados: resolvidos, fechados ou cancelados no dia. Estoque: chamados registrados até o "
      "fim do dia e ainda não encerrados nele; um chamado reaberto volta ao estoque e conta pela "
      "sua última solução.";
  ReportTable days{"dias",  "Registrados e estoque por dia",
                   per_day, "Chamados registrados, encerrados e em estoque por dia",
                   {"Dia"}, {}};
  for (const char* ch : kChannels) days.headers.push_back(app::report_channel_label(ch));
  for (const char* h : {"Registrados", "Encerrados", "Estoque no fim do dia"}) {
    days.headers.push_back(h);
  }
  for (const auto& d : r.days) {
    std::vector<std::string> row{report_day_br(d.day)};
    for (const char* ch : kChannels) {
      auto it = d.registered_by_channel.find(ch);
      row.push_back(n(it == d.registered_by_channel.end() ? 0 : it->second));
    }
    row.push_back(n(d.registered));
    row.push_back(n(d.ended));
    row.push_back(d.backlog ? n(*d.backlog) : "—");
    days.rows.push_back(std::move(row));
  }
  ReportTable weeks{"semanas",
                    "Registrados por semana",
                    "Semanas de segunda a domingo; a primeira e a última podem ser parciais.",
                    "Chamados registrados por semana e canal",
                    {"Semana a partir de"},
                    {}};
  for (const char* ch : kChannels) weeks.headers.push_back(app::report_channel_label(ch));
  weeks.headers.push_back("Registrados");
  for (const auto& w : r.weeks) {
    std::vector<std::string> row{report_day_br(w.first_day)};
    for (const char* ch : kChannels) {
      auto it = w.registered_by_channel.find(ch);
      row.push_back(n(it == w.registered_by_channel.end() ? 0 : it->second));
    }
    row.push_back(n(w.registered));
    weeks.rows.push_back(std::move(row));
  }
  const std::string counted = "Chamados registrados no período, pela situação atual do chamado.";
  ReportTable aging{"envelhecimento",
                    "Idade dos chamados abertos",
                    "Os chamados abertos agora (não resolvidos, fechados nem cancelados), pelos "
                    "dias corridos desde o registro; não depende do período escolhido.",
                    "Chamados abertos agora por idade",
                    {"Idade", "Abertos"},
                    {}};
  for (const auto& a : r.aging) aging.rows.push_back({a.label, n(a.count)});
  ReportTable time{"tempo",
                   "Tempo registrado por unidade e serviço",
                   "O tempo que os atendentes registraram nos chamados (\"Registrar tempo\" e o "
                   "tempo informado na solução), contado no dia em que foi registrado (hora de "
                   "Brasília), na unidade e no serviço atuais do chamado: um chamado encaminhado "
                   "a outra unidade leva o seu tempo para ela. Reabrir ou cancelar um chamado "
                   "não desconta o tempo já registrado.",
                   "Tempo registrado por unidade e serviço",
                   {"Unidade", "Serviço", "Registros de tempo", "Horas", "Minutos"},
                   {}};
  auto time_row = [](const std::string& unit, const std::string& service, const LoggedDay& t) {
    return std::vector<std::string>{unit, service, n(t.entries), report_hours(t.minutes * 60000),
                                    n(t.minutes)};
  };
  for (const auto& l : r.time_logged) time.rows.push_back(time_row(l.unit, l.service, l.logged));
  if (!r.time_logged.empty()) time.rows.push_back(time_row("Total", "", r.time_total));
  return {days,
          weeks,
          count_table("canais", "Por canal", "canal", r.by_channel, counted),
          count_table("servicos", "Por serviço", "serviço", r.by_service, counted),
          count_table("categorias", "Por categoria", "categoria", r.by_category, counted),
          count_table("unidades", "Por unidade", "unidade", r.by_unit,
                      counted + " Sem unidade: ainda não encaminhados."),
          aging,
          time};
}

std::string report_table_csv(const ReportTable& t) {
  auto field = [](const std::string& s) {
    if (s.find_first_of(";\"\r\n") == std::string::npos) return s;
    std::string q = "\"";
    for (char ch : s) {
      if (ch == '"') q += '"';
      q += ch;
    }
    return q + "\"";
  };
  std::string out = "\xEF\xBB\xBF";
  auto line = [&](const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) out += (i ? ";" : "") + field(cells[i]);
    out += "\r\n";
  };
  line(t.headers);
  for (const auto& row : t.rows) line(row);
  return out;
}

}  // namespace guiche::web
