#pragma once
// The chatbot's input for one inbound Cloud API message (an item of a webhook's
// `value.messages`): text, a tapped reply button or list row (`interactive.button_reply`,
// `interactive.list_reply`), a template's quick-reply button (`button`: its payload is the id),
// an image or a document; any other type (audio, sticker, location, contacts, reaction…) is
// UnsupportedIn with its type. Never throws: a malformed item is UnsupportedIn too.
#include <nlohmann/json.hpp>

#include "domain/chatbot/bot_io.hpp"

namespace guiche::chatbot {

BotInput bot_input_of_cloud_message(const nlohmann::json& message);

}  // namespace guiche::chatbot
