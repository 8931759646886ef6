// parse_inbound(): GMime builds the MIME tree; this file walks it into an
// InboundMessage. Text decisions live in the helpers (charset, flowed,
// html_to_text, quote_trim, automatic).
#include <gmime/gmime.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "domain/ascii_text.hpp"
#include "mail/automatic.hpp"
#include "mail/charset.hpp"
#include "mail/flowed.hpp"
#include "mail/html_to_text.hpp"
#include "mail/inbound_message.hpp"
#include "mail/quote_trim.hpp"

namespace guiche::mail {

namespace {

// GMime's global state (charset maps, iconv cache) is set up once; the
// options are shared read-only by every parse, so parsing is thread-safe.
GMimeParserOptions* parser_options() {
  static std::once_flag once;
  static GMimeParserOptions* options = nullptr;
  std::call_once(once, [] {
    g_mime_init();
    options = g_mime_parser_options_new();
    // Raw 8-bit header text: UTF-8 when valid, else windows-1252.
    static const char* fallback[] = {"UTF-8", "windows-1252", nullptr};
    g_mime_parser_options_set_fallback_charsets(options, fallback);
    g_mime_parser_options_set_rfc2047_compliance_mode(options, GMIME_RFC_COMPLIANCE_LOOSE);
    g_mime_parser_options_set_address_compliance_mode(options, GMIME_RFC_COMPLIANCE_LOOSE);
    g_mime_parser_options_set_parameter_compliance_mode(options, GMIME_RFC_COMPLIANCE_LOOSE);
  });
  return options;
}

struct Unref {
  void operator()(gpointer p) const { g_object_unref(p); }
};
template <class T>
using Owned = std::unique_ptr<T, Unref>;

std::string trimmed(const char* s) {
  if (s == nullptr) return "";
  std::string_view v(s);
  while (!v.empty() && std::isspace(static_cast<unsigned char>(v.front()))) v.remove_prefix(1);
  while (!v.empty() && std::isspace(static_cast<unsigned char>(v.back()))) v.remove_suffix(1);
  return std::string(v);
}

std::string header(GMimeObject* object, const char* name) {
  return trimmed(g_mime_object_get_header(object, name));
}

std::string media_type(GMimeObject* object) {
  GMimeContentType* ct = g_mime_object_get_content_type(object);
  if (ct == nullptr) return "application/octet-stream";
  const char* type = g_mime_content_type_get_media_type(ct);
  const char* subtype = g_mime_content_type_get_media_subtype(ct);
  return ascii_lower(std::string(type ? type : "application") + "/" +
                     (subtype ? subtype : "octet-stream"));
}

// A plausible addr-spec: one '@' with something on both sides, no spaces.
bool plausible_email(std::string_view e) {
  const size_t at = e.find('@');
  if (at == 0 || at == std::string_view::npos || at + 1 >= e.size()) return false;
  if (e.find('@', at + 1) != std::string_view::npos) return false;
  for (const char c : e)
    if (static_cast<unsigned char>(c) <= ' ' || c == '<' || c == '>' || c == '"' || c == ',')
      return false;
  return true;
}

void collect(InternetAddressList* list, std::vector<Address>& out) {
  if (list == nullptr) return;
  for (int i = 0; i < internet_address_list_length(list); ++i) {
    InternetAddress* ia = internet_address_list_get_address(list, i);
    if (INTERNET_ADDRESS_IS_GROUP(ia)) {
      collect(internet_address_group_get_members(INTERNET_ADDRESS_GROUP(ia)), out);
      continue;
    }
    const std::string email =
        trimmed(internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(ia)));
    if (!plausible_email(email)) continue;
    std::string name = trimmed(internet_address_get_name(ia));
    if (!is_valid_utf8(name)) name = to_utf8(name, "");
    out.push_back({name, email});
  }
}

// Best effort for a From GMime could not read: the first word with an '@'
// ("Name <a@b" gives "a@b").
std::optional<Address> salvage_address(std::string_view raw) {
  const size_t at = raw.find('@');
  if (at == std::string_view::npos) return std::nullopt;
  auto stop = [](char c) {
    return static_cast<unsigned char>(c) <= ' ' ||
           std::string_view("<>\"(),;:[]").find(c) != std::string_view::npos;
  };
  size_t begin = at, end = at + 1;
  while (begin > 0 && !stop(raw[begin - 1])) --begin;
  while (end < raw.size() && !stop(raw[end])) ++end;
  const std::string email(raw.substr(begin, end - begin));
  if (!plausible_email(email)) return std::nullopt;
  return Address{"", email};
}

// "<id>", built by appending: g++ 12 at -O3 (Release) reports a false
// -Wrestrict on `"<" + std::string(id)`, which inserts in front of a temporary.
std::string in_angle_brackets(std::string_view id) {
  std::string out;
  out.reserve(id.size() + 2);
  out += '<';
  out += id;
  out += '>';
  return out;
}

std::vector<std::string> message_ids(const std::string& value) {
  std::vector<std::string> ids;
  if (value.empty()) return ids;
  GMimeReferences* refs = g_mime_references_parse(parser_options(), value.c_str());
  if (refs == nullptr) return ids;
  for (int i = 0; i < g_mime_references_length(refs); ++i)
    ids.push_back(in_angle_brackets(g_mime_references_get_message_id(refs, i)));
  g_mime_references_free(refs);
  return ids;
}

// A name safe to store and offer for download: no directories, no control
// characters, at most ~120 bytes (cut on a UTF-8 boundary).
std::string safe_file_name(std::string name) {
  if (!is_valid_utf8(name)) name = to_utf8(name, "");
  const size_t slash = name.find_last_of("/\\");
  if (slash != std::string::npos) name.erase(0, slash + 1);
  for (char& c : name)
    if (static_cast<unsigned char>(c) < ' ' ||
        std::string_view(":*?\"<>|").find(c) != std::string_view::npos)
      c = '_';
  name = trimmed(name.c_str());
  while (!name.empty() && name.front() == '.') name.erase(0, 1);
  if (name.size() > 120) {
    size_t cut = 120;
    while (cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80) --cut;
    name.resize(cut);
  }
  return name;
}

std::string decoded_bytes(GMimePart* part) {
  GMimeDataWrapper* content = g_mime_part_get_content(part);
  if (content == nullptr) return "";
  Owned<GMimeStream> stream(g_mime_stream_mem_new());
  g_mime_data_wrapper_write_to_stream(content, stream.get());
  GByteArray* bytes = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(stream.get()));
  return std::string(reinterpret_cast<const char*>(bytes->data), bytes->len);
}

