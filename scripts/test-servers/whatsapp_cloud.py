#!/usr/bin/env python3
"""A fake of the WhatsApp Business Platform's Cloud API, on 127.0.0.1, for the tests.

Usage: whatsapp_cloud.py PORT [TOKEN] [--templates FILE]   (PORT 0: any free port)
Prints the port it listens on, then serves until SIGTERM. TOKEN (default
"fake-token") is the bearer every phone number accepts unless told another.
--templates: a config/whatsapp_templates.json; template sends then must name
one of its templates with its number of body parameters.

The Cloud API it speaks (the documented shapes; limits in whatsapp_cloud_shapes.py):
  POST /{version}/{phone-number-id}/messages   Authorization: Bearer TOKEN
      -> 200 {"messaging_product":"whatsapp","contacts":[{"input","wa_id"}],
              "messages":[{"id":"wamid.…"}]}
      or a Graph error {"error":{"message","type","code","error_subcode"?,
              "error_data"?,"fbtrace_id"}}: 400 for a bad request or an
              injected 131047/130429/131056, 401 (code 190) for a wrong or
              expired token, 503 (code 2) while "down".
      After each accepted send it POSTs three signed status webhooks (sent,
      delivered, read) to the phone number's webhook URL, in order.
  POST /{version}/{phone-number-id}/media      multipart: messaging_product, type, file
      -> {"id":"<media id>"}
  GET  /{version}/{media-id}   -> {"messaging_product","url","mime_type","sha256","file_size","id"}
  GET  {that url}              -> the bytes (with the bearer)
  GET  /health                 -> {"status":"ok"} (the benchmark's round-trip baseline)

Webhooks are the Cloud API's envelope ({"object":"whatsapp_business_account",
"entry":[{"id","changes":[{"field":"messages","value":{…}}]}]}) signed with
X-Hub-Signature-256: sha256=HMAC-SHA256(app secret, raw body).

Every phone number id is its own world (its token, webhook, sent list,
injected faults), so tests running in parallel share one fake by each using
its own phone number id. Control API, all under /_control/{phone-number-id}/,
JSON in and out:
  POST config      {"webhook_url", "app_secret", "token", "statuses": bool,
                    "short_wa_id": bool}   any subset. statuses false: no status
                   webhooks after sends; short_wa_id: answer a Brazilian mobile's
                   wa_id in its 12-digit form, as WhatsApp does for old accounts.
  POST reset       forget everything of this phone number (sent, faults, media)
  GET  sent        {"messages":[{"id","to","type","request","at"}]}  accepted sends
  GET  attempts    {"count": N}  every send request, accepted or not
  POST fail        {"code": 131047|130429|131056|190|…, "count": N}  the next N
                   sends fail with that code (131047 only hits free-form sends:
                   a template goes through, as outside the real window)
  POST down        {"mode": "503"|"close"|null}  503: answer Graph error 2;
                   close: drop each connection unanswered; null: back up
  POST inbound     {"messages":[M, …], "name": "Maria"} posts ONE signed batch with
                   every message. M: {"from", "type": "text", "text"} |
                   {"type": "button_reply"|"list_reply", "id", "title"} |
                   {"type": "image"|"document", "media_id", "mime_type", "caption",
                   "filename"} | {"type": "unsupported"} | {"raw": {…}}; each may
                   carry "context_id" (the wamid replied to). -> {"ids", "status"}
  POST redeliver   posts the last batch again, byte for byte -> {"status"}
  POST statuses    {"statuses":[{"id","status","recipient_id","error_code"?,
                   "error_title"?}, …]} posts one batch with them, in that order
  POST wrong_signature {"count": N}  the next N webhooks are signed with a wrong secret
  POST media       {"mime_type", "data_base64"} stores a file to serve -> {"id"}
  GET  webhooks    {"posted":[{"body","status"}]} what it posted and the answers
  POST sink / GET sink  a webhook receiver for the fake's own checks: records
                   {"valid", "body"} of each POST signed with this app secret
"""
import base64
import email.parser
import hashlib
import hmac
import itertools
import json
import queue
import re
import signal
import socket
import sys
import threading
import time
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import whatsapp_cloud_shapes as shapes

