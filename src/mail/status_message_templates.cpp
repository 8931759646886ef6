#include "mail/status_message_templates.hpp"

namespace guiche::mail {

const std::map<std::string, StatusMessageDefault>& status_message_defaults() {
  static const std::map<std::string, StatusMessageDefault> table = {
      // 6.1 Confirmação de Recebimento de Notificação
      {"incident_receipt",
       {"Confirmação de Recebimento de Notificação",
        "Prezado, recebemos sua notificação sobre o possível incidente no {{component}}.\n\n"
        "Solicitamos que realize a abertura de uma solicitação de atendimento (SA) através do "
        "site {{portal_url}}, caso ainda não tenha feito. Após o registro, favor postar o número "
        "da SA no {{group}} para que a equipe responsável pelo referido serviço possa dar "
        "prosseguimento ao chamado.\n\n"
        "Agradecemos pela comunicação.\n",
        {"component", "portal_url", "group"}}},
      // 6.2 Indisponibilidade Não Confirmada (Sistema Operando Normalmente)
      {"incident_not_confirmed",
       {"{{agency}} Informa: Notificação de Status Normal",
        "Prezados, após a análise de monitoramento, informamos que o {{component}} está operando "
        "normalmente, sem evidências de instabilidade no momento.\n\n"
        "Sugerimos que o(s) usuário(s) verifique(m) possíveis variáveis locais, como rede de "
        "acesso ou dispositivos utilizados.\n\n"
        "Caso persista qualquer dificuldade, a equipe está à disposição para suporte adicional.\n",
        {"agency", "component"}}},
      // 6.3 Detecção/Confirmação do Incidente
      {"incident_confirmed",
       {"{{agency}} Informa: Aviso de Indisponibilidade",
        "Prezados, detectamos uma instabilidade no {{component}} que pode afetar {{impact}}.\n\n"
        "Nossa equipe está trabalhando para identificar a causa e resolver o incidente o mais "
        "breve possível.\n\n"
        "Atualizações serão enviadas neste canal.\n\n"
        "Data/Hora: {{when}}\n",
        {"agency", "component", "impact", "when"}}},
      // 6.4 Notificação de Restabelecimento do Serviço
      {"incident_restored",
       {"{{agency}} Informa: Serviço Restabelecido",
        "Informamos que o {{component}} foi restabelecido e está operando normalmente.\n\n"
        "Agradecemos pela compreensão durante o período de indisponibilidade.\n\n"
        "Qualquer problema adicional, favor nos informar.\n\n"
        "Data/Hora: {{when}}\n",
        {"agency", "component", "when"}}},
      // 6.5 Programação de Manutenção Preventiva ou Corretiva
      {"maintenance_scheduled",
       {"{{agency}} Informa: Manutenção Programada",
        "Prezados, informamos que o {{component}} passará por manutenção programada no dia "
        "{{date}}, das {{start_time}} às {{end_time}}.\n\n"
        "O objetivo desta manutenção é a atualização do {{component}}, buscando maior "
        "estabilidade, novas funcionalidades e redução de vulnerabilidades.\n\n"
        "Durante esse período, o serviço poderá apresentar instabilidades ou ficar "
        "temporariamente indisponível.\n\n"
        "Pedimos que programem suas atividades considerando essa manutenção.\n\n"
        "Data do Aviso: {{when}}\n",
        {"agency", "component", "date", "start_time", "end_time", "when"}}},
      // 6.6 Detecção/Confirmação do Incidente Restrito ao Órgão
      {"incident_confirmed_organization",
       {"{{agency}} Informa: Aviso de Indisponibilidade no {{organization}}",
        "Prezados, detectamos uma instabilidade no {{component}} que pode afetar {{impact}}.\n\n"
        "Nossa equipe está trabalhando para identificar a causa e resolver o incidente o mais "
        "breve possível.\n\n"
        "Atualizações serão enviadas neste canal.\n\n"
        "Data/Hora: {{when}}\n",
        {"agency", "organization", "component", "impact", "when"}}},
      {"notice_update",
       {"{{agency}} Informa: Atualização sobre o {{component}}",
        "{{text}}\n\n"
        "Data/Hora: {{when}}\n",
        {"agency", "component", "text", "when"}}},
      {"leadership_confirmation",
       {"{{agency}} Informa: Confirmação de Indisponibilidade",
        "Confirmamos a indisponibilidade do {{component}}, que pode afetar {{impact}}. A equipe "
        "responsável está trabalhando para restabelecer o serviço o mais breve possível.\n\n"
        "{{signature}}\n\n"
        "Data/Hora: {{when}}\n",
        {"agency", "component", "impact", "signature", "when"}}},
      {"leadership_restoration",
       {"{{agency}} Informa: Restabelecimento do Serviço",
        "Informamos que o {{component}} foi restabelecido. Agradecemos pela compreensão de "
        "todos durante o período de indisponibilidade.\n\n"
        "{{signature}}\n\n"
        "Data/Hora: {{when}}\n",
        {"agency", "component", "signature", "when"}}},
      {"maintenance_rescheduled",
       {"{{agency}} Informa: Manutenção Reprogramada",
        "Prezados, a manutenção programada do {{component}} foi reprogramada para o dia "
        "{{date}}, das {{start_time}} às {{end_time}}.\n\n"
        "Pedimos que programem suas atividades considerando a nova data.\n\n"
        "Data do Aviso: {{when}}\n",
        {"agency", "component", "date", "start_time", "end_time", "when"}}},
      {"maintenance_cancelled",
       {"{{agency}} Informa: Manutenção Cancelada",
        "Prezados, a manutenção programada do {{component}} para o dia {{date}}, das "
        "{{start_time}} às {{end_time}}, foi cancelada. O serviço segue operando normalmente.\n\n"
        "Data do Aviso: {{when}}\n",
        {"agency", "component", "date", "start_time", "end_time", "when"}}},
      // The desk's own reminders (app/incidents/notice_reminders.hpp): before a
      // maintenance starts, in 6.5's words; to ASCOM when an incident goes quiet.
      {"maintenance_reminder",
       {"{{agency}} Informa: Lembrete de Manutenção Programada",
        "Prezados, lembramos que o {{component}} passará por manutenção programada no dia "
        "{{date}}, das {{start_time}} às {{end_time}}.\n\n"
        "Durante esse período, o serviço poderá apresentar instabilidades ou ficar "
        "temporariamente indisponível.\n\n"
        "Pedimos que programem suas atividades considerando essa manutenção.\n\n"
        "Data do Aviso: {{when}}\n",
        {"agency", "component", "date", "start_time", "end_time", "when"}}},
      {"incident_update_reminder",
       {"Lembrete: publique uma atualização sobre o {{component}}",
        "O incidente no {{component}} segue em aberto, sem mensagem publicada desde {{when}}.\n\n"
        "Publique uma atualização, mesmo que seja para informar que a equipe segue trabalhando: "
        "{{portal_url}}\n",
        {"component", "when", "portal_url"}}},
      {"maintenance_completed",
       {"{{agency}} Informa: Manutenção Concluída",
        "Prezados, a manutenção programada do {{component}} foi concluída e o serviço está "
        "operando normalmente.\n\n"
        "Data/Hora: {{when}}\n",
        {"agency", "component", "when"}}},
  };
  return table;
}

}  // namespace guiche::mail
