// Use case: an e-mail arrives (docs/domain.md, "Mail intake"), through the
// mail gateway or the server's IMAP poller.
//  - Automatic messages (auto-replies, bounces, bulk, our own address) are
//    recorded and ignored: never a ticket, never a notice, so two robots
//    cannot talk to each other through the desk.
//  - The same message (Message-ID, or the SHA-256 of the raw bytes when it
//    has none) is processed once; later deliveries answer "duplicate".
//  - Threading: In-Reply-To/References naming a notice we sent (or a message
//    that joined a ticket), else the protocol in the subject.
//  - A message joining a ticket becomes the requester's public reply (with
//    its files). Someone working the ticket gets an internal note (e-mail
//    From is forgeable: nothing from mail speaks to the requester in the
//    desk's name). Anyone else goes to the quarantine, so another
//    organization cannot write into a ticket by quoting its protocol.
//  - A reply to a resolved ticket asks to reopen it while the window lasts
//    (DeskConfig::mail_reply_to_closed); past it, or to a closed or cancelled
//    ticket, it registers a new ticket linked to the old one.
//  - Otherwise the message registers a request through Intake::register_in,
//    as the portal does: e-mail follows the client check (docs/domain.md), so an unknown
//    sender (registered here as a person without organization) or a
//    non-client goes to client relations.
//  - Loop guard: at most DeskConfig::mail_notices_per_hour notices to one
//    address per hour; notices a mail would cause beyond that are dropped.
//  - Whatever cannot be handled is quarantined whole, never lost.
#include "app/mail_intake/mail_intake.hpp"
#include "observability/metrics.hpp"

#include "app/access_policy.hpp"
#include "app/attachments/attachment_policy.hpp"
#include "app/attachments/attachments.hpp"
#include "app/mail_intake/mail_service.hpp"
#include "app/mail_intake/mail_text.hpp"
#include "domain/error.hpp"
#include "domain/identity.hpp"
#include "domain/protocol_number.hpp"
#include "domain/reopen_window.hpp"
#include "mail/inbound_message.hpp"
#include "store/attachment_rows.hpp"
#include "store/inbound_rows.hpp"
#include "store/person_rows.hpp"
#include "store/ticket_rows.hpp"
#include "store/unit_rows.hpp"

