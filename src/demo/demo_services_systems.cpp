// Charter items of the systems and information units (GESIN, GEINF).
#include "demo/demo_internal.hpp"

namespace guiche::demo {
namespace {

const std::vector<std::string> kSystems = {
    "SIARHES", "SIGEFES", "E-Docs", "SIGA", "Portal do Servidor", "SEGES", "Acesso Cidadão"};

DemoService access() {
  Service s = charter_item("SIS-ACESSO", "Acesso a sistemas corporativos",
                           Audience::authorized_requesters, Category::service_request);
  s.popular_names = {"Senha de sistema", "Desbloqueio de usuário", "Liberação de acesso"};
  s.description =
      "Criação, alteração e revogação de perfis de acesso aos sistemas corporativos do Governo "
      "do Estado mantidos pelo PRODEST (SIARHES, SIGEFES, E-Docs, SIGA, SEGES e outros).";
  s.required_documents =
      "Matrícula funcional do usuário e indicação do perfil, com a concordância da chefia "
      "imediata; para perfis de gestão, ofício do dirigente do órgão.";
  s.max_deadline = "Até 2 dias úteis após a confirmação do perfil pelo órgão.";
  s.form = {form_field("sistema", "Sistema", FieldType::choice, true, kSystems),
            form_field("matricula", "Matrícula funcional do usuário", FieldType::text, true),
            form_field("perfil", "Perfil de acesso desejado", FieldType::text, true),
            form_field("inicio", "Acesso a partir de", FieldType::date, false),
            form_field("justificativa", "Justificativa", FieldType::long_text, true)};
  return {s, "SGSIS"};
}

DemoService defect() {
  Service s = charter_item("SIS-DEFEITO", "Correção de defeito em sistema",
                           Audience::authorized_requesters, Category::defect_without_stoppage);
  s.description =
      "Análise e correção de erros nos sistemas mantidos pelo PRODEST: resultados incorretos, "
      "telas que não respondem, relatórios que não são gerados.";
  s.required_documents =
      "Descrição dos passos até o erro e, se possível, cópia da tela com a mensagem exibida.";
  s.stages = {"Registro e triagem da solicitação",
              "Reprodução do defeito pela equipe de sustentação (SGMAS)",
              "Correção, testes em homologação e publicação em produção",
              "Confirmação com o solicitante e encerramento"};
  s.form = {
      form_field("sistema", "Sistema", FieldType::choice, true, kSystems),
      form_field("funcionalidade", "Tela ou funcionalidade", FieldType::text, true),
      form_field("paralisa", "O defeito impede a execução do serviço?", FieldType::yes_no, true),
      form_field("ocorrencia", "Data da primeira ocorrência", FieldType::date, false),
      form_field("passos", "Passos para reproduzir o erro", FieldType::long_text, true)};
  return {s, "SGMAS"};
}

DemoService project() {
  Service s = charter_item("SIS-PROJETO", "Desenvolvimento de sistema ou nova funcionalidade",
                           Audience::authorized_requesters, Category::project);
  s.description =
      "Projetos de desenvolvimento de novos sistemas ou de funcionalidades de porte, com "
      "análise de viabilidade, levantamento de requisitos e cronograma acordado com o órgão.";
  s.required_documents =
      "Ofício do dirigente do órgão com o objetivo do projeto e a indicação do patrocinador; "
      "termo de referência, quando houver.";
  s.stages = {"Registro da demanda e análise de viabilidade",
              "Levantamento de requisitos com o patrocinador do órgão",
              "Proposta de escopo e cronograma, aprovada pelo órgão",
              "Desenvolvimento, homologação e implantação",
              "Encerramento do projeto e pesquisa de satisfação"};
  s.max_deadline =
      "Acordado entre as partes após a análise de viabilidade (projetos não seguem a tabela de "
      "ANS).";
  s.cost = "Estimado na proposta de escopo, conforme o contrato vigente com o órgão.";
  s.form = {form_field("objetivo", "Objetivo do projeto", FieldType::long_text, true),
            form_field("usuarios", "Número estimado de usuários", FieldType::number, false),
            form_field("prazo", "Data desejada para implantação", FieldType::date, false),
            form_field("patrocinador", "Patrocinador no órgão", FieldType::text, true),
            form_field("orcamento", "Há recurso orçamentário previsto?", FieldType::yes_no, true)};
  return {s, "SGPRJ"};
}

DemoService website() {
  Service s = charter_item("WEB-SITE", "Sítios institucionais (.es.gov.br)",
                           Audience::authorized_requesters, Category::service_request);
  s.description =
      "Criação e manutenção de sítios institucionais no portal padrão do Governo do Estado: "
      "novos sítios, certificados HTTPS, redirecionamentos e usuários editores.";
  s.required_documents = "Endereço do sítio e autorização da assessoria de comunicação do órgão.";
  s.form = {form_field("endereco", "Endereço do sítio", FieldType::text, true),
            form_field("tipo", "Tipo de solicitação", FieldType::choice, true,
                       {"Novo sítio", "Alteração de conteúdo", "Certificado digital (HTTPS)",
                        "Redirecionamento de endereço", "Usuário editor"}),
            form_field("detalhes", "Detalhes", FieldType::long_text, true)};
  return {s, "SGSWB"};
}

DemoService business_intelligence() {
  Service s = charter_item("DADOS-BI", "Extração de dados e painéis gerenciais",
                           Audience::authorized_requesters, Category::service_request);
  s.description =
      "Extrações de dados do Data Warehouse estadual e construção de painéis gerenciais para "
      "apoio à decisão dos órgãos.";
  s.required_documents =
      "Identificação da base de origem; para dados pessoais, a finalidade e a base legal "
      "(LGPD, Lei nº 13.709/2018).";
  s.max_deadline = "Extrações: 10 dias úteis. Painéis: prazo acordado após o levantamento.";
  s.form = {
      form_field("base", "Base ou sistema de origem", FieldType::text, true),
      form_field("formato", "Formato de entrega", FieldType::choice, true,
                 {"Painel (Power BI)", "Planilha (CSV)", "Relatório em PDF"}),
      form_field("periodicidade", "Periodicidade", FieldType::choice, true,
                 {"Única", "Mensal", "Semanal", "Diária"}),
      form_field("prazo", "Data de que precisa", FieldType::date, false),
      form_field("dados_pessoais", "Envolve dados pessoais (LGPD)?", FieldType::yes_no, true)};
  return {s, "SGDWH"};
}

DemoService geoprocessing() {
  Service s = charter_item("GEO-MAPA", "Bases cartográficas e geoprocessamento (GEOBASES)",
                           Audience::public_servants, Category::service_request);
  s.description =
      "Fornecimento de camadas e bases cartográficas do sistema GEOBASES e apoio técnico em "
      "geoprocessamento para órgãos estaduais e municipais.";
  s.required_documents = "Descrição da finalidade do uso das bases.";
  s.max_deadline = "Até 10 dias úteis para bases já publicadas.";
  s.form = {form_field("camada", "Camada ou base cartográfica", FieldType::text, true),
            form_field("municipio", "Município", FieldType::text, false),
            form_field("formato", "Formato", FieldType::choice, true,
                       {"Shapefile", "GeoJSON", "KML", "Serviço WMS"}),
            form_field("finalidade", "Finalidade", FieldType::long_text, true)};
  return {s, "SGITG"};
}

DemoService organization_chart() {
  Service s = charter_item("DADOS-ORG", "Atualização de estrutura organizacional",
                           Audience::public_servants, Category::service_request);
  s.description =
      "Cadastro de alterações na estrutura organizacional (organograma) dos órgãos, que "
      "alimenta o E-Docs, o SIARHES e os demais sistemas corporativos.";
  s.required_documents =
      "Ato normativo publicado (decreto ou portaria) que cria ou altera a unidade.";
  s.stages = {"Registro da solicitação com o ato normativo",
              "Conferência do ato pela Subgerência de Administração de Dados",
              "Atualização da estrutura e propagação aos sistemas corporativos",
              "Encerramento com a confirmação ao solicitante"};
  s.max_deadline = "Até 5 dias úteis após a publicação do ato.";
  s.form = {form_field("orgao", "Órgão", FieldType::text, true),
            form_field("alteracao", "Tipo de alteração", FieldType::choice, true,
                       {"Criação de unidade", "Extinção de unidade", "Alteração de nome ou sigla",
                        "Alteração de vinculação"}),
            form_field("ato", "Ato normativo (decreto, portaria)", FieldType::text, true),
            form_field("vigencia", "Início da vigência", FieldType::date, true)};
  return {s, "SGDAT"};
}

}  // namespace

std::vector<DemoService> systems_services() {
  return {access(),
          defect(),
          project(),
          website(),
          business_intelligence(),
          geoprocessing(),
          organization_chart()};
}

}  // namespace guiche::demo
