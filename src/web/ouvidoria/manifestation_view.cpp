#include "web/ouvidoria/manifestation_view.hpp"

#include "domain/identity.hpp"
#include "web/admin/admin_page.hpp"
#include "web/message_paragraphs.hpp"
#include "web/page.hpp"

namespace guiche::web {
namespace {

std::string label(WebContext& ctx, const std::string& group, std::string_view code) {
  return text(ctx, "ouvidoria." + group + "." + std::string(code));
}

}  // namespace

nlohmann::json manifestation_view(WebContext& ctx, const app::ManifestationView& v) {
  const auto& m = v.manifestation;
  nlohmann::json events = nlohmann::json::array();
  for (const auto& e : v.events) {
    events.push_back({{"quando", format_local(ctx, e.at)},
                      {"o_que", label(ctx, "eventos", e.kind)},
                      {"quem", e.actor_name},
                      {"tem_quem", !e.actor_name.empty()},
                      {"texto", message_paragraphs(e.text)}});
  }
  nlohmann::json tickets = nlohmann::json::array();
  for (const auto& t : v.tickets) {
    tickets.push_back({{"protocolo", t.protocol},
                       {"assunto", t.subject},
                       {"url", "/atendimento/chamados/" + url_encode(t.protocol)}});
  }
  const bool awaiting = m.status == ManifestationStatus::awaiting_complement;
  const auto standing = due_standing_code(v.standing);
  const bool running = m.status == ManifestationStatus::open || awaiting;
  nlohmann::json out = {
      {"id", m.id},
      {"protocolo", m.protocol},
      {"url", "/ouvidoria/manifestacoes/" + std::to_string(m.id)},
      {"tipo", label(ctx, "tipos", manifestation_kind_code(m.kind))},
      {"identificacao", label(ctx, "identificacoes", identification_code(m.identification))},
      {"situacao", label(ctx, "situacoes", manifestation_status_code(m.status))},
      {"situacao_codigo", manifestation_status_code(m.status)},
      {"servico",
       m.service_name.empty() ? text(ctx, "ouvidoria.nova.servico_geral") : m.service_name},
      {"assunto", m.subject},
      {"relato", message_paragraphs(m.description)},
      {"registrada_em", format_local(ctx, m.registered_at)},
      {"prazo", date_br(m.due_on)},
      {"em_andamento", running},
      {"prazo_situacao", running ? label(ctx, "prazos", standing) : ""},
      {"prazo_codigo", running ? std::string(standing) : ""},
      {"aguardando", awaiting},
      {"complemento_ate", v.complement_due_on ? date_br(*v.complement_due_on) : ""},
      {"prorrogada", m.extension_days.has_value()},
      {"motivo", m.extension_reason},
      {"respondida", m.status == ManifestationStatus::answered},
      {"resposta", message_paragraphs(m.answer)},
      {"respondida_em", m.answered_at ? format_local(ctx, *m.answered_at) : ""},
      {"canal", label(ctx, "canais", answer_channel_code(m.answer_channel))},
      {"anonima", m.identification == Identification::anonymous},
      {"sigilosa_oculta", !m.identity_shown},
      {"eventos", events},
      {"chamados", tickets},
      {"tem_chamados", !tickets.empty()},
      {"trata", v.may_work},
      {"pode_arquivar", v.complement_window_over}};
  if (m.identity_shown && m.identification != Identification::anonymous) {
    const auto& who = m.manifestant;
    out["autor"] = {{"nome", who.name},
                    {"email", who.email},
                    {"tem_email", !who.email.empty()},
                    {"telefone", who.phone},
                    {"tem_telefone", !who.phone.empty()},
                    {"cpf", who.cpf.empty() ? "" : format_cpf(who.cpf)},
                    {"tem_cpf", !who.cpf.empty()},
                    {"sigilosa", m.identification == Identification::confidential}};
  }
  return out;
}

nlohmann::json linked_manifestations_view(WebContext& ctx, const Visitor& v, const Ticket& t) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& m : ctx.desk.manifestations().of_ticket(v.actor, t.id)) {
    items.push_back(manifestation_view(ctx, m));
  }
  return {{"itens", items}, {"mostrar", !items.empty()}};
}

}  // namespace guiche::web
