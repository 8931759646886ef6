// Demo requests to the support and operation units. Form dates are written
// relative to the registration day: "{d+5}" is five days after it.
#include "demo/demo_internal.hpp"

namespace guiche::demo {

std::vector<Story> support_stories() {
  using C = Channel;
  using S = Status;
  return {
      // --- BD-OPERA
      {"BD-OPERA", "vinicius.pagani", C::email, S::closed, 3, 2, 0,
       "Restauração da base de homologação do SIGEFES",
       "Solicitamos restaurar a base de homologação do SIGEFES com os dados de produção do fim "
       "do mês, para os testes do novo módulo de convênios.",
       R"json({"sgbd":"Oracle","instancia":"SIGEFES_HML","operacao":"Restauração de backup","ambiente":"Homologação","data_referencia":"{d-2}"})json"},
      {"BD-OPERA", "solicitante.sesa", C::portal, S::in_progress, 2, 2, 0,
       "Lentidão nas consultas da base do sistema de regulação",
       "As consultas de fila no sistema de regulação estão levando mais de um minuto desde "
       "segunda-feira.",
       R"json({"sgbd":"PostgreSQL","instancia":"regulacao_prd","operacao":"Análise de desempenho","ambiente":"Produção"})json"},
      {"BD-OPERA", "gestor.seger", C::portal, S::pending_third_party, 3, 3, 0,
       "Criação de base PostgreSQL para o sistema de perícias",
       "Solicitamos a criação da base de homologação do novo sistema de perícias médicas.",
       R"json({"sgbd":"PostgreSQL","instancia":"pericias_hml","operacao":"Criação de base","ambiente":"Homologação"})json"},
      {"BD-OPERA", "ana.delpupo", C::phone, S::resolved, 3, 3, 0,
       "Acesso de leitura à base do SIARHES para a auditoria",
       "A solicitante ligou pedindo acesso somente leitura à réplica do SIARHES para a equipe "
       "da auditoria interna.",
       R"json({"sgbd":"Oracle","instancia":"SIARHES_REPLICA","operacao":"Concessão de acesso","ambiente":"Produção"})json"},
      {"BD-OPERA", "solicitante", C::portal, S::reopened, 2, 2, 0,
       "Execução de script de correção de matrículas duplicadas",
       "Segue script homologado pela equipe do SIARHES para corrigir 42 matrículas duplicadas na "
       "tabela de vínculos.",
       R"json({"sgbd":"Oracle","instancia":"SIARHES_PRD","operacao":"Execução de script","ambiente":"Produção"})json"},
      // --- INF-EMAIL
      {"INF-EMAIL", "solicitante", C::portal, S::closed, 3, 3, 0,
       "Caixa compartilhada para a Comissão Permanente de Licitação",
       "Solicito caixa compartilhada para a Comissão Permanente de Licitação, com acesso para os "
       "cinco membros.",
       R"json({"tipo":"Caixa compartilhada","caixa":"cpl@seger.es.gov.br","responsavel":"Mariana Costa Ribeiro"})json"},
      {"INF-EMAIL", "beatriz.stein", C::portal, S::reopened, 3, 2, 0,
       "Aumento de cota da caixa da SRE Colatina",
       "A caixa da Superintendência Regional de Educação de Colatina está cheia e não recebe "
       "mensagens.",
       R"json({"tipo":"Aumento de cota","caixa":"srecolatina@sedu.es.gov.br","cota_gb":10,"responsavel":"Beatriz Oliveira Stein"})json"},
      {"INF-EMAIL", "primeiro.acesso", C::phone, S::new_, 3, 2, 0,
       "Recuperação de mensagens apagadas da caixa da coordenação",
       "Servidor ligou informando que mensagens da caixa da coordenação foram apagadas por "
       "engano ontem à tarde.",
       R"json({"tipo":"Recuperação de mensagens","caixa":"coordenacao.carapina@sedu.es.gov.br","responsavel":"Gabriel Teixeira Scardua"})json"},
      {"INF-EMAIL", "eduardo.falqueto", C::email, S::triage, 3, 3, 0,
       "Nova caixa postal para o Núcleo de Vigilância Epidemiológica",
       "Solicitamos caixa postal para o Núcleo Especial de Vigilância Epidemiológica.",
       R"json({"tipo":"Nova caixa postal","caixa":"nevepi@saude.es.gov.br","cota_gb":5,"responsavel":"Eduardo Lopes Falqueto"})json"},
      {"INF-EMAIL", "gestor.seger", C::portal, S::cancelled, 3, 3, kRequesterCancels,
       "Lista de distribuição para gestores de RH dos órgãos",
       "Solicito lista de distribuição com os gestores de recursos humanos de todos os órgãos.",
       R"json({"tipo":"Lista de distribuição","caixa":"gestores.rh@es.gov.br","responsavel":"Roberto Luiz Sarmento"})json"},
      // --- SEG-VPN
      {"SEG-VPN", "vinicius.pagani", C::portal, S::closed, 3, 2, kAsk,
       "Acesso VPN para analista em teletrabalho",
       "Solicito acesso VPN para o analista Diego Sossai, em teletrabalho aprovado pela "
       "Portaria SEFAZ nº 77-R.",
       R"json({"tipo":"Acesso VPN","origem":"diego.sossai","destino":"Rede SEFAZ","temporario":"sim","ate":"{d+180}"})json"},
      {"SEG-VPN", "solicitante.sesa", C::portal, S::pending_requester, 2, 2, 0,
       "Liberação de regra de firewall para integração com o DATASUS",
       "O servidor de integração da SESA precisa acessar o webservice do DATASUS para envio da "
       "produção ambulatorial.",
       R"json({"tipo":"Regra de firewall","origem":"Servidor de integração SESA","destino":"servicos.saude.gov.br","porta":443,"temporario":"não"})json"},
      {"SEG-VPN", "gestor.seger", C::portal, S::resolved, 3, 3, 0,
       "Liberação do portal de capacitação da ENAP",
       "O filtro de conteúdo bloqueia o portal de cursos da ENAP, usado nas trilhas de "
       "capacitação obrigatórias.",
       R"json({"tipo":"Liberação de sítio bloqueado","origem":"Rede SEGER","destino":"https://www.escolavirtual.gov.br","temporario":"não"})json"},
      {"SEG-VPN", "sergio.bravin", C::email, S::assigned, 3, 3, 0,
       "Acesso VPN ao sistema de nota fiscal para a Prefeitura de Viana",
       "A Secretaria de Finanças de Viana precisa de acesso VPN ao ambiente de nota fiscal "
       "eletrônica para o convênio de cooperação fiscal.",
       R"json({"tipo":"Acesso VPN","origem":"Rede da Prefeitura de Viana","destino":"Ambiente NF-e SEFAZ","temporario":"sim","ate":"{d+365}"})json"},
      // --- MON-INDISP (the first three tell one incident)
      {"MON-INDISP", "solicitante", C::phone, S::closed, 1, 1, 0,
       "E-Docs fora do ar para toda a SEGER",
       "A solicitante ligou: ninguém da SEGER consegue abrir o E-Docs desde as 9h.",
       R"json({"servico":"E-Docs","todos":"sim","desde":"hoje, por volta das 9h","mensagem":"502 Bad Gateway"})json",
       12, 30},
      {"MON-INDISP", "solicitante.sesa", C::portal, S::closed, 1, 2, kLinkPrevious,
       "Erro 502 ao acessar o E-Docs", "O E-Docs retorna erro 502 para todos na sede da SESA.",
       R"json({"servico":"E-Docs","todos":"sim","desde":"hoje às 9h10","mensagem":"502 Bad Gateway - nginx"})json"},
      {"MON-INDISP", "ana.delpupo", C::portal, S::cancelled, 2, 1, kDuplicatePrevious,
       "E-Docs indisponível", "Não consigo acessar o E-Docs, aparece erro 502.",
       R"json({"servico":"E-Docs","todos":"não","desde":"9h15"})json"},
      {"MON-INDISP", "eduardo.falqueto", C::phone, S::in_progress, 2, 1, 0,
       "Lentidão extrema no acesso à internet na sede da SESA",
       "O solicitante ligou informando que a internet da sede da SESA está muito lenta desde o "
       "início da manhã; sistemas web demoram minutos para abrir.",
       R"json({"servico":"Internet da sede da SESA","todos":"sim","desde":"hoje, 8h"})json"},
      {"MON-INDISP", "beatriz.stein", C::email, S::pending_third_party, 2, 1, 0,
       "Link de dados da SRE Colatina inoperante",
       "A SRE Colatina está sem acesso à rede do Governo desde ontem à tarde.",
       R"json({"servico":"Enlace de dados SRE Colatina","todos":"sim","desde":"ontem, 16h"})json"},
      {"MON-INDISP", "vinicius.pagani", C::portal, S::resolved, 1, 2, 0,
       "Emissão de DUA indisponível",
       "A emissão de DUA no portal da SEFAZ retorna erro de tempo esgotado para os "
       "contribuintes.",
       R"json({"servico":"Emissão de DUA","todos":"sim","desde":"hoje, 14h","mensagem":"Tempo limite da operação esgotado"})json"},
      // --- SUP-TEC (anyone: citizens too)
      {"SUP-TEC", "cidadao", C::portal, S::closed, 3, 3, 0,
       "Não consigo recuperar a senha do Acesso Cidadão",
       "Peço a recuperação de senha, mas o e-mail com o código não chega.",
       R"json({"codigo":"Acesso Cidadão","tipo":"Falha técnica","retorno":"E-mail"})json"},
      {"SUP-TEC", "antonio.moraes", C::phone, S::closed, 3, 3, 0,
       "Dúvida sobre a emissão da segunda via do DUA",
       "Cidadão ligou perguntando como emitir a segunda via do DUA do IPVA.",
       R"json({"tipo":"Dúvida","retorno":"Telefone"})json"},
      {"SUP-TEC", "cidadao", C::whatsapp, S::pending_requester, 3, 3, 0,
       "Erro ao validar documento do E-Docs",
       "Pelo WhatsApp: ao validar a autenticidade de um documento do E-Docs aparece 'não foi "
       "possível validar'.",
       R"json({"codigo":"E-Docs","tipo":"Falha técnica","retorno":"WhatsApp"})json"},
      {"SUP-TEC", "sergio.bravin", C::portal, S::closed, 3, 3, 0,
       "Dúvida sobre o uso do token para assinatura digital",
       "Como instalar o token de certificado digital para assinar documentos no E-Docs?",
       R"json({"codigo":"E-Docs","tipo":"Dúvida","retorno":"E-mail"})json"},
      {"SUP-TEC", "solicitante", C::portal, S::resolved, 3, 3, 0,
       "Como delegar acesso ao E-Docs durante as férias",
       "Vou sair de férias e preciso que um colega receba os documentos encaminhados a mim.",
       R"json({"codigo":"E-Docs","tipo":"Dúvida","retorno":"E-mail"})json"},
      {"SUP-TEC", "tatiane.fraga", C::api, S::new_, 3, 3, 0,
       "Falha ao consultar CNPJ no cadastro de fornecedores do SIGA",
       "Enviado pela integração da prefeitura: a consulta de CNPJ no cadastro de fornecedores "
       "do SIGA retorna erro 500.",
       R"json({"codigo":"SIGA","tipo":"Falha técnica","retorno":"E-mail"})json"},
      {"SUP-TEC", "antonio.moraes", C::phone, S::cancelled, 3, 3, kNoAnswer,
       "Não recebo o e-mail de confirmação de cadastro no Acesso Cidadão",
       "Cidadão ligou informando que não recebe o e-mail de confirmação de cadastro.",
       R"json({"codigo":"Acesso Cidadão","tipo":"Falha técnica","retorno":"Telefone"})json"},
      {"SUP-TEC", "cidadao", C::portal, S::reopened, 3, 3, 0,
       "Certificado de curso da ESESP não é gerado",
       "Concluí o curso de Ética no Serviço Público na ESESP, mas o certificado não é gerado.",
       R"json({"codigo":"ESESP","tipo":"Falha técnica","retorno":"E-mail"})json"},
      {"SUP-TEC", "primeiro.acesso", C::phone, S::closed, 3, 3, kNoEvaluation,
       "Não consigo entrar no portal com a senha provisória",
       "Servidor ligou: recebeu a senha provisória por e-mail, mas não sabe onde trocá-la.",
       R"json({"codigo":"Guichê","tipo":"Dúvida","retorno":"Telefone"})json"},
      // --- SUP-EQUIP
      {"SUP-EQUIP", "solicitante", C::portal, S::closed, 3, 3, 0,
       "Impressora da recepção não imprime em frente e verso",
       "A impressora da recepção da SEGER deixou de imprimir em frente e verso.",
       R"json({"patrimonio":"SEGER-008812","equipamento":"Impressora","local":"SEGER, térreo, recepção","remoto":"sim"})json"},
      {"SUP-EQUIP", "ana.delpupo", C::phone, S::in_progress, 2, 2, 0,
       "Computador não liga após queda de energia",
       "A solicitante ligou: o computador da sala 305 não liga desde a queda de energia de "
       "ontem.",
       R"json({"patrimonio":"SEGER-007455","equipamento":"Computador","local":"SEGER, 3º andar, sala 305","remoto":"não"})json"},
      {"SUP-EQUIP", "eduardo.falqueto", C::portal, S::pending_third_party, 3, 3, 0,
       "Monitor com manchas na tela", "O monitor apresenta manchas escuras no canto esquerdo.",
       R"json({"patrimonio":"SESA-120391","equipamento":"Monitor","local":"SESA, 2º andar, vigilância epidemiológica"})json"},
      {"SUP-EQUIP", "beatriz.stein", C::portal, S::assigned, 3, 3, 0,
       "Instalação de scanner na secretaria da escola",
       "Recebemos um scanner novo para a secretaria da EEEFM Irmã Maria Horta e precisamos da "
       "instalação.",
       R"json({"patrimonio":"SEDU-330174","equipamento":"Scanner","local":"EEEFM Irmã Maria Horta, secretaria","remoto":"não"})json"},
      {"SUP-EQUIP", "gestor.seger", C::portal, S::triage, 3, 2, 0,
       "Notebook do gabinete sem acesso à rede sem fio",
       "O notebook do gabinete não conecta à rede sem fio corporativa desde a última "
       "atualização.",
       R"json({"patrimonio":"SEGER-009120","equipamento":"Notebook","local":"SEGER, 6º andar, gabinete","remoto":"sim"})json"},
      {"SUP-EQUIP", "vinicius.pagani", C::portal, S::new_, 3, 3, 0,
       "Troca de teclado com teclas falhando",
       "O teclado da estação 14 está com várias teclas falhando.",
       R"json({"patrimonio":"SEFAZ-051277","equipamento":"Outro","local":"SEFAZ, 4º andar, estação 14","remoto":"não"})json"},
      {"SUP-EQUIP", "solicitante.sesa", C::email, S::closed, 3, 2, kReopenCycle,
       "Impressora multifuncional do 3º andar com atolamento frequente",
       "A multifuncional do 3º andar atola papel a cada poucas folhas.",
       R"json({"patrimonio":"SESA-118802","equipamento":"Impressora","local":"SESA, 3º andar, corredor","remoto":"não"})json"},
  };
}

}  // namespace guiche::demo
