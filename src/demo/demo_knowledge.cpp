// The knowledge base's demo articles (issue 19, item 7): public answers to
// the questions requesters ask most, tied to their services, and two of the
// desk's internal procedures; a requester and a citizen said the e-mail one
// solved their problem.
#include "app/knowledge/knowledge_base.hpp"
#include "demo/demo_internal.hpp"

namespace guiche::demo {
namespace {

struct DemoArticle {
  const char* title;
  const char* service;
  const char* category;
  const char* audience;
  const char* body;
};

const std::vector<DemoArticle>& demo_articles() {
  static const std::vector<DemoArticle> articles = {
      {"Como redefinir a senha do e-mail institucional", "INF-EMAIL", "E-mail", "public",
       "Esqueceu a senha do e-mail (webmail) ou ela expirou? Você mesmo pode criar uma nova, "
       "sem registrar uma solicitação.\n\n"
       "## Passo a passo\n\n"
       "1. Abra o webmail em [webmail.es.gov.br](https://webmail.es.gov.br).\n"
       "2. Clique em **Esqueci minha senha**.\n"
       "3. Informe o seu endereço de e-mail institucional e o CPF.\n"
       "4. Abra a mensagem enviada ao seu e-mail alternativo ou celular cadastrado e siga o link.\n"
       "5. Escolha uma senha com ao menos 10 caracteres, com letras e números.\n\n"
       "## Se não funcionar\n\n"
       "- Confira se o *Caps Lock* está desligado.\n"
       "- Depois de 5 tentativas erradas a caixa fica bloqueada por 30 minutos: aguarde e tente "
       "de novo.\n"
       "- Sem e-mail alternativo ou celular cadastrado, registre uma solicitação do serviço "
       "**Correio eletrônico institucional** informando a sua matrícula."},
      {"Como configurar o e-mail institucional no celular", "INF-EMAIL", "E-mail", "public",
       "O e-mail institucional funciona no aplicativo de e-mail do celular (Android ou iPhone).\n\n"
       "## Dados da conta\n\n"
       "- Tipo de conta: **Exchange** (ou *Microsoft 365*).\n"
       "- Usuário: o seu endereço de e-mail completo.\n"
       "- Servidor: `outlook.office365.com`.\n\n"
       "Se o aplicativo pedir, aceite as políticas de segurança: elas exigem uma senha ou "
       "biometria para desbloquear o celular."},
      {"A impressora não imprime: o que verificar antes de abrir um chamado", "SUP-EQUIP",
       "Impressão", "public",
       "Boa parte dos problemas de impressão se resolve em poucos minutos.\n\n"
       "## Verifique\n\n"
       "1. A impressora está ligada e sem luz de erro no painel?\n"
       "2. Há papel na bandeja e nenhuma folha presa?\n"
       "3. No computador, a impressora certa está escolhida (a de rede tem o nome da sala, como "
       "`IMP-SALA-204`)?\n"
       "4. Na fila de impressão, cancele os documentos parados e mande imprimir de novo.\n\n"
       "Se continuar sem imprimir, registre uma solicitação de **Suporte a estações de trabalho "
       "e periféricos** com o número de patrimônio da impressora."},
      {"Como acessar a VPN de casa", "SEG-VPN", "Acesso remoto", "public",
       "A VPN dá acesso aos sistemas internos fora da rede do Governo.\n\n"
       "1. Instale o cliente indicado pela sua unidade (peça à chefia o perfil de acesso).\n"
       "2. Entre com o mesmo login e senha da rede.\n"
       "3. Confirme o código enviado ao seu celular.\n\n"
       "O acesso precisa ter sido liberado antes: sem liberação, registre uma solicitação de "
       "**Acesso remoto (VPN)** com a autorização da chefia."},
      {"Primeiro acesso aos sistemas corporativos", "SIS-ACESSO", "Acesso", "public",
       "Depois que o acesso é liberado, você recebe por e-mail o login e uma senha provisória.\n\n"
       "- No primeiro acesso o sistema pede uma **nova senha**.\n"
       "- A senha provisória vale por 48 horas.\n"
       "- Se ela expirou, peça uma nova na mesma solicitação, respondendo à mensagem."},
      {"Desbloqueio de caixa postal após tentativas de senha", "INF-EMAIL", "E-mail", "internal",
       "Procedimento interno da central de serviços.\n\n"
       "1. Confirme a identidade do solicitante (matrícula e CPF).\n"
       "2. No console de administração do correio, localize a caixa e use **Desbloquear conta**.\n"
       "3. Se a senha também expirou, gere uma senha provisória e marque *trocar no próximo "
       "acesso*.\n\n"
       "Nunca informe a senha por telefone: envie ao e-mail alternativo cadastrado."},
      {"Reinício do serviço de impressão no servidor de filas", "SUP-EQUIP", "Impressão",
       "internal",
       "Quando várias impressoras de um prédio param ao mesmo tempo, o serviço de filas pode ter "
       "travado.\n\n"
       "```\nsc.exe stop spooler\nsc.exe start spooler\n```\n\n"
       "Registre o reinício como nota interna nos chamados afetados."},
  };
  return articles;
}

}  // namespace

void create_knowledge_articles(World& w) {
  std::int64_t email_article = 0;
  for (const auto& a : demo_articles()) {
    app::ArticleDraft d;
    d.title = a.title;
    d.body = a.body;
    d.service_code = a.service;
    d.category = a.category;
    d.audience = a.audience;
    const auto saved = w.desk.knowledge().create(w.as("admin"), d);
    if (email_article == 0) email_article = saved.id;
    w.tick();
  }
  for (const char* who : {"solicitante", "cidadao"}) {
    w.desk.knowledge().record_avoided(w.as(who), email_article);
  }
}

}  // namespace guiche::demo
