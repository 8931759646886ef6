// The Carta de Serviços of the demo desk: common texts and creation.
#include "app/directory/directory.hpp"
#include "demo/demo_internal.hpp"

namespace guiche::demo {

Service charter_item(const char* code, const char* name, Audience audience, Category category) {
  Service s;
  s.code = code;
  s.name = name;
  s.audience = audience;
  s.default_category = category;
  switch (audience) {
    case Audience::authorized_requesters:
      s.who_may_use =
          "Pessoas autorizadas pelos órgãos clientes do PRODEST e cadastradas na central de "
          "serviços, por contrato, ofício ou SA (Norma de Procedimento PRODEST DITEC nº 001).";
      s.cost =
          "Sem custo adicional para o órgão cliente: o serviço está coberto pelo contrato ou "
          "ofício vigente com o PRODEST.";
      break;
    case Audience::public_servants:
      s.who_may_use = "Servidores dos órgãos e entidades públicos cadastrados no Guichê.";
      s.cost = "Sem custo para o órgão solicitante.";
      break;
    case Audience::anyone:
      s.who_may_use =
          "Cidadão em geral e servidores do Poder Executivo Estadual que utilizam sistemas ou "
          "serviços disponibilizados pelo Governo do Estado.";
      s.cost = "Sem custo.";
      break;
  }
  s.required_documents =
      "Nenhum documento além do formulário da solicitação; o solicitante é identificado pelo "
      "seu cadastro.";
  s.stages = {"Registro da solicitação e envio do número de protocolo e do prazo estimado",
              "Triagem pela central de serviços (SGHDK) e encaminhamento à unidade responsável",
              "Execução pela equipe técnica, com contato com o solicitante em caso de dúvida",
              "Encerramento com a solução e o tempo gasto, seguido da pesquisa de satisfação"};
  // What the number cannot say: the number itself comes from the SLA
  // configuration (sla/charter_deadline.hpp), never typed here.
  s.max_deadline =
      "Contado a partir do registro da solicitação; o tempo em que o chamado aguarda informações "
      "do solicitante não entra na contagem.";
  s.access_channels = std::string(
                          "Portal do Guichê, e-mail atendimento@prodest.es.gov.br ou telefone "
                          "(27) 3636-7200, de segunda a sexta-feira, das 8h às 18h, informando o "
                          "código do serviço (") +
                      code + ").";
  s.communication_channels =
      "Mensagens para o e-mail cadastrado e pelo canal usado na abertura; andamento e histórico "
      "no portal (Minha Área), pelo número de protocolo.";
  s.complaint_channels =
      "Avaliação do atendimento ao final de cada chamado, pedido de reabertura em até 7 dias e "
      "Ouvidoria-Geral do Estado (ouvidoria.es.gov.br ou telefone 162).";
  s.commitment =
      "Atender com cordialidade, clareza e celeridade; informar o protocolo e o prazo estimado no "
      "registro; manter o solicitante informado a cada mudança de situação e encerrar somente "
      "com a solução registrada.";
  return s;
}

FormField form_field(const char* key, const char* label, FieldType type, bool required,
                     std::vector<std::string> choices) {
  return FormField{key, label, type, required, std::move(choices)};
}

void create_services(World& w) {
  const auto admin = w.as("admin");
  for (auto group : {systems_services(), support_services()}) {
    for (auto& item : group) {
      item.service.owning_unit_id = w.units.at(item.unit_code);
      Service created = w.desk.directory().create_service(admin, item.service);
      w.services[created.code] = created;
      w.tick();
    }
  }
}

}  // namespace guiche::demo
