// What agents and requesters write while a demo ticket is worked, per service.
#include <map>

#include "demo/demo_internal.hpp"

namespace guiche::demo {
namespace {

const std::map<std::string, ServiceTexts>& all_texts() {
  static const std::map<std::string, ServiceTexts> kTexts = {
      {"SIS-ACESSO",
       {{"Para concluir a liberação precisamos da confirmação do perfil pela chefia imediata do "
         "usuário. Pode responder com o de acordo da chefia?"},
        {"Segue o de acordo da chefia imediata, enviado também por e-mail. O perfil está "
         "confirmado."},
        {"Recebemos a solicitação e estamos conferindo o perfil com o cadastro de pessoal."},
        {"Perfil conferido com a matriz de acessos do sistema; sem conflito de segregação de "
         "funções.",
         "Usuário já possuía conta inativa; reativada em vez de criar uma nova."},
        {"Aguardando a equipe do sistema no órgão gestor aprovar o perfil solicitado."},
        {"Acesso concedido com o perfil solicitado. O usuário entra com a mesma senha da rede "
         "do Governo; no primeiro acesso será pedido o aceite do termo de uso.",
         "Perfil liberado e testado com o usuário. Orientamos a trocar a senha provisória no "
         "primeiro acesso."},
        {"O usuário ainda não consegue acessar a tela de relatórios: aparece 'acesso negado'."}}},
      {"SIS-DEFEITO",
       {{"Conseguimos reproduzir parcialmente. Pode informar o número de um registro em que o "
         "erro ocorre e o horário aproximado da última tentativa?"},
        {"O erro ocorreu com o registro 2024/118 hoje às 10h15. Enviei a cópia da tela por "
         "e-mail.",
         "Segue a matrícula 3457891 como exemplo; o erro aparece sempre após salvar."},
        {"Defeito reproduzido em homologação; a correção está em desenvolvimento.",
         "Identificamos a causa e a correção segue para testes."},
        {"Defeito reproduzido em homologação com os dados informados pelo solicitante.",
         "Causa identificada na última versão publicada; correção incluída no próximo pacote."},
        {"Correção depende de nova versão do componente fornecido pela empresa contratada."},
        {"Correção publicada em produção. Testamos com os dados informados e o resultado está "
         "correto.",
         "Ajuste aplicado e validado em produção. Caso o erro volte a ocorrer, responda a este "
         "chamado."},
        {"O erro voltou a ocorrer hoje com outro servidor do mesmo setor.",
         "A correção resolveu a tela, mas o relatório impresso continua com o valor antigo."}}},
      {"SIS-PROJETO",
       {{"Para a análise de viabilidade precisamos do termo de referência ou de uma descrição "
         "dos processos atuais. Pode nos enviar?"},
        {"Enviamos o termo de referência e o fluxo atual do processo por e-mail."},
        {"Demanda recebida pela Subgerência de Projetos; agendaremos reunião de levantamento."},
        {"Reunião de levantamento marcada com o patrocinador; estimativa preliminar de 3 "
         "sprints."},
        {"Aguardando a aprovação da proposta de escopo pelo órgão."},
        {"Escopo aprovado e primeira entrega implantada; o acompanhamento seguirá no plano do "
         "projeto."},
        {"O cronograma acordado não contempla o módulo de relatórios."}}},
      {"WEB-SITE",
       {{"Pode confirmar se a alteração já foi aprovada pela assessoria de comunicação do "
         "órgão?"},
        {"Confirmado: a assessoria de comunicação aprovou a alteração."},
        {"Solicitação em execução pela equipe de portais."},
        {"Alteração feita primeiro no ambiente de homologação do portal."},
        {"Aguardando retorno do fornecedor da plataforma do portal."},
        {"Alteração publicada no sítio; a atualização pode levar até 1 hora por causa do cache.",
         "Configuração concluída e verificada no navegador."},
        {"O endereço antigo ainda abre a página anterior."}}},
      {"DADOS-BI",
       {{"Qual o recorte de datas e o nível de detalhe desejados para a primeira entrega?",
         "Quem do órgão validará a amostra dos dados antes da entrega final?"},
        {"Os últimos 24 meses, com detalhe por mês e por unidade.",
         "A validação será feita pela nossa equipe de planejamento; pode enviar para mim."},
        {"Consulta em construção no Data Warehouse; enviaremos uma amostra para validação."},
        {"Dados de origem com atraso de carga de 2 dias; avisar o solicitante."},
        {"Aguardando a liberação da base de origem pelo órgão gestor federal."},
        {"Painel publicado no espaço de trabalho do órgão, com atualização automática.",
         "Arquivo disponibilizado na pasta compartilhada do órgão, conforme o layout acordado."},
        {"O painel não mostra os dados do último mês."}}},
      {"GEO-MAPA",
       {{"Pode informar o sistema de referência desejado (SIRGAS 2000 UTM 24S ou geográfico)?"},
        {"SIRGAS 2000, UTM zona 24S."},
        {"Base localizada no GEOBASES; preparando o recorte."},
        {"Recorte feito a partir da versão mais recente da base."},
        {"Aguardando a atualização da base pelo órgão produtor."},
        {"Arquivos disponibilizados para download no GEOBASES, com metadados.",
         "Serviço publicado e endereço enviado ao solicitante."},
        {"O arquivo veio sem a tabela de atributos."}}},
      {"DADOS-ORG",
       {{"O ato informado ainda não consta no Diário Oficial. Pode enviar a edição e a página da "
         "publicação?"},
        {"Publicado no DIO-ES, edição de ontem, página 14."},
        {"Ato conferido; a estrutura será atualizada na próxima carga."},
        {"Conferido o ato no DIO-ES; unidades e códigos atualizados na tabela corporativa."},
        {"Aguardando a SEGER validar o código da nova unidade."},
        {"Estrutura atualizada e propagada ao E-Docs e ao SIARHES.",
         "Alteração cadastrada; os sistemas refletirão a mudança a partir de amanhã."},
        {"A nova unidade ainda não aparece no E-Docs."}}},
      {"BD-OPERA",
       {{"A execução em produção precisa de uma janela de manutenção. Podemos executar hoje "
         "após as 19h?"},
        {"Pode executar após as 19h; avisamos a equipe."},
        {"Operação agendada para a janela de manutenção."},
        {"Cópia de segurança feita antes da execução; plano de retorno documentado.",
         "Operação avaliada com o gestor do sistema; sem impacto nos demais serviços da "
         "instância."},
        {"Aguardando a empresa contratada enviar o script revisado."},
        {"Operação concluída na base indicada; conferimos a integridade dos dados.",
         "Solicitação executada no ambiente indicado e validada com o solicitante."},
        {"Após a restauração, faltam os registros do último dia."}}},
      {"INF-EMAIL",
       {{"Quem será o responsável pela caixa? Precisamos do nome e da matrícula."},
        {"A responsável é a servidora indicada no formulário, matrícula 3098765."},
        {"Solicitação em execução pela equipe de correio."},
        {"Conferido: a caixa não existia com outro nome."},
        {"Aguardando o suporte do fornecedor da plataforma de correio."},
        {"Caixa configurada e acessos concedidos; pode levar até 30 minutos para aparecer no "
         "Outlook.",
         "Solicitação atendida; conferimos a entrega de mensagens de teste."},
        {"A cota continua aparecendo como 2 GB no Outlook."}}},
      {"SEG-VPN",
       {{"Precisamos do termo de responsabilidade assinado pela chefia imediata. Pode enviá-lo?"},
        {"Termo assinado enviado por e-mail."},
        {"Em análise pela equipe de segurança da informação."},
        {"Regra revisada: origem e destino restritos; porta única."},
        {"Aguardando o órgão parceiro liberar o lado de lá da conexão."},
        {"Liberação configurada conforme solicitado e testada com o solicitante.",
         "Configuração aplicada após a análise de risco; acesso testado com o solicitante."},
        {"A VPN conecta, mas não acessa o sistema."}}},
      {"MON-INDISP",
       {{"O problema ocorre em todos os computadores do setor ou em apenas um?"},
        {"Em todos os computadores do setor."},
        {"Incidente confirmado; equipe atuando no restabelecimento.",
         "Verificando com as equipes de rede e de sistemas."},
        {"Alarmes do monitoramento confirmam a falha desde o horário informado.",
         "Acionada a equipe de plantão; causa em investigação."},
        {"Aguardando a operadora do enlace de dados.",
         "Aguardando o fornecedor do serviço afetado."},
        {"Serviço restabelecido e monitorado por 30 minutos sem novas falhas; causa registrada "
         "no relatório do incidente.",
         "Serviço normalizado após a correção da causa; monitoramento sem alertas."},
        {"O sistema voltou a ficar indisponível."}}},
      {"SUP-TEC",
       {{"Pode informar o navegador usado e a mensagem exibida na tela?",
         "Pode enviar uma cópia da tela com a mensagem exibida?"},
        {"Uso o Chrome; a mensagem é a mesma que descrevi na abertura.",
         "Enviei a cópia da tela por e-mail."},
        {"Estamos verificando o seu cadastro."},
        {"Orientação passada por telefone; registrado para a base de conhecimento."},
        {"Encaminhado à equipe do sistema; aguardando retorno."},
        {"Orientamos o passo a passo pelo canal escolhido e o problema foi resolvido.",
         "Cadastro corrigido; o acesso foi testado com o solicitante."},
        {"Segui as orientações, mas o erro continua."}}},
      {"SUP-EQUIP",
       {{"Podemos fazer o atendimento remoto? Informe o número exibido no programa de acesso "
         "remoto."},
        {"Pode sim, o número é 482 913 775."},
        {"Técnico agendado para atendimento presencial."},
        {"Verificado em acesso remoto; será necessário atendimento presencial.",
         "Patrimônio conferido no inventário: equipamento dentro da garantia."},
        {"Aguardando o fornecedor atender a garantia do equipamento."},
        {"Atendimento concluído; equipamento testado com o usuário.",
         "Equipamento reparado e devolvido ao setor em funcionamento."},
        {"O problema voltou a acontecer."}}},
  };
  return kTexts;
}

}  // namespace

const ServiceTexts& texts_for(const std::string& service_code) {
  return all_texts().at(service_code);
}

std::string evaluation_comment(int rating, Rng& rng) {
  static const std::vector<std::vector<std::string>> kComments = {
      {"Demorou muito e precisei ligar várias vezes.", "Ninguém retornou o meu contato."},
      {"Resolveu só em parte.", "Demorou mais do que o prazo informado."},
      {"Resolvido, mas a comunicação poderia ser mais clara.", ""},
      {"Bom atendimento.", "Resolvido dentro do prazo.", ""},
      {"Atendimento rápido e cordial. Obrigada!", "Excelente, resolveu na primeira tentativa.",
       "Muito bem explicado, obrigado.", ""},
  };
  return rng.pick(kComments[static_cast<std::size_t>(rating - 1)]);
}

}  // namespace guiche::demo
