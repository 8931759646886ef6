#include "web/agent/agent_whatsapp_view.hpp"

#include "app/tickets/ticket_reads.hpp"

namespace guiche::web {
namespace {

std::string window_text(WebContext& ctx, const app::TicketWhatsApp& w) {
  switch (w.window) {
    case app::WhatsAppWindowState::open:
      return fill(text(ctx, "agente.wa_janela_aberta"), format_local(ctx, *w.window_until));
    case app::WhatsAppWindowState::closed:
      return text(ctx, "agente.wa_janela_fechada");
    case app::WhatsAppWindowState::no_phone:
      return text(ctx, "agente.wa_sem_telefone");
    case app::WhatsAppWindowState::channel_off:
      return text(ctx, "agente.wa_canal_desligado");
  }
  return "";
}

// "Áudio", "Localização"…; a type the page has no word for, by its name.
std::string other_type_text(WebContext& ctx, const std::string& type) {
  const auto key = "agente.wa_tipo_" + type;
  const auto known = text(ctx, key);
  return known == key ? fill(text(ctx, "agente.wa_tipo_outro"), type) : known;
}

nlohmann::json line_view(WebContext& ctx, const app::WhatsAppLine& m,
                         const std::string& requester) {
  nlohmann::json attachments = nlohmann::json::array();
  for (const auto& a : m.attachments) {
    attachments.push_back(
        {{"nome", a.filename.empty() ? text(ctx, "agente.wa_anexo_" + a.type) : a.filename}});
  }
  std::string who = requester;
  if (!m.from_requester) who = m.author.empty() ? text(ctx, "agente.wa_guiche") : m.author;
  const std::string state =
      (m.from_requester ? "agente.wa_entrada_" : "agente.wa_saida_") + m.state;
  return {{"do_solicitante", m.from_requester},
          {"quem", who},
          {"quando", format_local(ctx, m.at)},
          {"quando_iso", format_utc(m.at)},
          {"texto", m.text},
          {"tem_texto", !m.text.empty()},
          {"outro_tipo", m.other_type.empty() ? "" : other_type_text(ctx, m.other_type)},
          {"tem_outro_tipo", !m.other_type.empty()},
          {"anexos", attachments},
          {"tem_anexos", !attachments.empty()},
          {"situacao", text(ctx, state)},
          {"situacao_codigo", m.state},
          {"falhou", m.state == "failed"},
          {"motivo", m.reason},
          {"tem_motivo", !m.reason.empty()},
          {"modelo", m.as_template}};
}

}  // namespace

nlohmann::json whatsapp_view(WebContext& ctx, const Visitor& v, const Ticket& t,
                             const std::string& requester) {
  const auto w = ctx.desk.tickets().whatsapp_conversation(v.actor, t.id);
  if (!w.shown) return {{"mostrar", false}};
  nlohmann::json lines = nlohmann::json::array();
  for (const auto& m : w.messages) lines.push_back(line_view(ctx, m, requester));
  return {{"mostrar", true},
          {"janela", window_text(ctx, w)},
          {"janela_aberta", w.window == app::WhatsAppWindowState::open},
          {"resposta", text(ctx, w.replies_by_whatsapp ? "agente.wa_resposta_whatsapp"
                                                       : "agente.wa_resposta_email")},
          {"mensagens", lines},
          {"tem_mensagens", !lines.empty()}};
}

}  // namespace guiche::web
