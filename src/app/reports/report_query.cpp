#include "app/reports/report_query.hpp"

#include <charconv>

#include "domain/error.hpp"
#include "domain/report_day.hpp"

namespace guiche::app {
namespace {

std::optional<std::string> present(const QueryLookup& value, const char* name) {
  auto v = value(name);
  if (!v || v->empty()) return std::nullopt;
  return v;
}

std::optional<std::int64_t> report_query_id(const QueryLookup& value, const char* name) {
  auto v = present(value, name);
  if (!v) return std::nullopt;
  std::int64_t id = 0;
  auto [end, ec] = std::from_chars(v->data(), v->data() + v->size(), id);
  if (ec != std::errc() || end != v->data() + v->size() || id <= 0) {
    throw invalid_field(name, "Escolha uma opção da lista.");
  }
  return id;
}

std::string url_escape(const std::string& s) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char ch : s) {
    if (std::isalnum(ch) || ch == '-' || ch == '_' || ch == '.') {
      out += static_cast<char>(ch);
    } else {
      out += '%';
      out += kHex[ch >> 4];
      out += kHex[ch & 15];
    }
  }
  return out;
}

}  // namespace

ReportQuery parse_report_query(const QueryLookup& value, int today) {
  ReportQuery q;
  const int month_start = today / 100 * 100 + 1;
  q.first_day = month_start;
  q.last_day = report_day_add(report_day_add(month_start, 32) / 100 * 100 + 1, -1);
  if (auto from = present(value, "from")) {
    auto d = parse_report_day(*from);
    if (!d) throw invalid_field("from", "Informe a data inicial como dd/mm/aaaa.");
    q.first_day = *d;
  }
  if (auto to = present(value, "to")) {
    auto d = parse_report_day(*to);
    if (!d) throw invalid_field("to", "Informe a data final como dd/mm/aaaa.");
    q.last_day = *d;
  }
  q.unit_id = report_query_id(value, "unit");
  q.service_id = report_query_id(value, "service");
  q.organization_id = report_query_id(value, "organization");
  q.severity = present(value, "severity");
  if (auto channel = present(value, "channel")) {
    if (!parse_channel(*channel)) throw invalid_field("channel", "Canal desconhecido.");
    q.channel = channel;
  }
  if (auto category = present(value, "category")) {
    if (!parse_category(*category)) throw invalid_field("category", "Categoria desconhecida.");
    q.category = category;
  }
  if (auto target = present(value, "target")) {
    int t = 0;
    auto [end, ec] = std::from_chars(target->data(), target->data() + target->size(), t);
    if (ec != std::errc() || end != target->data() + target->size() || t < 1 || t > 100) {
      throw invalid_field("target", "A meta é uma porcentagem de 1 a 100.");
    }
    q.target_percent = t;
  }
  return q;
}

std::string report_query_string(const ReportQuery& q) {
  std::string s = "from=" + report_day_iso(q.first_day) + "&to=" + report_day_iso(q.last_day);
  if (q.unit_id) s += "&unit=" + std::to_string(*q.unit_id);
  if (q.service_id) s += "&service=" + std::to_string(*q.service_id);
  if (q.organization_id) s += "&organization=" + std::to_string(*q.organization_id);
  if (q.severity) s += "&severity=" + url_escape(*q.severity);
  if (q.channel) s += "&channel=" + url_escape(*q.channel);
  if (q.category) s += "&category=" + url_escape(*q.category);
  if (q.target_percent != kDefaultComplianceTargetPercent) {
    s += "&target=" + std::to_string(q.target_percent);
  }
  return s;
}

std::string report_cursor_text(const store::BreachCursor& c) {
  return std::to_string(to_millis(c.deadline)) + "." + std::to_string(c.ticket_id);
}

std::optional<store::BreachCursor> parse_report_cursor(const std::string& text) {
  const auto dot = text.find('.');
  if (dot == std::string::npos) return std::nullopt;
  std::int64_t at = 0;
  std::int64_t id = 0;
  auto a = std::from_chars(text.data(), text.data() + dot, at);
  auto b = std::from_chars(text.data() + dot + 1, text.data() + text.size(), id);
  if (a.ec != std::errc() || a.ptr != text.data() + dot || b.ec != std::errc() ||
      b.ptr != text.data() + text.size()) {
    return std::nullopt;
  }
  return store::BreachCursor{from_millis(at), id};
}

}  // namespace guiche::app
