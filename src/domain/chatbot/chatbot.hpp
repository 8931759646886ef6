#pragma once
// The WhatsApp chatbot's conversation engine: a pure state machine (issue 20, item 3). It reads
// no clock, database or network; the app gives it everything and does what it asks.
//
// THE FLOW (pt-BR texts in texts_pt_br.cpp; cases in tests/domain/data/chatbot/*.conversa)
//   1. Privacy notice (LGPD): Aceito → RecordConsent; Não aceito → a polite end, nothing kept;
//      the next message asks again.
//   2. Who is writing: a phone the app matched (Facts::person) is greeted by name. An unknown
//      number chooses "Tenho cadastro" (e-mail or CPF → LookUpIdentity; the app sends a code to
//      the registered e-mail; the typed code → CheckCode) or "Sou cidadão" (a name: enough for
//      services whose audience is `anyone`; a reserved one is refused with an offer to
//      identify). A person who may not use a reserved service still registers: the summary
//      says client relations will look at it (the app routes it, as every channel does).
//   3. A person with open tickets (Facts::open_tickets) is asked whether the message is about
//      one of them: choosing one asks for the message → AddToTicket.
//   4. The service: a row of the paged catalog list, its code typed ("sup-tec", "Sup-Téc"), or
//      the need described in a sentence (→ Facts::triage_service_code).
//   5. The form's fields one by one, then photos/documents until "Concluir", then a
//      description, then a summary: Confirmar → RegisterRequest; Corrigir → one item again;
//      Cancelar → nothing registered.
//   At any step: "atendente" → HandOver (afterwards each message → RelayToAttendant until
//   "menu"); "cancelar"/"menu" → back to the start; a tap on `avaliar:<ticket>:<1-5>` (the
//   resolution notice's buttons) → RecordEvaluation; an unsupported message type gets a
//   polite answer and changes nothing; QuietTimeout ends a conversation in progress.
//
// THE PROTOCOL FOR THE APP, per inbound message (or timeout, or effect result):
//   conversation = Conversation::from_json(stored)         // never throws
//   facts = {person of the phone (or conversation.person when set), their open tickets,
//            catalog open to WhatsApp, triage service code, now, desk's local date}
//   out = converse(conversation, input, facts)
//   store conversation.to_json(); send out.messages in order (BotMessage::to_cloud_api_json)
//   perform out.effects in order; each effect with a result (LookUpIdentity, CheckCode,
//   RegisterRequest, AddToTicket, RecordEvaluation) is fed back as the next input, with the
//   same steps. HandOver and RelayToAttendant have none. While an effect is pending, other
//   messages are answered "um momento" and change nothing; results that arrive when nothing
//   waits for them are ignored (a repeated delivery does no harm).
#include "domain/chatbot/bot_io.hpp"
#include "domain/chatbot/conversation.hpp"

namespace guiche::chatbot {

// One turn: updates `conversation` and says what to send and do.
BotOutput converse(Conversation& conversation, const BotInput& input, const Facts& facts);

}  // namespace guiche::chatbot