ERRORS = {  # code: (HTTP status, message, type, subcode)
    131047: (400, "(#131047) Re-engagement message", "OAuthException", None),
    130429: (400, "(#130429) Rate limit hit", "OAuthException", None),
    131056: (400, "(#131056) (Business Account, Consumer Account) pair rate limit hit",
             "OAuthException", None),
    190: (401, "Error validating access token: Session has expired", "OAuthException", 463),
    2: (503, "Service temporarily unavailable", "OAuthException", None),
}
COUNTER = itertools.count(1)
LOCK = threading.Lock()
MEDIA = {}  # media id -> {"line", "data", "mime_type"}


class Line:
    """One phone number id's world."""

    def __init__(self, token):
        self.token = token
        self.webhook_url = ""
        self.app_secret = ""
        self.statuses = True
        self.short_wa_id = False
        self.sent = []
        self.attempts = 0
        self.faults = []  # [code, remaining]
        self.down = None
        self.wrong_signatures = 0
        self.last_batch = None
        self.posted = []
        self.sink = []
        self.outgoing = queue.Queue()
        threading.Thread(target=self._post_loop, daemon=True).start()

    def _post_loop(self):
        while True:
            self.post(self.outgoing.get())

    def post(self, body):
        """POSTs a webhook batch (bytes), signed; returns the receiver's status."""
        with LOCK:
            secret = self.app_secret
            if self.wrong_signatures > 0:
                self.wrong_signatures -= 1
                secret = "not-the-app-secret"
            self.last_batch = body
        signature = "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
        status = 0
        if self.webhook_url:
            request = urllib.request.Request(self.webhook_url, data=body, method="POST", headers={
                "Content-Type": "application/json", "X-Hub-Signature-256": signature})
            try:
                with urllib.request.urlopen(request, timeout=10) as answer:
                    status = answer.status
            except urllib.error.HTTPError as e:
                status = e.code
            except OSError:
                status = -1
        with LOCK:
            self.posted.append({"body": json.loads(body), "status": status})
        return status


LINES = {}


def line_of(pnid):
    with LOCK:
        if pnid not in LINES:
            LINES[pnid] = Line(Handler.default_token)
        return LINES[pnid]


def envelope(pnid, value):
    value = dict({"messaging_product": "whatsapp",
                  "metadata": {"display_phone_number": "15550001234", "phone_number_id": pnid}},
                 **value)
    batch = {"object": "whatsapp_business_account",
             "entry": [{"id": "100000000000001",
                        "changes": [{"field": "messages", "value": value}]}]}
    return json.dumps(batch, ensure_ascii=False).encode()


def new_wamid():
    raw = f"guiche-fake-{next(COUNTER)}-{time.time_ns()}".encode()
    return "wamid." + base64.b64encode(raw).decode().rstrip("=")


def wa_id_of(to, short):
    digits = to.lstrip("+")
    if short and len(digits) == 13 and digits.startswith("55") and digits[4] == "9":
        return digits[:4] + digits[5:]
    return digits


def status_value(item, pnid):
    status = {"id": item["id"], "status": item["status"], "timestamp": str(int(time.time())),
              "recipient_id": item.get("recipient_id", "")}
    if item["status"] == "failed":
        status["errors"] = [{"code": item.get("error_code", 131026),
                             "title": item.get("error_title", "Message undeliverable")}]
    return status


