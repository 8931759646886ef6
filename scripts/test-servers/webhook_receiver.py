#!/usr/bin/env python3
"""A webhook receiver for the tests, on 127.0.0.1.

Verifies each delivery's signature the way README.md ("Outbound webhooks")
tells receivers to: HMAC-SHA256 with the secret over
"<X-Guiche-Timestamp>.<raw body>", compared in constant time with
X-Guiche-Signature ("sha256=<hex>"). Appends one JSON line per request to
the log file: {"delivery", "event", "ticket_id", "timestamp", "valid",
"status", "body"}. Answers 204 to a valid delivery, 401 to a bad signature,
or the status set through POST /_control {"status": N} (e.g. 500, 410).

Usage: webhook_receiver.py PORT SECRET LOG_FILE   (PORT 0: any free port)
Prints the port it listens on, then serves until SIGTERM.
"""
import hashlib
import hmac
import json
import signal
import sys
from http.server import BaseHTTPRequestHandler, HTTPServer


class Receiver(BaseHTTPRequestHandler):
    # HTTP/1.1 answers (the tests' client reads only those), each closing its
    # connection so one sender cannot hold this single-threaded server.
    protocol_version = "HTTP/1.1"
    secret = b""
    log_path = ""
    answer = 0  # 0: answer by the signature

    def log_message(self, *args):  # quiet
        pass

    def reply(self, status):
        self.send_response(status)
        self.send_header("Content-Length", "0")
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True

    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        raw = self.rfile.read(length)
        if self.path == "/_control":
            Receiver.answer = int(json.loads(raw or b"{}").get("status", 0))
            self.reply(204)
            return
        timestamp = self.headers.get("X-Guiche-Timestamp", "")
        expected = "sha256=" + hmac.new(Receiver.secret, timestamp.encode() + b"." + raw,
                                        hashlib.sha256).hexdigest()
        valid = hmac.compare_digest(expected, self.headers.get("X-Guiche-Signature", ""))
        status = Receiver.answer or (204 if valid else 401)
        try:
            body = json.loads(raw)
        except ValueError:
            body = None
        record = {
            "delivery": self.headers.get("X-Guiche-Delivery", ""),
            "event": self.headers.get("X-Guiche-Event", ""),
            "ticket_id": (body or {}).get("ticket", {}).get("id"),
            "timestamp": timestamp,
            "valid": valid,
            "status": status,
            "path": self.path,
            "body": body,
        }
        with open(Receiver.log_path, "a", encoding="utf-8") as log:
            log.write(json.dumps(record, ensure_ascii=False) + "\n")
        self.reply(status)


def main():
    port, secret, log_path = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    Receiver.secret = secret.encode()
    Receiver.log_path = log_path
    server = HTTPServer(("127.0.0.1", port), Receiver)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    print(server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
