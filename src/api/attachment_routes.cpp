// Attachments: multipart upload to a ticket, the ticket's list, and the
// download of the stored bytes with the type sniffed when they arrived.
#include <cctype>
#include <string_view>

#include "api/access_reads.hpp"
#include "api/caller.hpp"
#include "api/json_fields.hpp"
#include "api/problem.hpp"
#include "api/route_groups.hpp"
#include "api/ticket_json.hpp"
#include "app/attachments/attachments.hpp"
#include "app/tickets/ticket_reads.hpp"
#include "http/multipart.hpp"

namespace guiche::api {
namespace {

// Room for the multipart framing (boundaries, part headers, the `public`
// field) around one file of the largest size the desk accepts. A body past
// it is refused before it is parsed, which would copy every part again.
constexpr std::int64_t kMultipartOverhead = 1024 * 1024;

// What a filename may keep in the quoted, ASCII-only `filename` of
// Content-Disposition: printable ASCII, except the quote and backslash that
// would end or escape the string, and '%', which some browsers decode there.
bool safe_in_fallback(unsigned char ch) {
  return ch >= 0x20 && ch < 0x7f && ch != '"' && ch != '\\' && ch != '%';
}

// RFC 5987 attr-char: what may stand unencoded in `filename*`.
bool attr_char(unsigned char ch) {
  return std::isalnum(ch) ||
         std::string_view("!#$&+-.^_`|~").find(static_cast<char>(ch)) != std::string_view::npos;
}

// RFC 6266: `filename` for old clients (every non-ASCII character shown as
// '_'), and `filename*` with the exact UTF-8 name for the rest, who prefer it.
std::string content_disposition(const std::string& filename) {
  static constexpr char digits[] = "0123456789ABCDEF";
  std::string fallback;
  std::string encoded;
  for (char c : filename) {
    const auto ch = static_cast<unsigned char>(c);
    if (ch >= 0x80) {
      if ((ch & 0xC0) != 0x80) fallback.push_back('_');  // one per code point, not per byte
    } else {
      fallback.push_back(safe_in_fallback(ch) ? c : '_');
    }
    if (attr_char(ch)) {
      encoded.push_back(c);
    } else {
      encoded += {'%', digits[ch >> 4], digits[ch & 0x0F]};
    }
  }
  if (fallback.empty()) fallback = "anexo";
  return "attachment; filename=\"" + fallback + "\"; filename*=UTF-8''" + encoded;
}

// "25 MB", "64 KB": the limit as a person reads it.
std::string size_label(std::int64_t bytes) {
  if (bytes >= 1024 * 1024) return std::to_string(bytes / (1024 * 1024)) + " MB";
  if (bytes >= 1024) return std::to_string(bytes / 1024) + " KB";
  return std::to_string(bytes) + " bytes";
}

bool public_flag(const http::Part& part) {
  if (part.filename) throw invalid_field("public", "O campo public não é um arquivo.");
  if (part.bytes == "true") return true;
  if (part.bytes == "false") return false;
  throw invalid_field("public", "O campo public deve ser true ou false.");
}

http::Response upload(ApiContext& ctx, const http::Request& r) {
  auto actor = require_caller(ctx, r);
  const auto ticket_id = path_id(r.params.at("id"));
  // A ticket the caller may not see is 404 whatever the body holds, so a bad
  // body cannot tell an unknown ticket from someone else's.
  ctx.desk.tickets().ticket(actor, ticket_id);

  const auto content_type = r.header("content-type").value_or("");
  if (!http::is_multipart_form_data(content_type)) {
    throw DomainError(DomainError::Kind::unsupported_type,
                      "Envie os arquivos como multipart/form-data.");
  }
  // A file past the policy's size is still kept (held) up to the larger limit.
  const std::int64_t limit =
      std::max(ctx.desk.config().max_attachment_bytes, ctx.desk.config().max_held_attachment_bytes);
  if (static_cast<std::int64_t>(r.body.size()) > limit + kMultipartOverhead) {
    throw DomainError(DomainError::Kind::too_large, "O corpo da requisição é grande demais.");
  }
  const auto parts = http::parse_multipart(content_type, r.body);
  if (!parts) {
    throw malformed(
        "Corpo multipart malformado: verifique o boundary, os delimitadores e o "
        "Content-Disposition de cada parte.");
  }

  bool is_public = true;
  std::vector<const http::Part*> files;
  for (const auto& part : *parts) {
    if (part.name == "public") {
      is_public = public_flag(part);
    } else if (part.name != "file") {
      throw invalid_field(part.name, "Campo desconhecido: " + part.name + ".");
    } else if (!part.filename) {
      throw malformed("O campo file deve trazer um arquivo (com filename).");
    } else if (!part.filename->empty() || !part.bytes.empty()) {
      // A browser sends an empty, nameless part for a file input left blank.
      files.push_back(&part);
    }
  }
  if (files.empty()) throw malformed("Envie ao menos um arquivo no campo file.");
  // The desk checks the batch too; checking sizes here names the limit the
  // way a person reads it before any file is sniffed.
  for (const auto* file : files) {
    if (static_cast<std::int64_t>(file->bytes.size()) > limit) {
      throw DomainError(
          DomainError::Kind::too_large,
          "O arquivo " + *file->filename + " excede o limite de " + size_label(limit) + ".");
    }
  }

  std::vector<app::NewAttachment> batch;
  for (const auto* file : files) batch.push_back({*file->filename, file->bytes});
  // The receipt: the files attached, and those the desk's policy did not
  // accept (kept, held for staff) with the reason.
  auto items = nlohmann::json::array();
  auto not_accepted = nlohmann::json::array();
  for (const auto& record : ctx.desk.attachments().attach_all(actor, ticket_id, batch, is_public)) {
    if (record.held()) {
      not_accepted.push_back(
          {{"id", record.id}, {"filename", record.filename}, {"reason", record.held_reason}});
    } else {
      items.push_back(attachment_json(record));
    }
  }
  return json_response(201, {{"items", items}, {"not_accepted", not_accepted}});
}

http::Response download(ApiContext& ctx, const http::Request& r) {
  auto actor = require_caller(ctx, r);
  auto content = ctx.desk.attachments().read_attachment(actor, path_id(r.params.at("id")));
  note_api_read(ctx, actor, r, content.requester_id, "attachment", content.record.id);
  http::Response response{200, content.record.content_type, std::move(content.bytes), {}};
  response.headers = {{"Content-Disposition", content_disposition(content.record.filename)},
                      // The type is the sniffed one: the browser must not guess another.
                      {"X-Content-Type-Options", "nosniff"},
                      // Should a browser render it anyway (text/xml, say), it runs nothing.
                      {"Content-Security-Policy", "default-src 'none'; sandbox"},
                      // Tickets hold personal data: no shared cache may keep a copy.
                      {"Cache-Control", "private, no-cache"}};
  return response;
}

}  // namespace

void add_attachment_routes(ApiContext& ctx, std::vector<http::Route>& routes) {
  auto route = [&](const char* method, const char* path,
                   std::function<http::Response(const http::Request&)> handler) {
    routes.push_back({method, path, [handler](const http::Request& r) {
                        return guarded([&] { return handler(r); });
                      }});
  };
  route("POST", "/api/v1/tickets/:id/attachments",
        [&ctx](const http::Request& r) { return upload(ctx, r); });
  route("GET", "/api/v1/tickets/:id/attachments", [&ctx](const http::Request& r) {
    auto actor = require_caller(ctx, r);
    auto items = nlohmann::json::array();
    for (const auto& a : ctx.desk.attachments().attachments(actor, path_id(r.params.at("id")))) {
      items.push_back(attachment_json(a));
    }
    return json_response(200, {{"items", items}});
  });
  route("GET", "/api/v1/attachments/:id",
        [&ctx](const http::Request& r) { return download(ctx, r); });
  // An admin releases a file the policy held: a normal attachment from then on.
  route("POST", "/api/v1/attachments/:id/release", [&ctx](const http::Request& r) {
    auto actor = require_caller(ctx, r);
    return json_response(
        200, attachment_json(ctx.desk.attachments().release(actor, path_id(r.params.at("id")))));
  });
}

}  // namespace guiche::api