def inbound_message(m, wamid):
    if "raw" in m:
        return dict(m["raw"], id=wamid)
    msg = {"from": m["from"], "id": wamid, "timestamp": str(int(time.time())), "type": m["type"]}
    kind = m["type"]
    if kind == "text":
        msg["text"] = {"body": m["text"]}
    elif kind in ("button_reply", "list_reply"):
        msg["type"] = "interactive"
        msg["interactive"] = {"type": kind, kind: {"id": m["id"], "title": m["title"]}}
    elif kind in ("image", "document"):
        media = MEDIA.get(m["media_id"], {})
        msg[kind] = {"id": m["media_id"], "mime_type": m.get("mime_type", media.get("mime_type")),
                     "sha256": hashlib.sha256(media.get("data", b"")).hexdigest()}
        for key in ("caption", "filename"):
            if key in m:
                msg[kind][key] = m[key]
    else:  # what WhatsApp sends for a type the Cloud API does not support
        msg["type"] = "unsupported"
        msg["errors"] = [{"code": 131051, "title": "Message type unknown"}]
    if m.get("context_id"):
        msg["context"] = {"from": "15550001234", "id": m["context_id"]}
    return msg


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body leave in two writes: without TCP_NODELAY each answer on
    # a kept-alive connection waits out the client's delayed ACK (~40 ms).
    disable_nagle_algorithm = True
    default_token = "fake-token"
    templates = None

    def log_message(self, *args):  # quiet
        pass

    def answer(self, status, body=None, content_type="application/json"):
        data = body if isinstance(body, bytes) else json.dumps(body or {}).encode()
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def graph_error(self, code, message=None):
        status, text, kind, subcode = ERRORS.get(code, (400, message, "OAuthException", None))
        error = {"message": message or text, "type": kind, "code": code,
                 "fbtrace_id": "A" + base64.b64encode(str(next(COUNTER)).encode()).decode()}
        if subcode:
            error["error_subcode"] = subcode
        if message:
            error["error_data"] = {"messaging_product": "whatsapp", "details": message}
        self.answer(status, {"error": error})

    def raw_body(self):
        return self.rfile.read(int(self.headers.get("Content-Length", "0")))

    def authorized(self, line):
        return self.headers.get("Authorization", "") == "Bearer " + line.token

    def unavailable(self, line):
        """Answers as a provider that is down; True when it did."""
        if line.down == "close":
            self.close_connection = True
            self.connection.shutdown(socket.SHUT_RDWR)
            return True
        if line.down == "503":
            self.graph_error(2)
            return True
        return False

    def do_GET(self):
        parts = self.path.split("?")[0].strip("/").split("/")
        if parts == ["health"]:
            return self.answer(200, {"status": "ok"})
        if len(parts) == 3 and parts[0] == "_control":
            return self.control_get(line_of(parts[1]), parts[2])
        if len(parts) == 2 and parts[0] == "_media" and parts[1] in MEDIA:
            media = MEDIA[parts[1]]
            if not self.authorized(media["line"]):
                return self.graph_error(190)
            return self.answer(200, media["data"], media["mime_type"])
        if len(parts) == 2 and parts[1] in MEDIA:
            media = MEDIA[parts[1]]
            if not self.authorized(media["line"]):
                return self.graph_error(190)
            host = self.headers.get("Host", "127.0.0.1")
            return self.answer(200, {
                "messaging_product": "whatsapp", "id": parts[1],
                "url": f"http://{host}/_media/{parts[1]}", "mime_type": media["mime_type"],
                "sha256": hashlib.sha256(media["data"]).hexdigest(),
                "file_size": len(media["data"])})
        self.graph_error(100, "Unknown path components: " + self.path)

    def do_POST(self):
        parts = self.path.split("?")[0].strip("/").split("/")
        raw = self.raw_body()
        if len(parts) == 3 and parts[0] == "_control":
            return self.control_post(line_of(parts[1]), parts[1], parts[2], raw)
        if len(parts) == 3 and re.match(r"^v[0-9]+\.[0-9]+$", parts[0]):
            line = line_of(parts[1])
            if parts[2] == "messages":
                return self.send_message(line, raw)
            if parts[2] == "media":
                return self.upload(line, raw)
        self.graph_error(100, "Unknown path components: " + self.path)

    def send_message(self, line, raw):
        with LOCK:
            line.attempts += 1
        if self.unavailable(line):
            return None
        if not self.authorized(line):
            return self.graph_error(190)
        try:
            body = json.loads(raw)
        except ValueError:
            return self.graph_error(100, "Invalid parameter: the body is not JSON")
        error = shapes.check_message(body, Handler.templates)
        if error:
            return self.graph_error(error[0], error[1])
        with LOCK:
            for fault in line.faults:
                if fault[0] == 131047 and body.get("type") == "template":
                    continue
                fault[1] -= 1
                code = fault[0]
                line.faults = [f for f in line.faults if f[1] > 0]
                return self.graph_error(code)
            wamid = new_wamid()
            wa_id = wa_id_of(body["to"], line.short_wa_id)
            line.sent.append({"id": wamid, "to": body["to"], "type": body.get("type", "text"),
                              "request": body, "at": time.time()})
            statuses, url = line.statuses, line.webhook_url
        self.answer(200, {"messaging_product": "whatsapp",
                          "contacts": [{"input": body["to"], "wa_id": wa_id}],
                          "messages": [{"id": wamid}]})
        if statuses and url:
            for status in ("sent", "delivered", "read"):
                item = {"id": wamid, "status": status, "recipient_id": wa_id}
                line.outgoing.put(envelope(self.pnid(), {"statuses": [status_value(item, "")]}))
        return None

    def pnid(self):
        return self.path.strip("/").split("/")[1]

    def upload(self, line, raw):
        if self.unavailable(line):
            return None
        if not self.authorized(line):
            return self.graph_error(190)
        head = f"Content-Type: {self.headers.get('Content-Type', '')}\r\n\r\n".encode()
        form = email.parser.BytesParser().parsebytes(head + raw)
        fields = {}
        for part in form.get_payload() if form.is_multipart() else []:
            name = part.get_param("name", header="content-disposition")
            fields[name] = (part.get_payload(decode=True), part.get_content_type())
        if fields.get("messaging_product", (b"",))[0] != b"whatsapp" or "file" not in fields:
            return self.graph_error(shapes.MISSING, "Required parameter is missing: file")
        mime = fields["type"][0].decode() if "type" in fields else fields["file"][1]
        return self.answer(200, {"id": self.store_media(line, fields["file"][0], mime)})

    @staticmethod
    def store_media(line, data, mime):
        media_id = str(900000000000000 + next(COUNTER))
        MEDIA[media_id] = {"line": line, "data": data, "mime_type": mime}
        return media_id

    def control_get(self, line, what):
        with LOCK:
            if what == "sent":
                return self.answer(200, {"messages": list(line.sent)})
            if what == "attempts":
                return self.answer(200, {"count": line.attempts})
            if what == "webhooks":
                return self.answer(200, {"posted": list(line.posted)})
            if what == "sink":
                return self.answer(200, {"received": list(line.sink)})
        return self.answer(404, {"error": "unknown control " + what})

    def control_post(self, line, pnid, what, raw):
        data = json.loads(raw or b"{}")
        if what == "config":
            with LOCK:
                for key in ("webhook_url", "app_secret", "token", "statuses", "short_wa_id"):
                    if key in data:
                        setattr(line, key, data[key])
            return self.answer(200, {})
        if what == "reset":
            with LOCK:
                LINES[pnid] = Line(Handler.default_token)
            return self.answer(200, {})
        if what == "fail":
            with LOCK:
                line.faults.append([int(data["code"]), int(data.get("count", 1))])
            return self.answer(200, {})
        if what == "down":
            line.down = data.get("mode")
            return self.answer(200, {})
        if what == "wrong_signature":
            line.wrong_signatures = int(data.get("count", 1))
            return self.answer(200, {})
        if what == "media":
            data_bytes = base64.b64decode(data["data_base64"])
            return self.answer(200, {"id": self.store_media(line, data_bytes, data["mime_type"])})
        if what == "inbound":
            ids = [new_wamid() for _ in data["messages"]]
            messages = [inbound_message(m, i) for m, i in zip(data["messages"], ids)]
            contacts = [{"profile": {"name": data.get("name", "Cliente")}, "wa_id": m["from"]}
                        for m in messages if "from" in m]
            body = envelope(pnid, {"contacts": contacts[:1], "messages": messages})
            return self.answer(200, {"ids": ids, "status": line.post(body)})
        if what == "redeliver":
            return self.answer(200, {"status": line.post(line.last_batch or b"{}")})
        if what == "statuses":
            body = envelope(pnid, {"statuses": [status_value(s, pnid) for s in data["statuses"]]})
            return self.answer(200, {"status": line.post(body)})
        if what == "sink":
            expected = "sha256=" + hmac.new(line.app_secret.encode(), raw,
                                            hashlib.sha256).hexdigest()
            valid = hmac.compare_digest(expected, self.headers.get("X-Hub-Signature-256", ""))
            with LOCK:
                line.sink.append({"valid": valid, "body": json.loads(raw)})
            return self.answer(200 if valid else 401, {})
        return self.answer(404, {"error": "unknown control " + what})


def template_parameter_counts(path):
    """{template name: number of body parameters} from a whatsapp_templates.json."""
    with open(path, encoding="utf-8") as f:
        config = json.load(f)
    counts = {}
    for t in list(config.get("notices", {}).values()) + [config.get("fallback", {})]:
        if "name" in t:
            counts[t["name"]] = len(re.findall(r"\{\{[0-9]+\}\}", t.get("text", "")))
    return counts


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):  # dropped connections ("down")
        pass


def main():
    args = sys.argv[1:]
    if "--templates" in args:
        at = args.index("--templates")
        Handler.templates = template_parameter_counts(args[at + 1])
        del args[at:at + 2]
    port = int(args[0]) if args else 0
    if len(args) > 1:
        Handler.default_token = args[1]
    server = QuietServer(("127.0.0.1", port), Handler)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    print(server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
