// The OpenAPI rows and schemas of the knowledge base (api/knowledge_routes.cpp).
#include <nlohmann/json.hpp>

#include "api/openapi_operations.hpp"

namespace guiche::api {

const std::vector<OperationDoc>& knowledge_operations() {
  static const std::vector<OperationDoc> ops = {
      {"GET",
       "/api/v1/knowledge/articles",
       "Artigos da base de conhecimento: sem q, os mais recentes; com q, os que têm todas as "
       "palavras no título ou no texto, sem diferença de acentos, os melhores primeiro. Sem "
       "entrar, só os públicos publicados; a equipe vê também os internos e os rascunhos",
       "conhecimento",
       nullptr,
       "KnowledgeArticleList",
       200,
       {"q", "service_code", "limit"},
       false},
      {"POST",
       "/api/v1/knowledge/articles",
       "Escreve um artigo: administradores, qualquer um; gerentes, os dos serviços das suas "
       "unidades (e abaixo) e os gerais; analistas, os dos serviços das suas unidades",
       "conhecimento",
       "NewKnowledgeArticle",
       "KnowledgeArticle",
       201,
       {}},
      {"GET",
       "/api/v1/knowledge/articles/:id",
       "Um artigo, com o texto (body, na marcação da base) e o HTML que ele vira; 404 para um "
       "artigo interno ou rascunho a quem não é da equipe",
       "conhecimento",
       nullptr,
       "KnowledgeArticle",
       200,
       {},
       false},
      {"PUT",
       "/api/v1/knowledge/articles/:id",
       "Altera um artigo inteiro; o endereço (slug) não muda",
       "conhecimento",
       "NewKnowledgeArticle",
       "KnowledgeArticle",
       200,
       {}},
      {"POST",
       "/api/v1/knowledge/articles/:id/avoided",
       "\"Sim, resolveu meu problema\": conta a pessoa uma vez como solicitação evitada",
       "conhecimento",
       nullptr,
       "KnowledgeAvoided",
       200,
       {}},
      {"GET",
       "/api/v1/tickets/:id/articles",
       "Os artigos vinculados ao chamado (só a equipe que vê o chamado)",
       "conhecimento",
       nullptr,
       "KnowledgeArticleList",
       200,
       {}},
      {"POST",
       "/api/v1/tickets/:id/articles",
       "Vincula um artigo ao chamado (quem atende o chamado); vincular de novo não muda nada",
       "conhecimento",
       "KnowledgeTicketLink",
       "KnowledgeArticleList",
       200,
       {}},
      {"DELETE",
       "/api/v1/tickets/:id/articles/:article_id",
       "Desvincula um artigo do chamado",
       "conhecimento",
       nullptr,
       nullptr,
       204,
       {}},
  };
  return ops;
}

nlohmann::ordered_json openapi_knowledge_schemas() {
  return nlohmann::ordered_json::parse(R"JSON({
  "NewKnowledgeArticle": {"type": "object", "required": ["title", "body"], "properties": {
    "title": {"type": "string", "maxLength": 200},
    "body": {"type": "string", "maxLength": 50000, "description": "marcação da base: # títulos, - listas, **negrito**, *itálico*, `código`, [texto](https://...)"},
    "audience": {"type": "string", "enum": ["public", "internal"], "default": "public"},
    "category": {"type": "string", "maxLength": 80},
    "service_code": {"type": "string", "description": "vazio: artigo geral"},
    "published": {"type": "boolean", "default": true}}},
  "KnowledgeArticleSummary": {"type": "object", "properties": {
    "id": {"type": "integer"},
    "slug": {"type": "string"},
    "title": {"type": "string"},
    "audience": {"type": "string", "enum": ["public", "internal"]},
    "category": {"type": "string"},
    "service_id": {"type": ["integer", "null"]},
    "published": {"type": "boolean"},
    "created_at": {"type": "string", "format": "date-time"},
    "updated_at": {"type": "string", "format": "date-time"},
    "requests_avoided": {"type": "integer"},
    "url": {"type": "string"},
    "excerpt": {"type": "string"}}},
  "KnowledgeArticleList": {"type": "object", "properties": {
    "items": {"type": "array", "items": {"$ref": "#/components/schemas/KnowledgeArticleSummary"}}}},
  "KnowledgeArticle": {"type": "object", "properties": {
    "id": {"type": "integer"},
    "slug": {"type": "string"},
    "title": {"type": "string"},
    "body": {"type": "string"},
    "html": {"type": "string", "description": "o texto em HTML, com tudo o que foi digitado escapado"},
    "audience": {"type": "string", "enum": ["public", "internal"]},
    "category": {"type": "string"},
    "service_id": {"type": ["integer", "null"]},
    "service_code": {"type": ["string", "null"]},
    "author_name": {"type": "string"},
    "published": {"type": "boolean"},
    "created_at": {"type": "string", "format": "date-time"},
    "updated_at": {"type": "string", "format": "date-time"},
    "requests_avoided": {"type": "integer"},
    "url": {"type": "string"},
    "files": {"type": "array", "items": {"type": "object", "properties": {
      "id": {"type": "integer"}, "filename": {"type": "string"}, "content_type": {"type": "string"},
      "size": {"type": "integer"}, "url": {"type": "string"}}}}}},
  "KnowledgeAvoided": {"type": "object", "properties": {
    "counted": {"type": "boolean", "description": "false quando a pessoa já tinha sido contada"},
    "requests_avoided": {"type": "integer"}}},
  "KnowledgeTicketLink": {"type": "object", "required": ["article_id"], "properties": {
    "article_id": {"type": "integer"}}}
})JSON");
}

}  // namespace guiche::api