// The charset an HTML part declares in a <meta> when its MIME header does not.
std::string meta_charset(std::string_view html) {
  const std::string head = ascii_lower(html.substr(0, 4096));
  const size_t at = head.find("charset=");
  if (at == std::string::npos) return "";
  size_t begin = at + 8;
  while (begin < head.size() && (head[begin] == '"' || head[begin] == '\'')) ++begin;
  size_t end = begin;
  while (end < head.size() && (std::isalnum(static_cast<unsigned char>(head[end])) ||
                               head[end] == '-' || head[end] == '_'))
    ++end;
  return head.substr(begin, end - begin);
}

std::string without_cr(std::string s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i)
    if (s[i] != '\r' || (i + 1 < s.size() && s[i + 1] != '\n'))
      out.push_back(s[i] == '\r' ? '\n' : s[i]);
  return out;
}

bool is_calendar(const std::string& type) {
  return type == "text/calendar" || type == "application/ics";
}

class Walker {
 public:
  explicit Walker(InboundMessage& out) : out_(out) {}

  // body: text parts here are what the person wrote; otherwise they are the
  // other representation of an alternative already read (only files count).
  void walk(GMimeObject* object, bool body, bool related) {
    if (GMIME_IS_MESSAGE_PART(object)) return forwarded(GMIME_MESSAGE_PART(object));
    if (GMIME_IS_MULTIPART(object)) return multipart(GMIME_MULTIPART(object), body);
    if (GMIME_IS_PART(object)) return leaf(GMIME_PART(object), body, related);
  }

  // Without blank lines around it.
  std::string text() const {
    const size_t first = text_.find_first_not_of("\n");
    if (first == std::string::npos) return "";
    return text_.substr(first, text_.find_last_not_of(" \t\n") + 1 - first);
  }

