#pragma once
// LGPD tests' people (tests/app/personal_data_test.cpp and
// tests/api/personal_data_api_test.cpp): a titular with distinctive personal
// data who reached the desk by every way in — the portal (a ticket with a
// file, a reply, an evaluation), e-mail (with a file), WhatsApp, a
// manifestação and the status page's subscription — and another person who
// did the same with data of their own.
#include <string>
#include <vector>

#include "app/attachments/attachments.hpp"
#include "app/directory/directory.hpp"
#include "app/incidents/status_subscriptions.hpp"
#include "app/intake/intake.hpp"
#include "app/mail_intake/mail_intake.hpp"
#include "app/manifestations/manifestations.hpp"
#include "app/tickets/equipment_custody.hpp"
#include "app/tickets/ticket_work.hpp"
#include "app/whatsapp/whatsapp_inbox.hpp"
#include "domain/identity.hpp"
#include "support/desk_world.hpp"
#include "support/raw_mail.hpp"
#include "support/whatsapp_payloads.hpp"

namespace guiche::testing {

struct Titular {
  std::string name, first_name, surname, login, email, phone, wa_id, national_phone, cpf;
  std::string profile_name;  // on WhatsApp
  std::string file_text;     // what their portal file says
  std::string mail_file_text;
  Person person;
  std::int64_t ticket_id = 0;  // by the portal

  // Every datum a reading of the desk must not find once they are anonymized.
  std::vector<std::string> data() const {
    return {name,         first_name, surname,        login, email,
            phone,        wa_id,      national_phone, cpf,   format_cpf(cpf),
            profile_name, file_text,  mail_file_text};
  }
};

inline Titular zuleica() {
  Titular t;
  t.name = "Zuleica Quintanilha Brandão";
  t.first_name = "Zuleica";
  t.surname = "Quintanilha";
  t.login = "zuleica.qb";
  t.email = "zuleica.quintanilha@exemplo.org";
  t.phone = "+5527998761234";
  t.wa_id = "5527998761234";
  t.national_phone = "(27) 99876-1234";
  t.cpf = "73158204690";
  t.profile_name = "Zuzu Quintanilha";
  t.file_text = "RG-DA-ZULEICA-conteudo-exclusivo-7731";
  t.mail_file_text = "LAUDO-ZQB-anexo-do-email-5519";
  return t;
}

inline Titular wenceslau() {
  Titular t;
  t.name = "Wenceslau Pietrobon Arruda";
  t.first_name = "Wenceslau";
  t.surname = "Pietrobon";
  t.login = "wenceslau.pa";
  t.email = "wenceslau.pietrobon@exemplo.org";
  t.phone = "+5527991112233";
  t.wa_id = "5527991112233";
  t.national_phone = "(27) 99111-2233";
  t.cpf = "86420951720";
  t.profile_name = "Wen Pietrobon";
  t.file_text = "CNH-DO-WENCESLAU-conteudo-exclusivo-4410";
  t.mail_file_text = "PLANILHA-WPA-anexo-do-email-8802";
  return t;
}

// Registers `t` and their records through the use cases; `seconds` spaces
// the WhatsApp messages of different people.
inline void seed_titular(app::Desk& desk, const World& w, Titular& t, std::int64_t seconds) {
  const auto actor = [&](const Person& p, Channel channel = Channel::portal) {
    return desk.accounts().actor(p.id, channel);
  };
  Person p;
  p.name = t.name;
  p.login = t.login;
  p.emails = {t.email};
  p.phone = t.phone;
  p.cpf = t.cpf;
  p.roles = {{Role::requester, std::nullopt}};
  t.person = desk.directory().create_person(actor(w.admin), {p, std::nullopt});

  // The portal: a ticket that names them, their file, a reply, resolution, evaluation.
  app::RegisterRequest r;
  r.requester_id = t.person.id;
  r.service_code = "SUP-TEC";
  r.subject = "Computador de " + t.name + " não liga";
  r.description = "Sou " + t.name + ", CPF " + format_cpf(t.cpf) + ", telefone " +
                  t.national_phone + ", e-mail " + t.email + ".";
  const Ticket ticket = desk.intake().register_request(actor(t.person), r);
  t.ticket_id = ticket.id;
  desk.attachments().attach(actor(t.person), ticket.id, "documento-" + t.first_name + ".txt",
                            t.file_text + "\n");
  desk.work().reply(actor(w.attendant), ticket.id,
                    "Olá, " + t.first_name + ". Vamos trocar a fonte do computador.", false);
  desk.work().reply(actor(t.person), ticket.id, "Obrigado! Meu ramal é " + t.national_phone + ".",
                    false);
  desk.work().route(actor(w.attendant), ticket.id, w.sgsis.id, std::nullopt);
  // They hand over the computer (equipment custody names who delivered it).
  app::EquipmentEntry entry;
  entry.asset_number = "PAT-" + t.wa_id.substr(t.wa_id.size() - 4);
  entry.kind = "Computador";
  entry.condition = "Não liga";
  entry.delivered_by_id = t.person.id;
  desk.custody().record_entry(actor(w.analyst_sis), ticket.id, entry);
  desk.work().resolve(actor(w.analyst_sis), ticket.id, "Fonte trocada para " + t.first_name + ".",
                      30);
  desk.work().evaluate(actor(t.person), ticket.id, 5, "Muito bom, assina " + t.name + ".");

  // E-mail, with a file.
  RawMail mail;
  mail.from = t.name + " <" + t.email + ">";
  mail.subject = "Impressora de " + t.first_name + " " + t.surname;
  mail.body = "Bom dia,\n\nA impressora não imprime.\n\n" + t.name + "\n" + t.national_phone;
  mail.attachment_name = "laudo-" + t.first_name + ".txt";
  mail.attachment_text = t.mail_file_text;
  desk.mail().receive_mail(actor(w.attendant), mail.str(), "mailgate");

  // WhatsApp: a message from their number, under their profile name.
  desk.whatsapp_inbox().receive(webhook_body({change_value(
      {text_message("wamid." + t.wa_id, t.wa_id, "Oi, aqui é " + t.name, 1772452800 + seconds)}, {},
      {{t.wa_id, t.profile_name}})}));
  desk.whatsapp_inbox().process_due();

  // A manifestação, signed in, and the status page's subscription.
  app::ManifestationForm f;
  f.kind = "complaint";
  f.identification = "identified";
  f.subject = "Demora no atendimento de " + t.first_name;
  f.description = "Eu, " + t.name + ", esperei três dias.";
  f.name = t.name;
  f.email = t.email;
  f.phone = t.phone;
  f.cpf = format_cpf(t.cpf);
  desk.manifestations().register_manifestation(actor(t.person), f);
  desk.status_subscriptions().request({t.email, true, {}, "203.0.113.9"});
}

}  // namespace guiche::testing
