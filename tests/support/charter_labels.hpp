#pragma once
// The labels of Lei 13.460 art. 7's fields as the charter shows them, in the
// law's order (web/charter/charter_view.cpp), for the tests of the pages and
// of the printed charter.
#include <string>
#include <vector>

namespace guiche::testing {

inline const std::vector<std::string> kArt7Labels = {
    "O que é este serviço",
    "Quem pode utilizar este serviço",
    "Documentos necessários",
    "Etapas de processamento",
    "Custo",
    "Prazo máximo para atendimento",
    "Canais de acesso a este serviço",
    "Canais de comunicação ao usuário",
    "Canais para manifestações dos usuários sobre a prestação do serviço",
    "Compromisso de atendimento"};

}  // namespace guiche::testing