 private:
  void multipart(GMimeMultipart* mp, bool body) {
    const std::string type = media_type(GMIME_OBJECT(mp));
    const int count = g_mime_multipart_get_count(mp);
    if (type == "multipart/alternative") {
      const int chosen = preferred_alternative(mp);
      for (int i = 0; i < count; ++i)
        walk(g_mime_multipart_get_part(mp, i), body && i == chosen, false);
      return;
    }
    if (type == "multipart/related") {
      // The root (first part, or the one named by start=) is the body; the
      // rest are the images it shows.
      int root = 0;
      const std::string start =
          trimmed(g_mime_object_get_content_type_parameter(GMIME_OBJECT(mp), "start"));
      for (int i = 0; i < count && !start.empty(); ++i) {
        const char* id = g_mime_object_get_content_id(g_mime_multipart_get_part(mp, i));
        if (id != nullptr && (in_angle_brackets(id) == start || id == start)) root = i;
      }
      for (int i = 0; i < count; ++i) walk(g_mime_multipart_get_part(mp, i), body, i != root);
      return;
    }
    for (int i = 0; i < count; ++i) walk(g_mime_multipart_get_part(mp, i), body, false);
  }

  // Plain text when it has something, else HTML, else whatever holds text.
  static int preferred_alternative(GMimeMultipart* mp) {
    const int count = g_mime_multipart_get_count(mp);
    int html = -1, nested = -1;
    for (int i = 0; i < count; ++i) {
      GMimeObject* part = g_mime_multipart_get_part(mp, i);
      const std::string type = media_type(part);
      if (type == "text/plain" && GMIME_IS_PART(part) &&
          !trimmed(decoded_bytes(GMIME_PART(part)).c_str()).empty())
        return i;
      if (type == "text/html" && html < 0) html = i;
      if (GMIME_IS_MULTIPART(part) && nested < 0) nested = i;
    }
    return html >= 0 ? html : nested >= 0 ? nested : 0;
  }

  void leaf(GMimePart* part, bool body, bool related) {
    GMimeObject* object = GMIME_OBJECT(part);
    const std::string type = media_type(object);
    const std::string disposition = ascii_lower(trimmed(g_mime_object_get_disposition(object)));
    const std::string file_name = trimmed(g_mime_part_get_filename(part));
    if (is_calendar(type)) return calendar(decoded_bytes(part), safe_file_name(file_name));
    const bool text = type == "text/plain" || type == "text/html";
    if (text && disposition != "attachment" && file_name.empty() && !related) {
      if (body) append_text(part, type == "text/html");
      return;
    }
    InboundAttachment a;
    a.content_type = type;
    a.bytes = decoded_bytes(part);
    a.content_id = trimmed(g_mime_object_get_content_id(object));
    a.is_inline = disposition != "attachment" &&
                  (related || (disposition == "inline" && !a.content_id.empty()));
    a.file_name = safe_file_name(file_name);
    if (a.file_name.empty()) a.file_name = unnamed(type);
    out_.attachments.push_back(std::move(a));
  }

  void append_text(GMimePart* part, bool html) {
    GMimeObject* object = GMIME_OBJECT(part);
    const std::string bytes = decoded_bytes(part);
    std::string charset = trimmed(g_mime_object_get_content_type_parameter(object, "charset"));
    if (charset.empty() && html) charset = meta_charset(bytes);
    std::string content = without_cr(to_utf8(bytes, charset));
    if (html) {
      content = html_to_text(content);
    } else if (ascii_lower(trimmed(g_mime_object_get_content_type_parameter(object, "format"))) ==
               "flowed") {
      const std::string delsp =
          ascii_lower(trimmed(g_mime_object_get_content_type_parameter(object, "delsp")));
      content = unflow(content, delsp == "yes");
    }
    if (trimmed(content.c_str()).empty()) return;
    if (!text_.empty()) text_ += "\n\n";
    text_ += content;
  }

  // Outlook and Gmail send an invitation twice (in the alternative and as a
  // file): one attachment per distinct invitation, under the sender's file
  // name when either copy has one ("convite.ics" only when none does).
  void calendar(std::string bytes, std::string name) {
    static constexpr const char* kUnnamed = "convite.ics";
    for (auto& a : out_.attachments) {
      if (a.content_type == "text/calendar" && without_cr(a.bytes) == without_cr(bytes)) {
        if (a.file_name == kUnnamed && !name.empty()) a.file_name = std::move(name);
        return;
      }
    }
    InboundAttachment a;
    a.file_name = name.empty() ? kUnnamed : std::move(name);
    a.content_type = "text/calendar";
    a.bytes = std::move(bytes);
    out_.attachments.push_back(std::move(a));
  }

