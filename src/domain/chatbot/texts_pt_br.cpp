#include "domain/chatbot/texts_pt_br.hpp"

namespace guiche::chatbot::texts {
namespace {

std::string s(std::string_view v) {
  return std::string(v);
}

}  // namespace

std::string consent_notice(std::string_view privacy_url) {
  std::string notice =
      "Olá! Aqui é a central de serviços de tecnologia, pelo WhatsApp.\n"
      "Para atender você, usamos seu nome, seu telefone e o que você nos enviar só para "
      "registrar e acompanhar seus pedidos (LGPD, Lei 13.709/2018).";
  if (privacy_url.empty()) return notice + " Você concorda?";
  return notice + " Aviso de privacidade: " + s(privacy_url) + "\nVocê concorda?";
}
std::string consent_refused() {
  return "Tudo bem. Sem a sua concordância, não registramos nada. Se mudar de ideia, é só "
         "escrever de novo.";
}

std::string greeting(std::string_view first_name) {
  return "Olá, " + s(first_name) + "!";
}
std::string who_prompt() {
  return "Não encontrei este número no nosso cadastro. Se você é servidor ou solicitante "
         "cadastrado, identifique-se com o e-mail ou o CPF do cadastro. Se não, continue como "
         "cidadão.";
}
std::string identity_prompt() {
  return "Digite o e-mail ou o CPF do seu cadastro.";
}
std::string identity_invalid() {
  return "Não reconheci um e-mail ou CPF válido. Digite, por exemplo, nome@orgao.gov.br ou os 11 "
         "dígitos do CPF.";
}
std::string identity_not_found() {
  return "Não encontrei cadastro com esses dados. Confira e digite de novo, ou continue como "
         "cidadão.";
}
std::string code_sent(std::string_view masked_email) {
  return "Enviei um código para " + s(masked_email) +
         ". Digite o código aqui para confirmar que é você.";
}
std::string code_invalid() {
  return "Digite só o código que chegou no seu e-mail.";
}
std::string code_wrong() {
  return "Código incorreto. Confira o e-mail e digite de novo.";
}
std::string code_expired() {
  return "Esse código expirou. Vou enviar outro.";
}
std::string identified(std::string_view first_name) {
  return "Pronto, " + s(first_name) + "! Confirmei sua identidade.";
}
std::string citizen_name_prompt() {
  return "Qual é o seu nome completo?";
}
std::string citizen_name_invalid() {
  return "Escreva seu nome completo, por favor.";
}

std::string tickets_prompt() {
  return "Você tem pedidos em andamento. Sua mensagem é sobre um deles?";
}
std::string ticket_message_prompt(std::string_view protocol) {
  return "Escreva o que deseja acrescentar ao pedido " + s(protocol) +
         ". Pode mandar foto ou documento também.";
}
std::string ticket_message_added(std::string_view protocol) {
  return "Pronto! Juntei sua mensagem ao pedido " + s(protocol) + ". A equipe responde por aqui.";
}
std::string files_not_accepted(const std::vector<std::string>& files) {
  std::string text =
      "Atenção: estes arquivos não foram aceitos como anexo (ficam guardados "
      "para a equipe, que pode liberá-los):";
  for (const auto& f : files) text += "\n- " + f;
  return text;
}

std::string ticket_message_refused(std::string_view reason) {
  return "Não consegui juntar sua mensagem ao pedido: " + s(reason) +
         " Escreva de novo quando quiser.";
}

std::string catalog_prompt() {
  return "Qual serviço você procura? Digite o código do serviço (por exemplo, SUP-TEC), escolha "
         "na lista ou descreva sua necessidade em uma frase.\n"
         "A qualquer momento, digite *atendente* para falar com uma pessoa ou *menu* para "
         "recomeçar.";
}
std::string catalog_empty() {
  return "No momento não há serviços disponíveis pelo WhatsApp. Digite *atendente* para falar "
         "com a central.";
}
std::string code_not_found(std::string_view typed) {
  return "Não encontrei o serviço " + s(typed) +
         ". Confira o código, escolha na lista ou descreva sua necessidade.";
}
std::string service_not_understood() {
  return "Não entendi. Digite o código do serviço, escolha na lista ou descreva sua necessidade "
         "em uma frase.";
}
std::string describe_prompt() {
  return "Conte em uma frase o que você precisa ou qual problema encontrou.";
}
std::string service_chosen(std::string_view code, std::string_view name) {
  return "Certo: " + s(code) + " — " + s(name) + ".";
}
std::string need_noted() {
  return "Certo, vou encaminhar sua necessidade para a triagem da central.";
}
std::string service_gone() {
  return "Esse serviço não está mais disponível pelo WhatsApp. Escolha outro, por favor.";
}
std::string reserved_service(std::string_view code, std::string_view name, Audience audience) {
  std::string who = audience == Audience::public_servants
                        ? "servidores públicos"
                        : "solicitantes autorizados dos órgãos atendidos";
  return "O serviço " + s(code) + " — " + s(name) + " é só para " + who +
         ". Para pedi-lo, identifique-se com o e-mail ou o CPF do seu cadastro.";
}
std::string audience_note(Audience audience) {
  std::string who = audience == Audience::public_servants
                        ? "servidores públicos"
                        : "solicitantes autorizados dos órgãos atendidos";
  return "Atenção: este serviço é para " + who +
         " e seu cadastro não consta entre eles; o pedido será analisado pelo relacionamento com "
         "clientes antes do atendimento.";
}

std::string question_heading(int number, int total, std::string_view label) {
  return "Pergunta " + std::to_string(number) + " de " + std::to_string(total) + "\n*" + s(label) +
         "*";
}
std::string answer_text() {
  return "Escreva sua resposta.";
}
std::string answer_choice_buttons() {
  return "Escolha uma opção.";
}
std::string answer_choice_list() {
  return "Toque em Ver opções e escolha uma.";
}
std::string answer_choice_numbers() {
  return "Responda com o número da opção:";
}
std::string answer_date(std::string_view example) {
  return "Informe a data no formato dd/mm/aaaa (por exemplo, " + s(example) + ").";
}
std::string answer_number() {
  return "Informe só o número.";
}
std::string optional_skip_button() {
  return "Se preferir não responder, toque em Pular.";
}
std::string optional_skip_typed() {
  return "Se preferir não responder, digite pular.";
}
std::string invalid_text() {
  return "Essa resposta é longa demais ou tem caracteres que não consigo guardar. Escreva de "
         "novo, por favor.";
}
std::string invalid_choice() {
  return "Escolha uma das opções, por favor.";
}
std::string invalid_date(std::string_view example) {
  return "Não entendi essa data. Use dd/mm/aaaa, por exemplo " + s(example) + ".";
}
std::string invalid_number() {
  return "Não entendi esse número. Use só algarismos, por exemplo 3 ou 2,5.";
}
std::string invalid_yes_no() {
  return "Responda Sim ou Não, por favor.";
}
std::string required_question() {
  return "Esta pergunta é obrigatória.";
}

std::string attachments_prompt() {
  return "Se quiser, envie uma foto ou documento. Quando terminar, ou se não tiver, toque em "
         "Concluir.";
}
std::string attachment_received(std::string_view what) {
  return "Recebi " + s(what) + ". Envie outro arquivo ou toque em Concluir.";
}
std::string attachment_noted(std::string_view what) {
  return "Recebi " + s(what) + "; vou juntar ao pedido.";
}
std::string attachments_full() {
  return "Já recebi o máximo de 10 arquivos. Toque em Concluir.";
}
std::string attachment_not_now() {
  return "Ainda não posso receber arquivos nesta etapa.";
}
std::string a_photo() {
  return "a foto";
}
std::string a_document() {
  return "o documento";
}
std::string description_prompt() {
  return "Por último, descreva em poucas palavras o que aconteceu ou o que você precisa.";
}
std::string description_too_short() {
  return "Conte um pouco mais, por favor, em algumas palavras.";
}
std::string summary_heading() {
  return "Confira seu pedido:";
}
std::string summary_service(std::string_view code, std::string_view name) {
  return "*Serviço:* " + s(code) + " — " + s(name);
}
std::string summary_attachments(std::string_view names) {
  return "*Anexos:* " + s(names);
}
std::string summary_description(std::string_view description) {
  return "*Descrição:* " + s(description);
}
std::string summary_question() {
  return "Está tudo certo?";
}
std::string summary_use_buttons() {
  return "Toque em Confirmar, Corrigir ou Cancelar.";
}
std::string correction_prompt() {
  return "O que você quer corrigir?";
}
std::string yes_no_value(bool value) {
  return value ? s(yes) : s(no);
}

std::string registered(std::string_view protocol, std::string_view deadline) {
  return "Pedido registrado! Protocolo: *" + s(protocol) + "*.\nPrazo estimado: " + s(deadline) +
         ".\nGuarde este número. Vamos avisar por aqui sobre o andamento.";
}
std::string registration_refused(std::string_view reason) {
  return "Não foi possível registrar o pedido: " + s(reason);
}
std::string cancelled() {
  return "Pedido cancelado. Nada foi registrado.";
}
std::string busy() {
  return "Um momento, ainda estou cuidando da sua mensagem anterior.";
}

std::string handed_over() {
  return "Certo! Chamei um atendente da central, que vai responder por aqui. Para voltar ao "
         "atendimento automático, digite *menu*.";
}

std::string handed_over_protocol(std::string_view protocol) {
  return "Seu atendimento tem o protocolo *" + s(protocol) + "*.";
}

std::string expired_request() {
  return "Como a conversa ficou parada, encerrei este atendimento. Nada foi registrado. Quando "
         "quiser, é só escrever de novo.";
}
std::string expired() {
  return "Como a conversa ficou parada, encerrei este atendimento. Quando quiser, é só escrever "
         "de novo.";
}
std::string unsupported() {
  return "Ainda não consigo ler esse tipo de mensagem. Escreva em texto ou envie uma foto ou "
         "documento, por favor.";
}
std::string stale_option() {
  return "Essa opção não vale mais nesta etapa.";
}
std::string code_withheld() {
  return "(código de verificação, omitido)";
}
std::string use_the_options() {
  return "Toque em uma das opções, por favor.";
}
std::string evaluation_thanks() {
  return "Obrigado pela avaliação! Ela nos ajuda a melhorar o atendimento.";
}
std::string evaluation_refused(std::string_view reason) {
  return "Não consegui registrar a avaliação: " + s(reason);
}

}  // namespace guiche::chatbot::texts