namespace guiche::app {

// A message as the intake's transaction needs it; the files are on disk already.
struct MailInput {
  std::optional<mail::InboundMessage> message;  // nullopt: unparseable
  std::string unparseable_reason;
  struct File {
    std::string name;
    store::StoredBlob blob;
    std::string held_reason;  // the file policy refused it: kept, held (pt-BR)
  };
  std::vector<File> files;
  std::vector<std::string> refused;  // "name (reason)", pt-BR: held or not kept (empty)
};

namespace {

// The ticket `t` was merged into, locked, when it is still open.
std::optional<Ticket> open_survivor(LedgerWrite& w, const Ticket& t) {
  for (const auto& l : t.links) {
    if (l.kind != "merged_into") continue;
    auto survivor = w.lock(l.other_ticket_id);
    if (survivor && status_is_open(survivor->status)) return survivor;
  }
  return std::nullopt;
}

constexpr std::size_t kMaxMessageIdBytes = 500;
constexpr const char* kNoText = "(mensagem sem texto)";

std::string automatic_detail(mail::Automatic a) {
  switch (a) {
    case mail::Automatic::auto_reply:
      return "Resposta automática: registrada e ignorada.";
    case mail::Automatic::bounce:
      return "Aviso de não entrega (bounce): registrado e ignorado.";
    case mail::Automatic::bulk:
      return "Mensagem em massa ou de lista: registrada e ignorada.";
    case mail::Automatic::none:
      break;
  }
  return "";
}

std::string lower_ascii(std::string s) {
  for (auto& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return s;
}

std::string size_label(std::int64_t bytes) {
  if (bytes >= 1024 * 1024) return std::to_string(bytes / (1024 * 1024)) + " MB";
  return std::to_string(bytes / 1024) + " KB";
}

// /metrics: what became of the messages taken in (ticket_created, joined,
// quarantined, duplicate, ...), so a sudden run of quarantines shows.
void count_intake(const std::string& outcome) {
  static auto& family = observability::metrics().counter(
      "guiche_mail_intake_total", "Mensagens de e-mail recebidas, por resultado.", {"outcome"});
  family.with({outcome}).inc();
}

}  // namespace

MailReceipt MailIntake::receive_mail(const Actor& gateway, const std::string& raw,
                                     const std::string& source) {
  require_active(gateway);
  if (!gateway.person.has_role(Role::attendant)) {
    throw forbidden("Somente a conta da central de serviços (atendente) entrega e-mails.");
  }
  return intake(raw, source, std::nullopt);
}

MailReceipt MailIntake::receive_polled_mail(const std::string& raw, const std::string& source) {
  return intake(raw, source, std::nullopt);
}

MailReceipt MailIntake::intake(const std::string& raw, const std::string& source,
                               std::optional<std::int64_t> retry_of, std::int64_t retried_by) {
  if (raw.empty()) throw invalid_field("message", "A mensagem de e-mail está vazia.");
  if (static_cast<std::int64_t>(raw.size()) > ctx_.config.max_mail_bytes) {
    throw DomainError(
        DomainError::Kind::too_large,
        "A mensagem excede o limite de " + size_label(ctx_.config.max_mail_bytes) + ".");
  }
  const Instant now = ctx_.now();
  // The whole message goes to disk before any row names it (content-addressed,
  // so a failed transaction leaves only a reusable file).
  const store::StoredBlob kept = ctx_.blobs.put(raw);
  MailInput input;
  try {
    input.message = mail::parse_inbound(raw);
  } catch (const mail::UnparseableMessage& e) {
    input.unparseable_reason = e.reason.empty() ? "formato não reconhecido" : e.reason;
  }

  store::InboundRecord record;
  record.source = source;
  record.received_at = now;
  record.raw_sha256 = kept.sha256;
  record.raw_size = static_cast<std::int64_t>(raw.size());
  if (input.message) {
    const auto& m = *input.message;
    if (!m.message_id.empty() && m.message_id.size() <= kMaxMessageIdBytes &&
        is_clean_text(m.message_id)) {
      record.message_id = m.message_id;
    }
    if (m.from) {
      record.sender = normalize_email(m.from->email).value_or(clean_mail_line(m.from->email, 200));
    }
    record.subject = clean_mail_line(m.subject, kMaxSubjectBytes);
    if (m.automatic == mail::Automatic::none) {
      // Every file is kept: one the desk's policy refuses is held apart for
      // staff, with its reason, and the sender is told (attachment_policy.hpp).
      int index = 0;
      for (const auto& a : m.attachments) {
        const std::string name = clean_mail_filename(a.file_name, ++index);
        if (a.bytes.empty()) {
          input.refused.push_back(name + " (arquivo vazio)");
          continue;
        }
        const auto verdict = judge_attachment(ctx_.config, name, ctx_.blobs.sniff(a.bytes),
                                              static_cast<std::int64_t>(a.bytes.size()));
        if (!verdict.accepted) input.refused.push_back(name + " (" + verdict.reason + ")");
        input.files.push_back({name, ctx_.blobs.put(a.bytes), verdict.reason});
      }
    }
  }
  record.dedup_key = record.message_id.empty() ? "sha256:" + kept.sha256 : record.message_id;

  MailReceipt receipt;
  auto duplicate_of = [&](store::Connection& c, const store::InboundRecord& earlier) {
    // A quarantined message's ticket is only the one it names: it never got there.
    std::optional<std::int64_t> reached;
    if (earlier.outcome != "quarantined") reached = earlier.ticket_id;
    receipt = MailReceipt{earlier.id, "duplicate", reached, "",
                          "Mensagem já recebida (resultado: " + earlier.outcome + ")."};
    if (reached) {
      if (auto t = store::load_ticket(c, *reached)) receipt.protocol = t->protocol;
    }
  };
  auto settle = [&](store::Connection& c) {
    store::update_inbound_outcome(c, record.id, receipt.outcome,
                                  receipt.ticket_id ? receipt.ticket_id : record.ticket_id,
                                  receipt.detail);
    if (receipt.outcome == "quarantined") {
      store::quarantine(c, record.id, receipt.detail, now);
    } else if (retry_of) {
      store::resolve_quarantined(c, record.id, retried_by, now);
    }
  };
  try {
    ledger_.write([&](LedgerWrite& w) {
      auto& c = w.connection();
      if (retry_of) {
        record.id = *retry_of;
      } else {
        if (auto earlier = store::find_inbound(c, record.dedup_key)) {
          duplicate_of(c, *earlier);
          return;
        }
        record.outcome = "received";
        record.id = store::insert_inbound(c, record);
      }
      receipt = apply_mail(w, input, record);
      settle(c);
    });
  } catch (const store::StoreError& e) {
    // Two deliveries of one message raced (PostgreSQL): the loser answers
    // with what the winner did.
    if (e.kind() != store::StoreError::Kind::unique_violation || retry_of) throw;
    ctx_.db.read([&](store::Connection& c) {
      if (auto earlier = store::find_inbound(c, record.dedup_key)) duplicate_of(c, *earlier);
    });
    if (receipt.outcome != "duplicate") throw;
  } catch (const DomainError& e) {
    // A rule refused what the message would do (the mail service is gone,
    // say): none of it was kept, so the message waits whole in quarantine.
    receipt = MailReceipt{0, "quarantined", std::nullopt, "",
                          std::string("A mensagem não pôde ser registrada: ") + e.what()};
    ctx_.db.write([&](store::Connection& c) {
      if (retry_of) {
        record.id = *retry_of;
      } else {
        record.outcome = "quarantined";
        record.id = store::insert_inbound(c, record);
      }
      receipt.inbound_id = record.id;
      settle(c);
    });
  }
  if (receipt.outcome == "ticket_created") ctx_.directory_changed();  // it may have added a person
  count_intake(receipt.outcome);
  return receipt;
}

MailReceipt MailIntake::apply_mail(LedgerWrite& w, const MailInput& input,
                                   store::InboundRecord& inbound) {
  store::Connection& c = w.connection();
  const Instant now = w.now();
  MailReceipt r;
  r.inbound_id = inbound.id;
  auto quarantined = [&](std::string reason) {
    r.outcome = "quarantined";
    r.detail = std::move(reason);
    return r;
  };
  if (!input.message) return quarantined("Mensagem ilegível: " + input.unparseable_reason + ".");
  const mail::InboundMessage& m = *input.message;
  if (m.automatic != mail::Automatic::none) {
    r.outcome = "ignored_automatic";
    r.detail = automatic_detail(m.automatic);
    return r;
  }
  if (inbound.sender.empty() || !normalize_email(inbound.sender)) {
    return quarantined("A mensagem não tem um remetente (From) válido.");
  }
  if (inbound.sender == lower_ascii(ctx_.config.mail_from_address)) {
    r.outcome = "ignored_automatic";
    r.detail = "Mensagem com o endereço do próprio Guichê como remetente: ignorada.";
    return r;
  }
  auto sender = store::find_person_by_email(c, inbound.sender);
  if (sender && !sender->active) {
    return quarantined("O remetente " + inbound.sender + " está inativo no cadastro.");
  }

  // Threading: our own Message-IDs first (they cannot be mistyped), newest reference first.
  std::optional<Ticket> thread;
  std::vector<std::string> ids{m.in_reply_to};
  ids.insert(ids.end(), m.references.rbegin(), m.references.rend());
  for (const auto& id : ids) {
    if (auto ticket_id = store::ticket_of_message_id(c, id)) {
      thread = store::load_ticket(c, *ticket_id, true);
      if (thread) break;
    }
  }
  if (!thread) {
    if (auto protocol = protocol_in_subject(m.subject)) {
      if (auto found = store::load_ticket_by_protocol(c, *protocol)) {
        thread = store::load_ticket(c, found->id, true);
      }
    }
  }

  const std::int64_t outbox_before =
      c.query_one("SELECT COALESCE(MAX(id), 0) FROM outbox")->integer(0);
  const Actor system{Person{}, Channel::email};
  std::string refused_note;
  if (!input.refused.empty()) {
    refused_note = " Anexos não aceitos (retidos para a equipe):";
    for (const auto& f : input.refused) refused_note += " " + f + ";";
    refused_note.back() = '.';
  }
  auto file_drafts = [&](std::int64_t ticket_id, std::int64_t uploader, bool is_public) {
    std::vector<EventDraft> drafts;
    for (const auto& f : input.files) {
      store::AttachmentRecord a;
      a.ticket_id = ticket_id;
      a.sha256 = f.blob.sha256;
      a.filename = f.name;
      a.content_type = f.blob.content_type;
      a.size_bytes = f.blob.size;
      a.uploaded_by = uploader;
      a.is_public = is_public;
      a.created_at = now;
      a.held_reason = f.held_reason;
      a.id = store::insert_attachment(c, a);
      drafts.push_back(attachment_event_draft(a));
    }
    return drafts;
  };
  const std::string reply_text = [&] {
    std::string text = clean_mail_text(m.text_trimmed, 20000);
    if (text.empty()) text = clean_mail_text(m.text, 20000);
    return text.empty() ? std::string(kNoText) : text;
  }();
  // Registers the message as a new request of `requester`, under the service
  // it quotes or the mail's default; `prefix` opens the description.
  std::string service_detail;
  auto register_mail = [&](const Person& requester, const std::string& prefix) {
    const MailService service = mail_service(c, m, ctx_.config.mail_service_code);
    service_detail = service.detail.empty() ? "" : " " + service.detail;
    RegisterRequest req;
    req.requester_id = requester.id;
    req.service_code = service.code;
    req.subject = clean_mail_line(m.subject, kMaxSubjectBytes);
    if (req.subject.empty()) req.subject = "Solicitação por e-mail";
    req.description = clean_mail_text(m.text, 20000 - prefix.size());
    if (req.description.empty()) req.description = kNoText;
    req.description = prefix + req.description;
    req.form_may_be_incomplete = true;
    req.audience = ctx_.config.mail_audience;
    req.files_not_accepted = input.refused;  // the registration receipt names them
    const Actor as_requester{requester, Channel::email};
    Ticket t = intake_.register_in(w, as_requester, req);
    auto drafts = file_drafts(t.id, requester.id, true);
    for (auto& d : drafts) {
      // Named in the registration receipt already: no second notice.
      if (d.kind == EventKind::attachment_held) d.data["in_registration_receipt"] = true;
    }
    if (!drafts.empty()) w.record(t, std::move(drafts), as_requester);
    // Triage sees the service the requester asked for and why it was not taken.
    if (service.quote_set_aside) {
      w.record(t, {{EventKind::internal_note, {{"text", service.detail}}, false}}, system);
    }
    return t;
  };

  if (thread) {
    Ticket& ticket = *thread;
    const auto units = store::load_units(c);
    if (!sender) {
      // The entry names the ticket for whoever works the quarantine; the
      // receipt does not (the message did not reach it).
      inbound.ticket_id = ticket.id;
      return quarantined("O remetente " + inbound.sender +
                         " não está cadastrado e escreveu sobre a SA " + ticket.protocol +
                         "; confira antes de registrar.");
    }
    const Actor as_sender{*sender, Channel::email};
    const bool reopenable = reopen_window_open(ticket, now, ctx_.config.reopen_window) &&
                            ctx_.config.mail_reply_to_closed == ReplyToClosed::reopen_request;
    if (is_requester_side(*sender, ticket) && (status_is_open(ticket.status) || reopenable)) {
      std::vector<EventDraft> drafts;
      if (status_is_open(ticket.status)) {
        nlohmann::json data{{"text", reply_text}, {"from_agent", false}};
        if (ticket.status == Status::pending_requester)
          data["status"] = status_code(Status::in_progress);
        drafts.push_back({EventKind::public_reply, data});
        r.outcome = "joined";
        r.detail = "Resposta incluída na SA " + ticket.protocol + ".";
      } else {
        drafts.push_back({EventKind::reopened, {{"reason", clean_mail_text(reply_text, 2000)}}});
        r.outcome = "reopen_requested";
        r.detail = "Reabertura da SA " + ticket.protocol + " pedida por e-mail.";
      }
      for (auto& d : file_drafts(ticket.id, sender->id, true)) drafts.push_back(std::move(d));
      w.record(ticket, std::move(drafts), as_sender);
      r.ticket_id = ticket.id;
      r.protocol = ticket.protocol;
    } else if (auto survivor = open_survivor(w, ticket);
               survivor && is_requester_side(*sender, ticket)) {
      // A duplicate merged into a ticket still open (app/tickets/ticket_merge.hpp):
      // the message reaches that ticket's team as an internal note (it is not
      // that ticket's requester's conversation); their answer reaches the
      // sender as the merged ticket's news.
      std::vector<EventDraft> drafts{
          {EventKind::internal_note,
           {{"text", "E-mail de " + inbound.sender + ", solicitante da SA " + ticket.protocol +
                         " (unida a esta):\n\n" + reply_text}},
           false}};
      for (auto& d : file_drafts(survivor->id, sender->id, false)) drafts.push_back(std::move(d));
      w.record(*survivor, std::move(drafts), as_sender);
      r.outcome = "joined";
      r.detail = "Incluída na SA " + survivor->protocol + ", à qual a SA " + ticket.protocol +
                 " foi unida.";
      r.ticket_id = survivor->id;
      r.protocol = survivor->protocol;
    } else if (is_requester_side(*sender, ticket)) {
      // Resolved past the window, closed or cancelled: a new request, linked,
      // never a silent duplicate.
      Ticket fresh =
          register_mail(*sender, "Mensagem recebida por e-mail sobre a SA " + ticket.protocol +
                                     " (" + std::string(status_label_pt(ticket.status)) + "):\n\n");
      w.record(ticket, {link_draft(fresh, "related")}, system);
      w.record(fresh, {link_draft(ticket, "related")}, system);
      r.outcome = "ticket_created";
      r.detail = "Nova SA " + fresh.protocol + ", vinculada à SA " + ticket.protocol + " (" +
                 std::string(status_label_pt(ticket.status)) + ").";
      r.ticket_id = fresh.id;
      r.protocol = fresh.protocol;
    } else if (can_work_ticket(*sender, ticket, units)) {
      std::vector<EventDraft> drafts{
          {EventKind::internal_note,
           {{"text", "E-mail de " + inbound.sender + ":\n\n" + reply_text}},
           false}};
      for (auto& d : file_drafts(ticket.id, sender->id, false)) drafts.push_back(std::move(d));
      w.record(ticket, std::move(drafts), as_sender);
      r.outcome = "joined";
      r.detail = "Incluída como nota interna na SA " + ticket.protocol + " (remetente da equipe).";
      r.ticket_id = ticket.id;
      r.protocol = ticket.protocol;
    } else {
      inbound.ticket_id = ticket.id;
      return quarantined("O remetente " + inbound.sender + " não é o solicitante da SA " +
                         ticket.protocol + " nem atua nela.");
    }
  } else {
    Person requester;
    if (sender) {
      requester = *sender;
    } else {
      // Nothing is lost (docs/domain.md): an unknown sender becomes a person without
      // organization or login, whom client relations will judge.
      requester.name = clean_mail_line(m.from->name, 200);
      if (requester.name.empty())
        requester.name = inbound.sender.substr(0, inbound.sender.find('@'));
      requester.emails = {inbound.sender};
      requester.roles = {{Role::requester, std::nullopt}};
      requester.id = store::insert_person(c, requester, std::nullopt, now);
    }
    Ticket t = register_mail(requester, "");
    r.outcome = "ticket_created";
    r.detail = "SA " + t.protocol + " registrada" +
               (t.audience_admitted ? "." : "; encaminhada ao relacionamento com clientes.");
    r.ticket_id = t.id;
    r.protocol = t.protocol;
  }
  r.detail += service_detail + refused_note;

  // The loop guard, over the notices this message caused.
  for (const auto& row :
       c.query("SELECT DISTINCT recipient_address FROM outbox WHERE id > ? AND ticket_id = ? "
               "AND channel = 'email'",
               {outbox_before, *r.ticket_id})) {
    const std::string address = row.text(0);
    if (store::notices_to_address_since(c, address, now - std::chrono::hours(1)) >
        ctx_.config.mail_notices_per_hour) {
      c.query(
          "DELETE FROM outbox WHERE id > ? AND ticket_id = ? AND recipient_address = ? "
          "AND channel = 'email'",
          {outbox_before, *r.ticket_id, address});
      r.detail += " Aviso a " + address + " não enviado (limite de " +
                  std::to_string(ctx_.config.mail_notices_per_hour) + " por hora).";
    }
  }
  return r;
}

}  // namespace guiche::app
