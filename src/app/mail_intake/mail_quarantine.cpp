// Use cases of the mail quarantine: the messages the intake could not handle
// (unreadable, unknown sender writing about a ticket, someone not on the
// ticket, a refused registration), kept whole. The central de serviços works
// it (it receives the desk's e-mail), with client relations and the
// admins: list, download the original, retry, or register it as a ticket.
#include "app/attachments/attachments.hpp"
#include "app/mail_intake/mail_intake.hpp"
#include "app/mail_intake/mail_text.hpp"
#include "domain/error.hpp"
#include "mail/inbound_message.hpp"
#include "store/attachment_rows.hpp"
#include "store/inbound_rows.hpp"
#include "store/ticket_rows.hpp"

namespace guiche::app {
namespace {

bool works_quarantine(const Person& p) {
  return p.active && (p.has_role(Role::attendant) || p.has_role(Role::client_relations) ||
                      p.has_role(Role::admin));
}

void require_quarantine_access(const Person& p) {
  if (!works_quarantine(p)) {
    throw forbidden(
        "Somente a central de serviços, o relacionamento com clientes e os administradores "
        "tratam a quarentena de e-mails.");
  }
}

}  // namespace

std::vector<store::QuarantineRecord> MailIntake::mail_quarantine(
    const Actor& a, const std::string& state, std::optional<std::int64_t> before_id, int limit) {
  require_active(a);
  require_quarantine_access(a.person);
  if (!state.empty() && state != "pending" && state != "resolved") {
    throw invalid_field("state", "Situação inválida: use pending ou resolved.");
  }
  if (limit < 1 || limit > 200) throw invalid_field("limit", "limit vai de 1 a 200.");
  std::vector<store::QuarantineRecord> out;
  ctx_.db.read(
      [&](store::Connection& c) { out = store::list_quarantine(c, state, before_id, limit); });
  return out;
}

store::QuarantineRecord MailIntake::quarantined_mail(const Actor& a, std::int64_t id) {
  require_active(a);
  require_quarantine_access(a.person);
  std::optional<store::QuarantineRecord> found;
  ctx_.db.read([&](store::Connection& c) { found = store::load_quarantined(c, id); });
  if (!found) throw not_found("Mensagem não encontrada na quarentena.");
  return *found;
}

std::string MailIntake::quarantined_raw(const Actor& a, std::int64_t id) {
  const auto q = quarantined_mail(a, id);
  auto bytes = ctx_.blobs.read(q.message.raw_sha256);
  if (!bytes) throw not_found("O arquivo original desta mensagem não foi encontrado.");
  return std::move(*bytes);
}

std::string MailIntake::quarantined_text(const Actor& a, std::int64_t id) {
  const std::string raw = quarantined_raw(a, id);
  try {
    return clean_mail_text(mail::parse_inbound(raw).text, 20000);
  } catch (const mail::UnparseableMessage&) {
    return "";
  }
}

bool MailIntake::may_work_mail_quarantine(const Actor& a) const {
  return works_quarantine(a.person);
}

MailReceipt MailIntake::retry_quarantined(const Actor& a, std::int64_t id) {
  const auto q = quarantined_mail(a, id);
  if (q.state != "pending") throw conflict("Esta mensagem já saiu da quarentena.");
  return intake(quarantined_raw(a, id), q.message.source, id, a.id());
}

Ticket MailIntake::ticket_from_quarantine(const Actor& a, std::int64_t id,
                                          std::int64_t requester_id,
                                          const std::string& service_code) {
  const auto q = quarantined_mail(a, id);
  if (q.state != "pending") throw conflict("Esta mensagem já saiu da quarentena.");
  const std::string raw = quarantined_raw(a, id);
  RegisterRequest req;
  req.requester_id = requester_id;
  req.service_code = service_code;
  req.form_may_be_incomplete = true;
  req.audience = ctx_.config.mail_audience;
  try {
    const auto m = mail::parse_inbound(raw);
    req.subject = clean_mail_line(m.subject, kMaxSubjectBytes);
    req.description = clean_mail_text(m.text, 20000);
  } catch (const mail::UnparseableMessage&) {
    // The original, attached below, is all there is.
  }
  if (req.subject.empty()) req.subject = "Mensagem de e-mail da quarentena";
  if (req.description.empty()) {
    req.description = "Mensagem de e-mail sem texto legível; o original está anexo.";
  }
  const store::StoredBlob original = ctx_.blobs.put(raw);
  const Actor registrar{a.person, Channel::email};
  Ticket result;
  ledger_.write([&](LedgerWrite& w) {
    auto& c = w.connection();
    const Instant now = w.now();
    // Checked again under the write: two attendants may act at once.
    auto current = store::load_quarantined(c, id);
    if (!current || current->state != "pending") {
      throw conflict("Esta mensagem já saiu da quarentena.");
    }
    result = intake_.register_in(w, registrar, req);
    store::AttachmentRecord file;
    file.ticket_id = result.id;
    file.sha256 = original.sha256;
    file.filename = "mensagem-original.eml";
    file.content_type = "message/rfc822";
    file.size_bytes = original.size;
    file.uploaded_by = a.id();
    file.is_public = false;  // it may hold what only the desk should read
    file.created_at = now;
    file.id = store::insert_attachment(c, file);
    w.record(result, {attachment_added_draft(file)}, registrar);
    store::update_inbound_outcome(
        c, id, "ticket_created", result.id,
        "SA " + result.protocol + " registrada da quarentena por " + a.person.name + ".");
    store::resolve_quarantined(c, id, a.id(), now);
  });
  return result;
}

}  // namespace guiche::app
