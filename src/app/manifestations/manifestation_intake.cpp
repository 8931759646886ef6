// The public side of manifestações: registering one (signed in or not) and
// following or complementing it by protocol and follow-up code.
#include <sodium.h>

#include "app/manifestations/manifestations.hpp"
#include "app/text_rules.hpp"
#include "domain/error.hpp"
#include "domain/identity.hpp"
#include "domain/manifestations/manifestation_protocol.hpp"
#include "store/attachment_blobs.hpp"
#include "store/service_rows.hpp"
#include "support/hmac_sha256.hpp"

namespace guiche::app {
namespace {

// Runs one field's check, keeping its error with the others'.
template <typename Fn>
void check(std::vector<FieldError>& errors, Fn&& fn) {
  try {
    fn();
  } catch (const DomainError& e) {
    for (const auto& f : e.fields()) errors.push_back(f);
    if (e.fields().empty()) errors.push_back({"", e.what()});
  }
}

std::string new_tracking_code() {
  std::string symbols;
  for (int i = 0; i < 12; ++i) {
    symbols += kTrackingAlphabet[randombytes_uniform(
        static_cast<std::uint32_t>(kTrackingAlphabet.size()))];
  }
  return symbols;
}

const char* const kNotFound =
    "Nenhuma manifestação com este protocolo e este código de acompanhamento.";

}  // namespace

RegisteredManifestation Manifestations::register_manifestation(const std::optional<Actor>& a,
                                                               const ManifestationForm& f) {
  if (a) require_active(*a);
  std::vector<FieldError> errors;
  Manifestation m;
  const auto kind = parse_manifestation_kind(f.kind);
  if (!kind) {
    errors.push_back({"kind", "Escolha o tipo de manifestação."});
  } else {
    m.kind = *kind;
  }
  const auto identification =
      parse_identification(f.identification.empty() ? "identified" : f.identification);
  if (!identification) {
    errors.push_back({"identification", "Escolha como quer se identificar."});
  } else {
    m.identification = *identification;
    if (kind && *identification == Identification::anonymous && !may_be_anonymous(*kind)) {
      errors.push_back({"identification",
                        "Só reclamações e denúncias podem ser anônimas; escolha identificada "
                        "ou sigilosa."});
    }
  }
  check(errors, [&] { m.subject = required_text(f.subject, "subject", "O assunto", 200); });
  check(errors,
        [&] { m.description = required_text(f.description, "description", "O relato", 8000); });
  const bool anonymous = m.identification == Identification::anonymous;
  if (anonymous) {
    // Nothing that names the author is kept, whatever was typed.
    m.answer_channel = AnswerChannel::tracking;
    if (!f.answer_channel.empty() && f.answer_channel != "tracking") {
      errors.push_back({"answer_channel",
                        "Uma manifestação anônima só é respondida na consulta pelo protocolo."});
    }
  } else {
    auto& who = m.manifestant;
    if (a) who.person_id = a->id();
    check(errors, [&] { who.name = required_text(f.name, "name", "O nome", 200); });
    if (!f.email.empty()) {
      if (auto e = normalize_email(f.email)) {
        who.email = *e;
      } else {
        errors.push_back({"email", "Informe um e-mail válido, como nome@dominio.gov.br."});
      }
    }
    if (!f.phone.empty()) {
      if (auto p = normalize_phone(f.phone)) {
        who.phone = *p;
      } else {
        errors.push_back({"phone", "Informe o telefone com DDD, como (27) 99999-0000."});
      }
    }
    if (!f.cpf.empty()) {
      if (auto c = normalize_cpf(f.cpf)) {
        who.cpf = *c;
      } else {
        errors.push_back({"cpf", "CPF inválido: confira os dígitos."});
      }
    }
    // Unsaid, the answer goes by e-mail when there is an address to send it to.
    const auto channel =
        f.answer_channel.empty()
            ? std::optional(who.email.empty() ? AnswerChannel::tracking : AnswerChannel::email)
            : parse_answer_channel(f.answer_channel);
    if (!channel) {
      errors.push_back({"answer_channel", "Escolha por onde quer receber a resposta."});
    } else {
      m.answer_channel = *channel;
      if (*channel == AnswerChannel::email && f.email.empty()) {
        errors.push_back({"email", "Informe o e-mail para receber a resposta por e-mail."});
      }
    }
  }
  if (!errors.empty()) throw invalid("Confira os campos da manifestação.", errors);

  RegisteredManifestation out;
  const std::string code = new_tracking_code();
  out.tracking_code = format_tracking_code(code);
  ctx_.db.write([&](store::Connection& c) {
    if (!f.service_code.empty()) {
      const auto s = store::find_service_by_code(c, f.service_code);
      if (!s || !s->active || !s->is_public) {
        throw invalid_field("service_code", "Serviço não encontrado na Carta de Serviços.");
      }
      m.service_id = s->id;
      m.service_name = s->name;
    }
    const auto settings = store::load_manifestation_settings(c);
    const Instant now = ctx_.now();
    m.unit_id = settings.unit_id;
    m.registered_at = now;
    m.registered_on = ctx_.local_date(now);
    m.answer_days = settings.answer_days;
    recompute_due(m, settings);
    const int year = static_cast<int>(m.registered_on.year());
    m.protocol = format_manifestation_protocol(year, store::next_manifestation_sequence(c, year));
    m.id = store::insert_manifestation(c, m, store::sha256_hex(code));
    store::append_manifestation_event(
        c, m.id, {0, "registered", "", a ? std::optional(a->id()) : std::nullopt, "", true, now});
    notify(c, m, "manifestation_registered",
           {{"code", out.tracking_code}, {"due", format_date_br(m.due_on)}});
  });
  out.manifestation = m;
  return out;
}

std::string Manifestations::throttle(const std::string& protocol, const std::string& address) {
  // Keyed by the protocol as formatted, so retyping it another way does not start afresh.
  std::string key = "manifestacao:" + parse_manifestation_protocol(protocol).value_or(protocol);
  if (auto wait = ctx_.throttle.wait_needed(key, address, ctx_.now())) {
    throw DomainError(DomainError::Kind::rate_limited,
                      "Muitas tentativas de consulta. Tente novamente em " +
                          std::to_string(wait->count()) + " segundos.");
  }
  return key;
}

store::TrackedManifestation Manifestations::tracked(store::Connection& c,
                                                    const std::string& protocol,
                                                    const std::string& code) {
  const auto p = parse_manifestation_protocol(protocol);
  const auto k = normalize_tracking_code(code);
  std::optional<store::TrackedManifestation> found;
  if (p) found = store::find_manifestation(c, *p);
  // The hash is compared even when nothing was found, so the time taken does
  // not tell a known protocol from an unknown one.
  const std::string hash = store::sha256_hex(k.value_or(code));
  const bool same =
      equal_in_constant_time(hash, found ? found->tracking_hash : std::string(hash.size(), '0'));
  if (!found || !k || !same) throw not_found(kNotFound);
  return *found;
}

ManifestationView Manifestations::track(const std::string& protocol, const std::string& code,
                                        const std::string& address) {
  const auto key = throttle(protocol, address);
  std::optional<ManifestationView> view;
  try {
    ctx_.db.read([&](store::Connection& c) {
      auto t = tracked(c, protocol, code);
      const auto s = store::load_manifestation_settings(c);
      view = view_of(c, std::move(t.manifestation), false, true, s);
    });
  } catch (const DomainError& e) {
    if (e.kind() == DomainError::Kind::not_found) {
      ctx_.throttle.record_failure(key, address, ctx_.now());
    }
    throw;
  }
  return *view;
}

ManifestationView Manifestations::complement(const std::string& protocol, const std::string& code,
                                             const std::string& text, const std::string& address) {
  const auto key = throttle(protocol, address);
  const auto complement = required_text(text, "text", "O complemento", 8000);
  std::optional<ManifestationView> view;
  try {
    ctx_.db.write([&](store::Connection& c) {
      auto m = tracked(c, protocol, code).manifestation;
      const auto s = store::load_manifestation_settings(c);
      const Date today = ctx_.local_date(ctx_.now());
      ManifestationState state{m.status, m.complement_requested, m.extension_days.has_value(),
                               false};
      if (auto refusal = manifestation_refusal(state, ManifestationAction::complement)) {
        throw conflict(*refusal);
      }
      m.paused_days += std::max(0, days_between(m.paused_on.value_or(today), today));
      m.paused_on.reset();
      m.status = ManifestationStatus::open;
      recompute_due(m, s);
      store::update_manifestation(c, m);
      store::append_manifestation_event(
          c, m.id, {0, "complemented", complement, m.manifestant.person_id, "", true, ctx_.now()});
      view = view_of(c, std::move(m), false, true, s);
    });
  } catch (const DomainError& e) {
    if (e.kind() == DomainError::Kind::not_found) {
      ctx_.throttle.record_failure(key, address, ctx_.now());
    }
    throw;
  }
  return *view;
}

}  // namespace guiche::app
