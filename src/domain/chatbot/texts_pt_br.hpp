#pragma once
// Everything the chatbot says, in pt-BR, in one place so it can be read and reviewed together
// (texts_pt_br.cpp). Button and row titles must stay within WhatsApp's limits (20 characters
// for a button, 24 for a row title, 72 for its description): tests/domain/chatbot_test.cpp
// checks every message of every conversation case.
#include <string>
#include <string_view>
#include <vector>

#include "domain/service.hpp"

namespace guiche::chatbot::texts {

// Privacy notice and consent (LGPD).
// With the privacy notice's address when there is one (LGPD art. 9º: access to the
// information on the processing).
std::string consent_notice(std::string_view privacy_url);
inline constexpr std::string_view accept = "Aceito";
inline constexpr std::string_view refuse = "Não aceito";
std::string consent_refused();

// Who is writing.
std::string greeting(std::string_view first_name);  // "Olá, Maria!"
std::string who_prompt();
inline constexpr std::string_view has_registration = "Tenho cadastro";
inline constexpr std::string_view citizen = "Sou cidadão";
std::string identity_prompt();
std::string identity_invalid();
std::string identity_not_found();
std::string code_sent(std::string_view masked_email);
std::string code_invalid();
std::string code_wrong();
std::string code_expired();
std::string identified(std::string_view first_name);
std::string citizen_name_prompt();
std::string citizen_name_invalid();

// Open tickets.
std::string tickets_prompt();
inline constexpr std::string_view tickets_button = "Ver pedidos";
inline constexpr std::string_view tickets_section = "Seus pedidos";
inline constexpr std::string_view new_request = "É um novo pedido";
inline constexpr std::string_view new_request_detail = "Registrar outra solicitação";
std::string ticket_message_prompt(std::string_view protocol);
std::string ticket_message_added(std::string_view protocol);
std::string ticket_message_refused(std::string_view reason);
// The files of this turn the desk did not accept, each "name (reason)": kept
// for the team, not attached.
std::string files_not_accepted(const std::vector<std::string>& files);

// The catalog.
std::string catalog_prompt();
inline constexpr std::string_view catalog_button = "Ver serviços";
inline constexpr std::string_view catalog_section = "Serviços";
inline constexpr std::string_view more_services = "Mais serviços";
inline constexpr std::string_view more_services_detail = "Ver a próxima página";
inline constexpr std::string_view previous_services = "Voltar";
inline constexpr std::string_view previous_services_detail = "Ver a página anterior";
inline constexpr std::string_view describe_need = "Descrever o que preciso";
inline constexpr std::string_view describe_need_detail = "Não sei o código: conto o que preciso";
std::string catalog_empty();
std::string code_not_found(std::string_view typed);
std::string service_not_understood();
std::string describe_prompt();
std::string service_chosen(std::string_view code, std::string_view name);
std::string need_noted();
std::string service_gone();
std::string reserved_service(std::string_view code, std::string_view name, Audience audience);
inline constexpr std::string_view identify_me = "Identificar-me";
inline constexpr std::string_view other_service = "Outro serviço";
std::string audience_note(Audience audience);

// The form.
std::string question_heading(int number, int total, std::string_view label);
std::string answer_text();
std::string answer_choice_buttons();
std::string answer_choice_list();
std::string answer_choice_numbers();
std::string answer_date(std::string_view example);
std::string answer_number();
std::string optional_skip_button();
std::string optional_skip_typed();
inline constexpr std::string_view choices_button = "Ver opções";
inline constexpr std::string_view choices_section = "Opções";
inline constexpr std::string_view yes = "Sim";
inline constexpr std::string_view no = "Não";
inline constexpr std::string_view skip = "Pular";
std::string invalid_text();
std::string invalid_choice();
std::string invalid_date(std::string_view example);
std::string invalid_number();
std::string invalid_yes_no();
std::string required_question();

// Attachments, description, summary.
std::string attachments_prompt();
std::string attachment_received(std::string_view what);
std::string attachment_noted(std::string_view what);
std::string attachments_full();
std::string attachment_not_now();
std::string a_photo();
std::string a_document();
inline constexpr std::string_view done = "Concluir";
std::string description_prompt();
std::string description_too_short();
std::string summary_heading();
std::string summary_service(std::string_view code, std::string_view name);
std::string summary_attachments(std::string_view names);
std::string summary_description(std::string_view description);
std::string summary_question();
inline constexpr std::string_view confirm = "Confirmar";
inline constexpr std::string_view correct = "Corrigir";
inline constexpr std::string_view cancel = "Cancelar";
std::string summary_use_buttons();
std::string correction_prompt();
inline constexpr std::string_view correction_button = "Ver itens";
inline constexpr std::string_view correction_section = "Itens do pedido";
inline constexpr std::string_view item_service = "Serviço";
inline constexpr std::string_view item_description = "Descrição";
inline constexpr std::string_view item_all_questions = "Todas as perguntas";
std::string yes_no_value(bool value);

// Registration and the end of a request.
std::string registered(std::string_view protocol, std::string_view deadline);
std::string registration_refused(std::string_view reason);
std::string cancelled();
std::string busy();

// At any step.
std::string handed_over();
// Once the app registered the hand-over (the protocol staff will answer under).
std::string handed_over_protocol(std::string_view protocol);
std::string expired_request();
std::string expired();
std::string unsupported();
std::string stale_option();
std::string use_the_options();
std::string evaluation_thanks();
std::string evaluation_refused(std::string_view reason);
// In the transcript an attendant receives, instead of the verification code typed.
std::string code_withheld();

// Words a person may type at any step (compared folded: no case, no accents).
inline constexpr std::string_view word_attendant = "atendente";
inline constexpr std::string_view word_cancel = "cancelar";
inline constexpr std::string_view word_menu = "menu";
inline constexpr std::string_view word_skip = "pular";
inline constexpr std::string_view word_today = "hoje";

}  // namespace guiche::chatbot::texts
