"""The shapes and limits of the Cloud API's send-message request, as the fake
(whatsapp_cloud.py) checks them. Each check answers None (valid) or a Graph
error (code, message) the fake returns with HTTP 400.

Sources (Meta's documentation of the WhatsApp Business Platform):
- Messages API, POST /<PHONE_NUMBER_ID>/messages:
  https://developers.facebook.com/documentation/business-messaging/whatsapp/reference/whatsapp-business-phone-number/message-api
- Text messages: body up to 4096 characters:
  https://developers.facebook.com/documentation/business-messaging/whatsapp/messages/text-messages
- Interactive reply buttons: 1 to 3 buttons, title up to 20 characters,
  id up to 256 characters and unique, body up to 1024, header/footer up to 60:
  https://developers.facebook.com/documentation/business-messaging/whatsapp/messages/interactive-reply-buttons-messages
- Interactive lists: "up to 10 sections, with up to 10 rows for all sections
  combined"; button label up to 20, section title up to 24, row id up to 200,
  row title up to 24, row description up to 72, body up to 4096, header and
  footer up to 60; more than one section needs section titles:
  https://developers.facebook.com/documentation/business-messaging/whatsapp/messages/interactive-list-messages
- Template messages (name, language.code, components with parameters); a
  text parameter may not hold new lines, tabs or more than 4 consecutive
  spaces (error 132018):
  https://developers.facebook.com/documentation/business-messaging/whatsapp/templates/template-messages
- Error codes (131008 required parameter missing, 131009 parameter value not
  valid, 132000 parameter count mismatch, 132001 template does not exist):
  https://developers.facebook.com/documentation/business-messaging/whatsapp/support/error-codes
"""
import re

MISSING = 131008
INVALID = 131009

TO = re.compile(r"^\+?[0-9]{8,15}$")


def _text(value, name, limit, required=True):
    if value is None or value == "":
        return (MISSING, f"Required parameter is missing: {name}") if required else None
    if not isinstance(value, str):
        return (INVALID, f"Parameter value is not valid: {name} must be a string")
    if len(value) > limit:
        return (INVALID, f"Parameter value is not valid: {name} longer than {limit} characters")
    return None


def _header_footer(interactive):
    header = interactive.get("header")
    if header is not None:
        if header.get("type") == "text":
            err = _text(header.get("text"), "interactive.header.text", 60)
            if err:
                return err
    footer = interactive.get("footer")
    if footer is not None:
        return _text(footer.get("text"), "interactive.footer.text", 60)
    return None


def _buttons(interactive):
    err = _text((interactive.get("body") or {}).get("text"), "interactive.body.text", 1024)
    if err:
        return err
    buttons = (interactive.get("action") or {}).get("buttons")
    if not isinstance(buttons, list) or not 1 <= len(buttons) <= 3:
        return (INVALID, "Parameter value is not valid: 1 to 3 buttons")
    ids, titles = set(), set()
    for b in buttons:
        if b.get("type") != "reply":
            return (INVALID, "Parameter value is not valid: button type must be reply")
        reply = b.get("reply") or {}
        err = _text(reply.get("id"), "button.reply.id", 256) or _text(
            reply.get("title"), "button.reply.title", 20)
        if err:
            return err
        if reply["id"] in ids or reply["title"] in titles:
            return (INVALID, "Parameter value is not valid: buttons must be unique")
        ids.add(reply["id"])
        titles.add(reply["title"])
    return _header_footer(interactive)


def _list(interactive):
    err = _text((interactive.get("body") or {}).get("text"), "interactive.body.text", 4096)
    if err:
        return err
    action = interactive.get("action") or {}
    err = _text(action.get("button"), "interactive.action.button", 20)
    if err:
        return err
    sections = action.get("sections")
    if not isinstance(sections, list) or not 1 <= len(sections) <= 10:
        return (INVALID, "Parameter value is not valid: 1 to 10 sections")
    rows, ids = 0, set()
    for s in sections:
        err = _text(s.get("title"), "section.title", 24, required=len(sections) > 1)
        if err:
            return err
        for row in s.get("rows") or []:
            rows += 1
            err = (_text(row.get("id"), "row.id", 200) or _text(row.get("title"), "row.title", 24)
                   or _text(row.get("description"), "row.description", 72, required=False))
            if err:
                return err
            if row["id"] in ids:
                return (INVALID, "Parameter value is not valid: row ids must be unique")
            ids.add(row["id"])
    if not 1 <= rows <= 10:
        return (INVALID, "Parameter value is not valid: 1 to 10 rows in all sections")
    return _header_footer(interactive)


def _template(template, known):
    err = _text(template.get("name"), "template.name", 512)
    if err:
        return err
    err = _text((template.get("language") or {}).get("code"), "template.language.code", 15)
    if err:
        return err
    count = 0
    for component in template.get("components") or []:
        if component.get("type") not in ("header", "body", "button", "footer"):
            return (INVALID, "Parameter value is not valid: component type")
        for p in component.get("parameters") or []:
            if p.get("type") != "text":
                continue
            text = p.get("text")
            if not isinstance(text, str) or text == "":
                return (MISSING, "Required parameter is missing: parameter text")
            if "\n" in text or "\t" in text or "     " in text:
                return (132018, "There was an issue with the parameters in your template: "
                                "new lines, tabs or more than 4 consecutive spaces")
            if component["type"] == "body":
                count += 1
    if known is not None:
        expected = known.get(template["name"])
        if expected is None:
            return (132001, "Template name does not exist in the translation")
        if expected != count:
            return (132000, "Number of parameters does not match the expected number of params")
    return None


def _media(media, kind):
    if not isinstance(media, dict):
        return (MISSING, f"Required parameter is missing: {kind}")
    has_id, has_link = bool(media.get("id")), bool(media.get("link"))
    if has_id == has_link:
        return (INVALID, f"Parameter value is not valid: {kind} needs an id or a link, not both")
    if has_link and not re.match(r"^https?://", media["link"]):
        return (INVALID, f"Parameter value is not valid: {kind}.link")
    return _text(media.get("caption"), f"{kind}.caption", 1024, required=False)


def check_message(body, known_templates=None):
    """None when `body` is a valid send request, else (code, message).
    `known_templates`: {name: number of body parameters}, or None to accept any."""
    if not isinstance(body, dict):
        return (100, "Invalid parameter")
    if body.get("messaging_product") != "whatsapp":
        return (MISSING, "Required parameter is missing: messaging_product")
    if body.get("recipient_type", "individual") != "individual":
        return (INVALID, "Parameter value is not valid: recipient_type")
    if not isinstance(body.get("to"), str) or not TO.match(body["to"]):
        return (INVALID, "Parameter value is not valid: to")
    context = body.get("context")
    if context is not None and not (isinstance(context, dict) and context.get("message_id")):
        return (INVALID, "Parameter value is not valid: context.message_id")
    kind = body.get("type", "text")
    if kind == "text":
        return _text((body.get("text") or {}).get("body"), "text.body", 4096)
    if kind == "interactive":
        interactive = body.get("interactive") or {}
        if interactive.get("type") == "button":
            return _buttons(interactive)
        if interactive.get("type") == "list":
            return _list(interactive)
        return (INVALID, "Parameter value is not valid: interactive.type")
    if kind == "template":
        return _template(body.get("template") or {}, known_templates)
    if kind in ("image", "document"):
        return _media(body.get(kind), kind)
    return (INVALID, f"Parameter value is not valid: type {kind}")
