#include "domain/category.hpp"

#include <array>

namespace guiche {
namespace {

struct CategoryInfo {
  Category category;
  std::string_view code;
  std::string_view label;
  std::string_view guidance;
};

constexpr std::array<CategoryInfo, 6> kCategories{{
    {Category::technical_consultation, "technical_consultation", "Consulta técnica",
     "Dúvidas sobre a utilização da ferramenta, acompanhamento de chamados, integrações entre "
     "sistemas. Solução em até 2 horas corridas."},
    {Category::defect_with_stoppage, "defect_with_stoppage", "Defeito com paralisação do serviço",
     "Erros que impedem a solicitação ou o atendimento do serviço público, como sistema fora do "
     "ar. Solução em até 4 horas corridas."},
    {Category::defect_without_stoppage, "defect_without_stoppage",
     "Defeito sem paralisação do serviço",
     "Erros que não inviabilizam a solicitação ou o atendimento do serviço público. Solução em "
     "até 24 horas corridas."},
    {Category::service_request, "service_request", "Solicitação de serviço",
     "Pedidos de serviços do catálogo: acessos, instalações, configurações."},
    {Category::incident, "incident", "Incidente",
     "Falha, instabilidade ou interrupção de um serviço de TIC."},
    {Category::project, "project", "Projeto",
     "Projetos de sistema ou infraestrutura: o prazo é acordado entre as partes, após análise de "
     "viabilidade."},
}};

}  // namespace

std::string_view category_code(Category c) {
  return kCategories[static_cast<int>(c)].code;
}
std::string_view category_label_pt(Category c) {
  return kCategories[static_cast<int>(c)].label;
}
std::string_view category_guidance_pt(Category c) {
  return kCategories[static_cast<int>(c)].guidance;
}

std::optional<Category> parse_category(std::string_view code) {
  for (const auto& info : kCategories) {
    if (info.code == code) return info.category;
  }
  return std::nullopt;
}

}  // namespace guiche
