// Charter items of the support and operation units (GESUP, GEOPE), after
// seeds 003 (SEJUSP-MS charter) and 004 (Solicitar Suporte de Tecnologia).
#include "demo/demo_internal.hpp"

namespace guiche::demo {
namespace {

DemoService database() {
  Service s = charter_item("BD-OPERA", "Operações em banco de dados",
                           Audience::authorized_requesters, Category::service_request);
  s.description =
      "Restauração de cópias de segurança, criação de bases, concessão de acesso, execução de "
      "scripts homologados e análise de desempenho nos bancos de dados hospedados no PRODEST.";
  s.required_documents =
      "Para execução de scripts em produção: o script homologado e a autorização do gestor do "
      "sistema no órgão.";
  s.stages = {"Registro e triagem da solicitação",
              "Avaliação de impacto pela Subgerência de Administração de Banco de Dados",
              "Execução na janela de manutenção acordada",
              "Conferência com o solicitante e encerramento"};
  s.form = {
      form_field("sgbd", "Banco de dados", FieldType::choice, true,
                 {"PostgreSQL", "Oracle", "SQL Server", "MySQL"}),
      form_field("instancia", "Instância ou base", FieldType::text, true),
      form_field("operacao", "Operação", FieldType::choice, true,
                 {"Restauração de backup", "Criação de base", "Concessão de acesso",
                  "Execução de script", "Análise de desempenho"}),
      form_field("ambiente", "Ambiente", FieldType::choice, true,
                 {"Produção", "Homologação", "Desenvolvimento"}),
      form_field("data_referencia", "Data de referência (restaurações)", FieldType::date, false)};
  return {s, "SGDBA"};
}

DemoService mail() {
  Service s = charter_item("INF-EMAIL", "Correio eletrônico institucional",
                           Audience::public_servants, Category::service_request);
  s.popular_names = {"E-mail", "Webmail", "Caixa postal", "Lista de e-mails"};
  s.description =
      "Caixas postais institucionais, caixas compartilhadas, listas de distribuição, aumento de "
      "cota e recuperação de mensagens do correio eletrônico do Governo do Estado.";
  s.required_documents = "Nome e matrícula do responsável pela caixa ou lista.";
  s.max_deadline = "Até 3 dias úteis; recuperação de mensagens: até 10 dias úteis.";
  s.form = {form_field("tipo", "Tipo de solicitação", FieldType::choice, true,
                       {"Nova caixa postal", "Caixa compartilhada", "Aumento de cota",
                        "Lista de distribuição", "Recuperação de mensagens"}),
            form_field("caixa", "Endereço da caixa ou lista", FieldType::text, true),
            form_field("cota_gb", "Cota desejada (GB)", FieldType::number, false),
            form_field("responsavel", "Responsável pela caixa", FieldType::text, true)};
  return {s, "SGINT"};
}

DemoService remote_access() {
  Service s = charter_item("SEG-VPN", "Acesso remoto (VPN) e regras de firewall",
                           Audience::authorized_requesters, Category::service_request);
  s.popular_names = {"Trabalho remoto", "Acesso de casa", "Liberação de porta"};
  s.description =
      "Concessão de acesso remoto seguro (VPN) à rede do Governo e liberação de regras de "
      "firewall e de sítios bloqueados, após análise de segurança da informação.";
  s.required_documents =
      "Termo de responsabilidade de uso da VPN assinado pelo usuário e pela chefia imediata.";
  s.stages = {"Registro e triagem da solicitação",
              "Análise de risco pela Subgerência de Segurança da Informação",
              "Configuração do acesso ou da regra", "Teste com o solicitante e encerramento"};
  s.form = {form_field("tipo", "Tipo", FieldType::choice, true,
                       {"Acesso VPN", "Regra de firewall", "Liberação de sítio bloqueado"}),
            form_field("origem", "Origem (usuário, IP ou rede)", FieldType::text, true),
            form_field("destino", "Destino (servidor, IP ou endereço)", FieldType::text, true),
            form_field("porta", "Porta", FieldType::number, false),
            form_field("temporario", "A liberação é temporária?", FieldType::yes_no, true),
            form_field("ate", "Válida até", FieldType::date, false)};
  return {s, "SGSEG"};
}

DemoService outage() {
  Service s = charter_item("MON-INDISP", "Comunicação de indisponibilidade de serviço",
                           Audience::public_servants, Category::incident);
  s.description =
      "Registro de indisponibilidade ou lentidão de sistemas e serviços hospedados no PRODEST. "
      "Incidentes confirmados são comunicados a todos os órgãos afetados (norma NPI-007).";
  s.stages = {"Registro e confirmação de recebimento",
              "Verificação pela equipe de monitoramento (SGMON)",
              "Comunicado de indisponibilidade aos órgãos afetados, se confirmada",
              "Restabelecimento do serviço, comunicado de normalização e encerramento"};
  s.max_deadline = "Crítica: 6 horas úteis; Alta: 16 horas úteis (tabela de ANS).";
  s.access_channels =
      "Telefone (27) 3636-7200 (preferencial em indisponibilidades), Portal do Guichê ou e-mail "
      "atendimento@prodest.es.gov.br, informando o código MON-INDISP.";
  s.commitment =
      "Confirmar o recebimento, comunicar a indisponibilidade e o restabelecimento a todos os "
      "órgãos afetados e registrar a causa de cada incidente.";
  s.form = {form_field("servico", "Serviço ou sistema afetado", FieldType::text, true),
            form_field("todos", "Afeta todos os usuários?", FieldType::yes_no, true),
            form_field("desde", "Desde quando (data e hora aproximadas)", FieldType::text, true),
            form_field("mensagem", "Mensagem de erro exibida", FieldType::long_text, false)};
  return {s, "SGMON"};
}

DemoService technology_support() {
  Service s = charter_item("SUP-TEC", "Solicitar Suporte de Tecnologia", Audience::anyone,
                           Category::technical_consultation);
  s.description =
      "Atendimento por suporte técnico especializado, por telefone, chatbot ou e-mail, a quem "
      "busca esclarecer dúvidas ou resolver falhas técnicas nos serviços tecnológicos e "
      "sistêmicos ofertados pelo Governo do Estado.";
  s.required_documents =
      "Ser utilizador de sistema ou serviço disponibilizado pelo Governo Estadual. Conforme a "
      "necessidade, serão solicitados os dados necessários para a abertura do chamado.";
  s.stages = {"Entre em contato por um dos canais de atendimento (WhatsApp, e-mail ou telefone)",
              "Informe o código do sistema ou serviço, se souber, ou detalhe a necessidade",
              "Siga as orientações do atendente pelo canal em que entrou em contato",
              "Se possível, avalie o atendimento prestado e ajude a melhorar este serviço"};
  s.max_deadline = "20 dias úteis.";
  s.access_channels =
      "WhatsApp (chatbot) (27) 3636-7200, e-mail atendimento@prodest.es.gov.br, telefone "
      "(27) 3636-7200 ou Portal do Guichê.";
  s.form = {
      form_field("codigo", "Código do sistema ou serviço (se souber)", FieldType::text, false),
      form_field("tipo", "Tipo de atendimento", FieldType::choice, true,
                 {"Dúvida", "Falha técnica"}),
      form_field("retorno", "Como prefere receber o retorno?", FieldType::choice, true,
                 {"E-mail", "Telefone", "WhatsApp"})};
  return {s, "SGHDK"};
}

DemoService workstations() {
  Service s = charter_item("SUP-EQUIP", "Suporte a estações de trabalho e periféricos",
                           Audience::public_servants, Category::service_request);
  s.popular_names = {"Computador", "Impressora", "Formatação", "Troca de teclado ou mouse"};
  s.description =
      "Orientação ao usuário e configuração de computadores, notebooks, impressoras e demais "
      "periféricos, com atendimento remoto ou presencial e acionamento de garantias.";
  s.required_documents =
      "Número de patrimônio do equipamento; para retirada, o Formulário de Entrada, Manutenção e "
      "Retirada de Equipamento.";
  s.stages = {"Identificação da demanda",
              "Atendimento remoto ou presencial, ou abertura de chamado junto ao fornecedor",
              "Finalização e retorno ao solicitante por telefone ou e-mail"};
  s.max_deadline =
      "Serviços de software: 24 a 48 horas. Reparos dependem da disponibilidade de peças ou da "
      "garantia do fornecedor.";
  s.form = {form_field("patrimonio", "Número de patrimônio", FieldType::text, true),
            form_field("equipamento", "Equipamento", FieldType::choice, true,
                       {"Computador", "Notebook", "Impressora", "Monitor", "Scanner", "Outro"}),
            form_field("local", "Local (órgão, andar, sala)", FieldType::text, true),
            form_field("remoto", "Aceita atendimento remoto?", FieldType::yes_no, false)};
  return {s, "SGSIN"};
}

}  // namespace

std::vector<DemoService> support_services() {
  return {database(), mail(), remote_access(), outage(), technology_support(), workstations()};
}

}  // namespace guiche::demo