  void forwarded(GMimeMessagePart* part) {
    GMimeMessage* message = g_mime_message_part_get_message(part);
    InboundAttachment a;
    a.content_type = "message/rfc822";
    if (message != nullptr) {
      char* raw = g_mime_object_to_string(GMIME_OBJECT(message), nullptr);
      a.bytes = raw ? raw : "";
      g_free(raw);
      // A subject is not a path: "45/2026" stays one name.
      std::string subject = trimmed(g_mime_message_get_subject(message));
      std::replace(subject.begin(), subject.end(), '/', '_');
      std::replace(subject.begin(), subject.end(), '\\', '_');
      a.file_name = safe_file_name(subject);
    }
    a.file_name = a.file_name.empty() ? "mensagem-encaminhada.eml" : a.file_name + ".eml";
    out_.attachments.push_back(std::move(a));
  }

  std::string unnamed(const std::string& type) {
    static const std::pair<std::string_view, std::string_view> kExtensions[] = {
        {"image/png", ".png"},
        {"image/jpeg", ".jpg"},
        {"image/gif", ".gif"},
        {"application/pdf", ".pdf"},
        {"text/plain", ".txt"},
        {"text/html", ".html"},
        {"message/delivery-status", ".txt"},
        {"text/rfc822-headers", ".txt"}};
    std::string name = "anexo-" + std::to_string(++unnamed_);
    for (const auto& [t, ext] : kExtensions)
      if (t == type) name += ext;
    return name;
  }

  InboundMessage& out_;
  std::string text_;
  int unnamed_ = 0;
};

}  // namespace

InboundMessage parse_inbound(std::string_view raw) {
  GMimeParserOptions* options = parser_options();
  // An mbox "From " separator line is not part of the message.
  if (raw.starts_with("From ")) {
    const size_t eol = raw.find('\n');
    raw.remove_prefix(eol == std::string_view::npos ? raw.size() : eol + 1);
  }
  if (raw.find_first_not_of(" \t\r\n") == std::string_view::npos)
    throw UnparseableMessage{"a mensagem está vazia"};

  Owned<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(raw.data(), raw.size()));
  Owned<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
  g_mime_parser_set_format(parser.get(), GMIME_FORMAT_MESSAGE);
  Owned<GMimeMessage> message(g_mime_parser_construct_message(parser.get(), options));
  if (!message) throw UnparseableMessage{"a mensagem não pôde ser lida como e-mail (RFC 5322)"};
  GMimeObject* top = GMIME_OBJECT(message.get());
  if (g_mime_header_list_get_count(g_mime_object_get_header_list(top)) == 0)
    throw UnparseableMessage{"a mensagem não tem cabeçalhos de e-mail reconhecíveis"};

  InboundMessage m;
  std::vector<Address> from;
  collect(g_mime_message_get_from(message.get()), from);
  if (!from.empty()) {
    m.from = from.front();
  } else if (const char* raw_from = g_mime_object_get_header(top, "From")) {
    m.from = salvage_address(raw_from);
  }
  collect(g_mime_message_get_to(message.get()), m.to);
  collect(g_mime_message_get_cc(message.get()), m.cc);
  m.return_path = header(top, "Return-Path");
  m.subject = trimmed(g_mime_message_get_subject(message.get()));
  if (!is_valid_utf8(m.subject)) m.subject = to_utf8(m.subject, "");
  if (const char* id = g_mime_message_get_message_id(message.get()); id != nullptr && *id)
    m.message_id = in_angle_brackets(id);
  const auto in_reply_to = message_ids(header(top, "In-Reply-To"));
  if (!in_reply_to.empty()) m.in_reply_to = in_reply_to.front();
  m.references = message_ids(header(top, "References"));
  if (g_mime_object_get_header(top, "Date") != nullptr) m.date_header = header(top, "Date");

  Walker walker(m);
  if (GMimeObject* body = g_mime_message_get_mime_part(message.get()))
    walker.walk(body, true, false);
  m.text = walker.text();
  m.text_trimmed = trim_quotes(m.text, is_forward_subject(m.subject));

  AutomaticSignals signals;
  signals.auto_submitted = header(top, "Auto-Submitted");
  signals.precedence = header(top, "Precedence");
  signals.x_autoreply = g_mime_object_get_header(top, "X-Autoreply") != nullptr ||
                        g_mime_object_get_header(top, "X-Autorespond") != nullptr;
  signals.return_path = m.return_path;
  signals.from_email = m.from ? m.from->email : "";
  if (GMimeObject* body = g_mime_message_get_mime_part(message.get())) {
    signals.content_type = media_type(body);
    signals.report_type =
        ascii_lower(trimmed(g_mime_object_get_content_type_parameter(body, "report-type")));
  }
  m.automatic = classify_automatic(signals);
  return m;
}

}  // namespace guiche::mail
