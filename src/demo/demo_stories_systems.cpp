// Demo requests to the systems and information units. Form dates are written
// relative to the registration day: "{d+5}" is five days after it.
#include "demo/demo_internal.hpp"

namespace guiche::demo {

std::vector<Story> systems_stories() {
  using C = Channel;
  using S = Status;
  return {
      // --- SIS-ACESSO
      {"SIS-ACESSO", "solicitante", C::portal, S::closed, 3, 2, 0,
       "Acesso ao SIARHES para nova servidora da GEPES",
       "Solicito acesso ao SIARHES para a servidora Larissa Moura Guimarães, nomeada na Gerência "
       "de Pessoas (GEPES), com perfil de consulta e emissão de relatórios de frequência.",
       R"json({"sistema":"SIARHES","matricula":"3981245","perfil":"Consulta e relatórios de frequência","inicio":"{d+2}","justificativa":"Servidora recém-nomeada que fará o fechamento da frequência mensal da SEGER."})json"},
      {"SIS-ACESSO", "jose.venturim", C::portal, S::closed, 3, 3, 0,
       "Acesso ao SIARHES para consulta de histórico funcional",
       "Preciso de acesso de consulta ao histórico funcional no SIARHES para instruir processos "
       "de aposentadoria da Subsecretaria de Previdência.",
       R"json({"sistema":"SIARHES","matricula":"2874410","perfil":"Consulta de histórico funcional","justificativa":"Instrução de processos de aposentadoria."})json",
       50, 56},
      {"SIS-ACESSO", "ana.delpupo", C::email, S::closed, 3, 2, kAsk,
       "Perfil de gestor no E-Docs para a Subsecretaria de Administração",
       "Bom dia. Solicitamos o perfil de gestor de unidade no E-Docs para o servidor Hugo Bastos "
       "Ferreira, novo subsecretário de Administração, para que possa assinar e despachar "
       "documentos da subsecretaria.",
       R"json({"sistema":"E-Docs","matricula":"4012377","perfil":"Gestor de unidade","inicio":"{d+1}","justificativa":"Posse do novo subsecretário de Administração."})json"},
      {"SIS-ACESSO", "solicitante.sesa", C::portal, S::resolved, 3, 2, 0,
       "Liberação de acesso ao SIGEFES para conferência de empenhos",
       "Solicito acesso de consulta ao SIGEFES para a equipe do Fundo Estadual de Saúde conferir "
       "empenhos e liquidações do exercício.",
       R"json({"sistema":"SIGEFES","matricula":"3310982","perfil":"Consulta de execução orçamentária","justificativa":"Conferência mensal de empenhos do Fundo Estadual de Saúde."})json"},
      {"SIS-ACESSO", "eduardo.falqueto", C::phone, S::in_progress, 3, 2, 0,
       "Inclusão de perfil de homologador no SIGA",
       "O solicitante ligou pedindo o perfil de homologador de pregões no SIGA para a "
       "pregoeira da SESA, que assume a função na próxima semana.",
       R"json({"sistema":"SIGA","matricula":"3556120","perfil":"Homologador de pregão","inicio":"{d+5}","justificativa":"Designação de nova pregoeira pela Portaria SESA nº 412-S."})json"},
      {"SIS-ACESSO", "beatriz.stein", C::portal, S::pending_requester, 3, 3, 0,
       "Acesso ao SEGES para secretária escolar da EEEFM Irmã Maria Horta",
       "Solicito acesso ao SEGES para a nova secretária escolar da EEEFM Irmã Maria Horta, com "
       "perfil de secretaria (matrículas e transferências).",
       R"json({"sistema":"SEGES","matricula":"4107755","perfil":"Secretaria escolar","justificativa":"Substituição da secretária escolar aposentada."})json"},
      {"SIS-ACESSO", "camila.rangel", C::portal, S::new_, 3, 3, 0,
       "Acesso ao Portal do Servidor – módulo de gestão de férias",
       "Solicito acesso ao módulo de gestão de férias do Portal do Servidor para programar as "
       "férias da equipe da Gerência de Desenvolvimento de Pessoas.",
       R"json({"sistema":"Portal do Servidor","matricula":"4220915","perfil":"Gestor de férias","justificativa":"Programação anual de férias da equipe."})json",
       0.2, 12},
      {"SIS-ACESSO", "vinicius.pagani", C::api, S::assigned, 3, 2, 0,
       "Acesso ao SIGEFES – perfil de execução orçamentária",
       "Pedido enviado pelo sistema de gestão de pessoas da SEFAZ: acesso ao SIGEFES com perfil "
       "de execução orçamentária para o analista recém-lotado na Subgerência de Orçamento.",
       R"json({"sistema":"SIGEFES","matricula":"3890021","perfil":"Execução orçamentária","inicio":"{d+3}","justificativa":"Lotação de novo analista na Subgerência de Orçamento."})json"},
      {"SIS-ACESSO", "jose.venturim", C::email, S::cancelled, 3, 3, kRefused,
       "Renovação de acesso ao SIARHES",
       "Prezados, meu acesso ao SIARHES expirou. Solicito a renovação com o mesmo perfil de "
       "antes.",
       R"json({"sistema":"SIARHES","matricula":"2874410","perfil":"Consulta de histórico funcional","justificativa":"Renovação de acesso expirado."})json",
       3, 40},
      {"SIS-ACESSO", "sergio.bravin", C::email, S::cancelled, 3, 3, kRefused,
       "Acesso ao SIGEFES para a Secretaria Municipal de Finanças de Viana",
       "Solicitamos acesso ao SIGEFES para acompanhar os repasses estaduais ao município de "
       "Viana.",
       R"json({"sistema":"SIGEFES","matricula":"00871","perfil":"Consulta de repasses","justificativa":"Acompanhamento dos repasses estaduais ao município."})json"},
      {"SIS-ACESSO", "primeiro.acesso", C::phone, S::assigned, 3, 3, 0,
       "Acesso ao SEGES para a coordenação pedagógica",
       "Servidor ligou solicitando acesso ao SEGES com perfil de coordenação pedagógica na "
       "SRE Carapina; ainda não fez o primeiro acesso ao portal.",
       R"json({"sistema":"SEGES","matricula":"4301188","perfil":"Coordenação pedagógica","justificativa":"Acompanhamento de notas e frequência das escolas da SRE Carapina."})json"},
      // --- SIS-DEFEITO
      {"SIS-DEFEITO", "solicitante", C::portal, S::closed, 2, 2, kAsk,
       "Erro ao gerar relatório de frequência mensal no SIARHES",
       "Ao gerar o relatório de frequência mensal da SEGER aparece 'Erro inesperado ORA-01722' e "
       "o relatório não é gerado.",
       R"json({"sistema":"SIARHES","funcionalidade":"Relatórios > Frequência mensal","paralisa":"sim","ocorrencia":"{d-1}","passos":"1. Relatórios > Frequência mensal\n2. Informar o mês\n3. Clicar em Gerar"})json"},
      {"SIS-DEFEITO", "gestor.seger", C::portal, S::closed, 2, 1, kReopenCycle,
       "Cálculo incorreto de adicional noturno na folha",
       "O adicional noturno dos plantonistas foi calculado sobre 7 horas em vez de 8 na prévia "
       "da folha. Afeta cerca de 300 servidores.",
       R"json({"sistema":"SIARHES","funcionalidade":"Folha > Prévia de cálculo","paralisa":"não","passos":"Consultar a prévia da folha de qualquer plantonista com escala noturna."})json"},
      {"SIS-DEFEITO", "solicitante.sesa", C::email, S::in_progress, 2, 2, 0,
       "E-Docs não anexa documentos PDF acima de 10 MB",
       "Ao capturar documentos em PDF com mais de 10 MB o E-Docs fica carregando e não conclui. "
       "Prontuários digitalizados costumam ter esse tamanho.",
       R"json({"sistema":"E-Docs","funcionalidade":"Capturar documento","paralisa":"não","ocorrencia":"{d-3}","passos":"Capturar documento > Selecionar PDF de 12 MB > Enviar."})json"},
      {"SIS-DEFEITO", "ana.delpupo", C::portal, S::pending_third_party, 2, 2, kNoEvaluation,
       "Arquivo de remessa bancária rejeitado pelo banco",
       "O arquivo de remessa do crédito de salários gerado pelo SIARHES foi rejeitado pelo "
       "banco com o código 'layout inválido no segmento A'.",
       R"json({"sistema":"SIARHES","funcionalidade":"Folha > Remessa bancária","paralisa":"sim","ocorrencia":"{d}","passos":"Gerar remessa da folha complementar e enviar ao banco."})json"},
      {"SIS-DEFEITO", "vinicius.pagani", C::portal, S::reopened, 3, 2, 0,
       "Consulta de notas de empenho retorna valores duplicados no SIGEFES",
       "A consulta de notas de empenho por credor mostra cada empenho duas vezes, somando o "
       "dobro do valor.",
       R"json({"sistema":"SIGEFES","funcionalidade":"Consultas > Empenhos por credor","paralisa":"não","passos":"Consultar empenhos do credor CNPJ 27.080.571/0001-30 no exercício corrente."})json"},
      {"SIS-DEFEITO", "beatriz.stein", C::portal, S::resolved, 2, 2, kAsk,
       "Boletim escolar não exibe notas do 3º trimestre no SEGES",
       "Os boletins da EEEFM Irmã Maria Horta aparecem sem as notas do 3º trimestre, embora os "
       "professores tenham lançado as notas.",
       R"json({"sistema":"SEGES","funcionalidade":"Boletim escolar","paralisa":"não","ocorrencia":"{d-2}","passos":"Emitir boletim de qualquer aluno do 9º ano."})json"},
      {"SIS-DEFEITO", "solicitante", C::whatsapp, S::triage, 3, 2, 0,
       "Botão 'Assinar' do E-Docs não responde no Firefox",
       "Pelo chatbot: o botão 'Assinar' do E-Docs não faz nada no Firefox; no Chrome funciona.",
       R"json({"sistema":"E-Docs","funcionalidade":"Assinatura de documentos","paralisa":"não","passos":"Abrir um documento pendente de assinatura no Firefox e clicar em Assinar."})json"},
      {"SIS-DEFEITO", "eduardo.falqueto", C::portal, S::cancelled, 3, 3, kRequesterCancels,
       "Erro ao emitir certificado de curso no Portal do Servidor",
       "Ao emitir o certificado do curso de gestão de contratos, aparece 'página não "
       "encontrada'.",
       R"json({"sistema":"Portal do Servidor","funcionalidade":"Capacitação > Certificados","paralisa":"não","passos":"Capacitação > Meus cursos > Emitir certificado."})json"},
      // --- SIS-PROJETO
      {"SIS-PROJETO", "gestor.seger", C::email, S::in_progress, 2, 3, 0,
       "Sistema de agendamento de perícias médicas",
       "A SEGER precisa de um sistema para agendar perícias médicas dos servidores, hoje "
       "marcadas por telefone e planilha.",
       R"json({"objetivo":"Agendamento on-line de perícias médicas com confirmação por e-mail e painel para a junta médica.","usuarios":40000,"prazo":"{d+180}","patrocinador":"Subsecretário de Gestão de Pessoas","orcamento":"sim"})json"},
      {"SIS-PROJETO", "renata.dalla", C::portal, S::pending_requester, 2, 3, 0,
       "Aplicativo de agendamento de vacinação nas unidades de saúde",
       "Propomos um aplicativo para agendamento de vacinação nas salas de vacina estaduais, "
       "integrado ao cadastro do Acesso Cidadão.",
       R"json({"objetivo":"Agendamento de vacinação com escolha de sala e horário, integrado ao Acesso Cidadão.","usuarios":250000,"patrocinador":"Gerência Estadual de Vigilância em Saúde","orcamento":"não"})json"},
      {"SIS-PROJETO", "tatiane.fraga", C::portal, S::new_, 3, 3, 0,
       "Desenvolvimento de portal da transparência municipal",
       "A Prefeitura de Viana gostaria de apoio do PRODEST para desenvolver o portal da "
       "transparência do município.",
       R"json({"objetivo":"Portal da transparência municipal com despesas, receitas e folha.","usuarios":5000,"patrocinador":"Controladoria-Geral do Município","orcamento":"não"})json"},
      // --- WEB-SITE
      {"WEB-SITE", "ana.delpupo", C::portal, S::closed, 2, 1, 0,
       "Renovação do certificado HTTPS do sítio da SEGER",
       "O navegador avisa que o certificado do sítio www.seger.es.gov.br vence em 5 dias.",
       R"json({"endereco":"https://www.seger.es.gov.br","tipo":"Certificado digital (HTTPS)","detalhes":"Certificado vence em 5 dias; o aviso aparece para todos os visitantes."})json"},
      {"WEB-SITE", "beatriz.stein", C::email, S::closed, 3, 3, 0,
       "Usuário editor no sítio da SEDU para a equipe de comunicação",
       "Solicitamos usuário editor no sítio da SEDU para a jornalista Priscila Amorim, da "
       "assessoria de comunicação.",
       R"json({"endereco":"https://sedu.es.gov.br","tipo":"Usuário editor","detalhes":"Editora de notícias: Priscila Amorim, matrícula 4188213."})json"},
      {"WEB-SITE", "solicitante.sesa", C::portal, S::assigned, 3, 2, kUnassigned,
       "Redirecionar endereço da campanha de vacinação",
       "Precisamos que saude.es.gov.br/vacinacao redirecione para a nova página da campanha "
       "estadual de vacinação.",
       R"json({"endereco":"https://saude.es.gov.br/vacinacao","tipo":"Redirecionamento de endereço","detalhes":"Destino: https://saude.es.gov.br/campanha-vacinacao"})json"},
      {"WEB-SITE", "vinicius.pagani", C::portal, S::new_, 3, 3, 0,
       "Atualização do rodapé do sítio da SEFAZ com o novo endereço",
       "A SEFAZ mudou de endereço; o rodapé do sítio ainda mostra o endereço antigo.",
       R"json({"endereco":"https://sefaz.es.gov.br","tipo":"Alteração de conteúdo","detalhes":"Novo endereço: Av. Jerônimo Monteiro, 96, Centro, Vitória/ES."})json"},
      // --- DADOS-BI
      {"DADOS-BI", "gestor.seger", C::portal, S::closed, 3, 3, kAsk,
       "Painel de absenteísmo por órgão",
       "Solicitamos um painel com o absenteísmo mensal por órgão e por tipo de licença, para o "
       "comitê de gestão de pessoas.",
       R"json({"base":"SIARHES (afastamentos)","formato":"Painel (Power BI)","periodicidade":"Mensal","prazo":"{d+20}","dados_pessoais":"sim"})json"},
      {"DADOS-BI", "solicitante.sesa", C::portal, S::pending_requester, 3, 2, 0,
       "Extração mensal de leitos ocupados por hospital",
       "Precisamos de uma extração mensal, em CSV, da ocupação de leitos por hospital da rede "
       "estadual.",
       R"json({"base":"Sistema de regulação de leitos","formato":"Planilha (CSV)","periodicidade":"Mensal","dados_pessoais":"não"})json"},
      {"DADOS-BI", "vinicius.pagani", C::email, S::in_progress, 3, 3, 0,
       "Relatório de arrecadação de ICMS por município",
       "Solicitamos relatório com a arrecadação de ICMS por município nos últimos 24 meses.",
       R"json({"base":"Data Warehouse da arrecadação","formato":"Relatório em PDF","periodicidade":"Única","prazo":"{d+15}","dados_pessoais":"não"})json"},
      {"DADOS-BI", "renata.dalla", C::api, S::pending_third_party, 3, 3, 0,
       "Painel de cobertura vacinal por município",
       "Pedido enviado pela integração da SESA: painel de cobertura vacinal por município com "
       "dados do e-SUS.",
       R"json({"base":"e-SUS (Ministério da Saúde)","formato":"Painel (Power BI)","periodicidade":"Semanal","dados_pessoais":"não"})json"},
      // --- GEO-MAPA
      {"GEO-MAPA", "tatiane.fraga", C::portal, S::closed, 3, 3, 0,
       "Base cartográfica de logradouros do município de Viana",
       "Solicitamos a base de logradouros de Viana para o cadastro imobiliário municipal.",
       R"json({"camada":"Logradouros","municipio":"Viana","formato":"Shapefile","finalidade":"Atualização do cadastro imobiliário municipal."})json"},
      {"GEO-MAPA", "beatriz.stein", C::portal, S::resolved, 3, 3, 0,
       "Camada de escolas estaduais georreferenciadas",
       "Precisamos da camada de escolas estaduais georreferenciadas, em GeoJSON, para o "
       "planejamento do transporte escolar.",
       R"json({"camada":"Escolas estaduais","formato":"GeoJSON","finalidade":"Planejamento das rotas de transporte escolar."})json"},
      {"GEO-MAPA", "gestor.seger", C::portal, S::triage, 3, 3, 0,
       "Ortofotos da Região Metropolitana em serviço WMS",
       "Solicitamos o endereço do serviço WMS das ortofotos mais recentes da Região "
       "Metropolitana da Grande Vitória.",
       R"json({"camada":"Ortofotos","municipio":"Região Metropolitana da Grande Vitória","formato":"Serviço WMS","finalidade":"Estudo de localização de novas unidades do Faça Fácil."})json"},
      // --- DADOS-ORG
      {"DADOS-ORG", "ana.delpupo", C::email, S::closed, 3, 2, 0,
       "Criação da Gerência de Gestão de Pessoas na estrutura da SEGER",
       "Solicitamos o cadastro da nova Gerência de Gestão de Pessoas, criada por decreto, com "
       "vinculação à Subsecretaria de Administração.",
       R"json({"orgao":"SEGER","alteracao":"Criação de unidade","ato":"Decreto nº 5.612-R","vigencia":"{d+1}"})json"},
      {"DADOS-ORG", "renata.dalla", C::portal, S::assigned, 3, 3, 0,
       "Alteração de sigla da Superintendência Regional de Saúde de Cachoeiro",
       "A Superintendência Regional de Saúde de Cachoeiro de Itapemirim passa a usar a sigla "
       "SRSCI.",
       R"json({"orgao":"SESA","alteracao":"Alteração de nome ou sigla","ato":"Portaria nº 118-R","vigencia":"{d}"})json"},
      {"DADOS-ORG", "beatriz.stein", C::portal, S::triage, 3, 3, 0,
       "Extinção do Núcleo de Tecnologia Educacional na estrutura da SEDU",
       "O Núcleo de Tecnologia Educacional foi extinto; suas atribuições passaram à Gerência de "
       "Tecnologia Educacional.",
       R"json({"orgao":"SEDU","alteracao":"Extinção de unidade","ato":"Decreto nº 5.640-R","vigencia":"{d-2}"})json"},
  };
}

}  // namespace guiche::demo
