// The question of each step: what the bot asks, and asks again after a wrong answer.
#include "domain/chatbot/form_questions.hpp"
#include "domain/chatbot/texts_pt_br.hpp"
#include "domain/chatbot/turn.hpp"

namespace guiche::chatbot {
namespace {

constexpr std::size_t kMaxTicketRows = CloudApiLimits::list_rows - 1;  // and "É um novo pedido"
constexpr std::size_t kMaxCorrectableFields = CloudApiLimits::list_rows - 2;

Option option(std::string id, std::string_view title, std::string description = "") {
  return {std::move(id), std::string(title), std::move(description)};
}

struct CatalogPage {
  std::size_t first = 0, count = 0;
  bool previous = false, more = false;
};

// Pages of at most 10 rows: the services, then "Mais serviços" when more follow, "Voltar" after
// the first page and "Descrever o que preciso" when a triage service exists.
CatalogPage catalog_page(std::size_t services, int page, bool describe) {
  CatalogPage p;
  for (int i = 0;; ++i) {
    p.previous = i > 0;
    std::size_t slots = CloudApiLimits::list_rows - (describe ? 1 : 0) - (p.previous ? 1 : 0);
    std::size_t left = services - p.first;
    p.more = left > slots;
    p.count = p.more ? slots - 1 : left;
    if (i == page || !p.more) return p;
    p.first += p.count;
  }
}

std::string attachment_names(const std::vector<AttachmentRef>& files) {
  std::string out;
  for (const auto& a : files) {
    if (!out.empty()) out += ", ";
    out += !a.filename.empty()                 ? a.filename
           : a.mime_type.starts_with("image/") ? "foto"
                                               : "documento";
  }
  return out;
}

BotMessage tickets_prompt(const Turn& t, std::string_view lead) {
  std::vector<Option> rows;
  for (const auto& ticket : t.f.open_tickets) {
    if (rows.size() == kMaxTicketRows) break;
    rows.push_back(option("chamado:" + std::to_string(ticket.id), ticket.protocol, ticket.subject));
  }
  rows.push_back(
      option("chamado:novo", texts::new_request, std::string(texts::new_request_detail)));
  return list_message(with_lead(lead, texts::tickets_prompt()), std::string(texts::tickets_button),
                      std::string(texts::tickets_section), std::move(rows));
}

}  // namespace

BotMessage catalog_prompt(const Turn& t, std::string_view lead) {
  const auto& catalog = t.f.catalog;
  if (catalog.empty()) return text_message(with_lead(lead, texts::catalog_empty()));
  bool describe = t.service(t.f.triage_service_code) != nullptr;
  auto page = catalog_page(catalog.size(), t.c.catalog_page, describe);
  std::vector<Option> rows;
  for (std::size_t i = page.first; i < page.first + page.count; ++i) {
    rows.push_back(option("servico:" + catalog[i].code, catalog[i].code, catalog[i].name));
  }
  if (page.more) {
    rows.push_back(option("catalogo:pagina:" + std::to_string(t.c.catalog_page + 1),
                          texts::more_services, std::string(texts::more_services_detail)));
  }
  if (page.previous) {
    rows.push_back(option("catalogo:pagina:" + std::to_string(t.c.catalog_page - 1),
                          texts::previous_services, std::string(texts::previous_services_detail)));
  }
  if (describe) {
    rows.push_back(option("catalogo:descrever", texts::describe_need,
                          std::string(texts::describe_need_detail)));
  }
  return list_message(with_lead(lead, texts::catalog_prompt()), std::string(texts::catalog_button),
                      std::string(texts::catalog_section), std::move(rows));
}

BotMessage field_prompt(const Turn& t, std::string_view lead) {
  const auto* s = t.service(t.c.service_code);
  if (!s) return catalog_prompt(t, texts::service_gone());
  for (std::size_t i = 0; i < s->form.size(); ++i) {
    if (s->form[i].key == t.c.field_key) {
      return field_question(s->form[i], static_cast<int>(i + 1), static_cast<int>(s->form.size()),
                            lead, t.f.today);
    }
  }
  return catalog_prompt(t, texts::service_gone());
}

BotMessage summary_prompt(const Turn& t, std::string_view lead) {
  const auto* s = t.service(t.c.service_code);
  if (!s) return catalog_prompt(t, texts::service_gone());
  std::string body = texts::summary_heading() + "\n" + texts::summary_service(s->code, s->name);
  for (const auto& field : s->form) {
    if (!t.c.answers.contains(field.key) || t.c.answers[field.key].is_null()) continue;
    // "*Tipo de atendimento:* Dúvida", but "*Aceita atendimento remoto?* Sim".
    bool question = field.label.ends_with('?');
    body += "\n*" + field.label + (question ? "* " : ":* ") +
            fit(display_value(field, t.c.answers[field.key]), 200);
  }
  if (!t.c.attachments.empty()) {
    body += "\n" + texts::summary_attachments(attachment_names(t.c.attachments));
  }
  body += "\n" + texts::summary_description(fit(t.c.description, 300));
  auto p = t.person();
  if (p && ((s->audience == Audience::public_servants && !p->may_use_public_servant_services) ||
            (s->audience == Audience::authorized_requesters && !p->may_use_authorized_services))) {
    body += "\n\n" + texts::audience_note(s->audience);
  }
  body += "\n\n" + texts::summary_question();
  return buttons_message(with_lead(lead, body), {option("resumo:confirmar", texts::confirm),
                                                 option("resumo:corrigir", texts::correct),
                                                 option("resumo:cancelar", texts::cancel)});
}

BotMessage correction_prompt(const Turn& t, std::string_view lead) {
  const auto* s = t.service(t.c.service_code);
  if (!s) return catalog_prompt(t, texts::service_gone());
  std::vector<Option> rows{option("corrigir:servico", texts::item_service, s->code)};
  if (s->form.size() <= kMaxCorrectableFields) {
    for (const auto& field : s->form) {
      std::string value = t.c.answers.contains(field.key)
                              ? display_value(field, t.c.answers[field.key])
                              : std::string();
      rows.push_back(option("corrigir:campo:" + field.key, field.label, value));
    }
  } else {
    rows.push_back(option("corrigir:todas", texts::item_all_questions));
  }
  rows.push_back(option("corrigir:descricao", texts::item_description, t.c.description));
  return list_message(with_lead(lead, texts::correction_prompt()),
                      std::string(texts::correction_button), std::string(texts::correction_section),
                      std::move(rows));
}

BotMessage Turn::prompt(std::string_view lead) const {
  auto text = [&](std::string body) { return text_message(with_lead(lead, std::move(body))); };
  auto buttons = [&](std::string body, std::vector<Option> options) {
    return buttons_message(with_lead(lead, std::move(body)), std::move(options));
  };
  switch (c.step) {
    case Step::start:
    case Step::consent:
      return buttons(
          texts::consent_notice(f.privacy_url),
          {option("consentimento:sim", texts::accept), option("consentimento:nao", texts::refuse)});
    case Step::who:
      return buttons(texts::who_prompt(), {option("quem:cadastro", texts::has_registration),
                                           option("quem:cidadao", texts::citizen)});
    case Step::identity_key:
      return buttons(texts::identity_prompt(), {option("quem:cidadao", texts::citizen)});
    case Step::code:
      return text(texts::code_sent(c.masked_email));
    case Step::citizen_name:
      return text(texts::citizen_name_prompt());
    case Step::ticket_or_new:
      return tickets_prompt(*this, lead);
    case Step::ticket_message:
      return text(texts::ticket_message_prompt(c.ticket_protocol));
    case Step::service:
      return catalog_prompt(*this, lead);
    case Step::reserved_service: {
      const auto* s = service(c.service_code);
      if (!s) return catalog_prompt(*this, texts::service_gone());
      return buttons(texts::reserved_service(s->code, s->name, s->audience),
                     {option("reservado:identificar", texts::identify_me),
                      option("reservado:outro", texts::other_service)});
    }
    case Step::form_field:
      return field_prompt(*this, lead);
    case Step::attachments:
      return buttons(texts::attachments_prompt(), {option("anexos:concluir", texts::done)});
    case Step::description:
      return text(texts::description_prompt());
    case Step::summary:
      return summary_prompt(*this, lead);
    case Step::correction:
      return correction_prompt(*this, lead);
    case Step::with_attendant:
      return text(texts::handed_over());
    case Step::awaiting_lookup:
    case Step::awaiting_code_check:
    case Step::awaiting_ticket_add:
    case Step::awaiting_registration:
      break;
  }
  return text(texts::busy());
}

}  // namespace guiche::chatbot
