#include "app/incidents/notice_messages.hpp"

#include <map>

#include "app/incidents/notice_time.hpp"
#include "domain/error.hpp"
#include "domain/incidents/norm_placeholder.hpp"
#include "mail/templates.hpp"
#include "store/outbox_rows.hpp"
#include "support/markup_escape.hpp"

namespace guiche::app {
namespace {

// Which field of the action or the notice fills each placeholder, and how it
// is called in the error.
struct Source {
  const char* field;
  const char* label;
};
const std::map<std::string, Source>& sources() {
  static const std::map<std::string, Source> table = {
      {"component", {"component_ids", "o componente"}},
      {"impact", {"impact", "o impacto"}},
      {"organization", {"organization_id", "o órgão"}},
      {"signature", {"position", "o cargo de quem assina"}},
      {"text", {"text", "o texto da atualização"}},
      {"date", {"starts_at", "a data da manutenção"}},
      {"start_time", {"starts_at", "o horário de início"}},
      {"end_time", {"ends_at", "o horário de término"}},
      {"agency", {"agency", "o nome do órgão de TI (configuração)"}},
      {"group", {"group", "o nome do canal de incidentes (configuração)"}},
      {"portal_url", {"portal_url", "o endereço do portal (configuração)"}},
      {"when", {"when", "a data e a hora"}},
  };
  return table;
}

std::string end_time_text(const std::string& tz, Instant start, Instant end) {
  std::string text = local_clock_text(tz, end);
  if (local_date_text(tz, end) != local_date_text(tz, start)) {
    text += " do dia " + local_date_text(tz, end);
  }
  return text + " (" + zone_name_pt(tz, end) + ")";
}

}  // namespace

std::string joined_names(const std::vector<std::string>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? " e " : ", ";
    out += names[i];
  }
  return out;
}

NoticeMessage render_notice_message(store::Connection& c, const DeskConfig& config,
                                    const std::string& key, const StatusNotice& notice,
                                    const MessageFacts& facts) {
  mail::Template tmpl = mail::default_template(key).value();
  if (auto stored = store::load_template(c, key, tmpl.channel, tmpl.locale)) {
    tmpl.subject = stored->subject;
    tmpl.text = stored->text_body;
  }
  tmpl.html.clear();  // made from the text (message_html)
  const std::string& tz = config.time_zone;
  nlohmann::json values = {{"agency", config.agency_name},
                           {"group", config.incident_group_name},
                           {"portal_url", config.public_url},
                           {"component", joined_names(facts.component_names)},
                           {"impact", notice.impact},
                           {"organization", facts.organization_name},
                           {"signature", facts.signature},
                           {"text", facts.text},
                           {"when", local_when_text(tz, facts.now)}};
  if (notice.starts_at) {
    values["date"] = local_date_text(tz, *notice.starts_at);
    values["start_time"] = local_clock_text(tz, *notice.starts_at);
    if (notice.ends_at) values["end_time"] = end_time_text(tz, *notice.starts_at, *notice.ends_at);
  }
  std::vector<FieldError> errors;
  for (const auto& name : mail::unfilled_placeholders(tmpl, values)) {
    auto it = sources().find(name);
    const std::string field = it == sources().end() ? name : it->second.field;
    const std::string label = it == sources().end() ? "{{" + name + "}}" : it->second.label;
    errors.push_back({field, "Informe " + label + ": a mensagem não pode sair com ele em branco."});
  }
  if (!errors.empty()) {
    throw invalid("A mensagem do comunicado ficaria incompleta.", std::move(errors));
  }
  const mail::Rendered r = mail::render(tmpl, values);
  for (const auto* text : {&r.subject, &r.text}) {
    if (const auto found = norm_placeholder_in(*text)) {
      throw invalid("O modelo da mensagem ainda tem um marcador do texto da norma.",
                    {{"template", "Troque " + *found + " no modelo \"" + key +
                                      "\" por um campo, como {{when}}."}});
    }
  }
  return NoticeMessage{key, r.subject, r.text};
}

std::string message_html(const NoticeMessage& m) {
  std::string html;
  std::size_t start = 0;
  while (start < m.text.size()) {
    auto end = m.text.find("\n\n", start);
    if (end == std::string::npos) end = m.text.size();
    std::string paragraph = m.text.substr(start, end - start);
    while (!paragraph.empty() && paragraph.back() == '\n') paragraph.pop_back();
    if (!paragraph.empty()) {
      std::string lines = escape_markup(paragraph);
      for (auto at = lines.find('\n'); at != std::string::npos; at = lines.find('\n', at)) {
        lines.replace(at, 1, "<br>");
      }
      html += "<p>" + lines + "</p>";
    }
    start = end + 2;
  }
  return html;
}

}  // namespace guiche::app
