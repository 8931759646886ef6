// Message templates rendered with hostile values (mail/templates.cpp): any
// text in any placeholder, an admin's edited template text, and the message
// composed for SMTP (mail/mime.cpp). Whatever the values hold, the HTML part
// shows them escaped and they cannot add a header to the message.
#include <fuzzer/FuzzedDataProvider.h>

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "mail/mime.hpp"
#include "mail/templates.hpp"

namespace {

constexpr std::string_view kInjected = "\r\nX-Injetado: sim";
constexpr std::string_view kMarkup = "<b onclick=x>";

nlohmann::json value_from(FuzzedDataProvider& in, int depth) {
  switch (in.ConsumeIntegralInRange(0, depth > 2 ? 2 : 5)) {
    case 0:
      return std::string(kMarkup) + in.ConsumeRandomLengthString(200) + std::string(kInjected);
    case 1:
      return in.ConsumeRandomLengthString(200);
    case 2:
      return in.ConsumeBool();
    case 3:
      return in.ConsumeIntegral<std::int64_t>();
    case 4: {
      auto list = nlohmann::json::array();
      for (int i = in.ConsumeIntegralInRange(0, 3); i > 0; --i)
        list.push_back(value_from(in, depth + 1));
      return list;
    }
    default: {
      auto object = nlohmann::json::object();
      for (int i = in.ConsumeIntegralInRange(0, 3); i > 0; --i)
        object[in.ConsumeRandomLengthString(10)] = value_from(in, depth + 1);
      return object;
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider in(data, size);
  const auto& keys = guiche::mail::template_keys();
  const auto& key = keys[in.ConsumeIntegralInRange<std::size_t>(0, keys.size() - 1)];
  auto t = *guiche::mail::default_template(key);
  auto values = nlohmann::json::object();
  for (const auto& name : guiche::mail::template_placeholders(key))
    values[name] = value_from(in, 0);
  const bool edited = in.ConsumeBool();
  if (edited) {
    // An admin's text: rendered only once template_error accepts it, as the
    // admin pages do.
    const auto text = in.ConsumeRandomLengthString(1 << 16);
    if (guiche::mail::template_error(text)) return 0;
    (in.ConsumeBool() ? t.html : t.text) = text;
  }
  try {
    const auto rendered = guiche::mail::render(t, values);
    guiche::mail::unfilled_placeholders(t, values);
    if (!edited && !t.html.empty() && rendered.html.find(kMarkup) != std::string::npos)
      __builtin_trap();  // a value's markup reached the HTML part unescaped
    guiche::mail::Message m;
    m.from = {"Central de Serviços", "central@guiche.localhost"};
    m.to = {in.ConsumeRandomLengthString(40), "pessoa@exemplo.gov.br"};
    m.subject = rendered.subject;
    m.text = rendered.text;
    m.html = rendered.html;
    m.message_id = "<fuzz@guiche.localhost>";
    const auto message = guiche::mail::compose(m);
    const auto head = message.substr(0, message.find("\r\n\r\n"));
    // The value may show in a header (CR and LF made spaces), never start one.
    if (head.find("\nX-Injetado") != std::string::npos) __builtin_trap();
  } catch (const nlohmann::json::exception&) {
    // A value's bytes that are not UTF-8 cannot be dumped as JSON: the desk's
    // values come from its own stored UTF-8.
  }
  return 0;
}
