#!/usr/bin/env python3
"""The fake Cloud API (scripts/test-servers/whatsapp_cloud.py) holds the
documented limits (whatsapp_cloud_shapes.py) and its control API works: the
bearer is checked, bad shapes get Graph errors, injected faults and signed
webhooks (a wrong signature on demand, a byte-identical redelivery) behave
as the tests rely on. Run by ctest (whatsapp_fake_limits)."""
import json
import pathlib
import subprocess
import sys
import time
import urllib.error
import urllib.request

HERE = pathlib.Path(__file__).resolve().parent
SERVERS = HERE.parent.parent / "scripts" / "test-servers"
sys.path.insert(0, str(SERVERS))
import whatsapp_cloud_shapes as shapes  # noqa: E402


def message(**fields):
    return dict({"messaging_product": "whatsapp", "to": "5527999990001"}, **fields)


def buttons(*titles, body="Escolha"):
    return message(type="interactive", interactive={
        "type": "button", "body": {"text": body},
        "action": {"buttons": [{"type": "reply", "reply": {"id": f"b{i}", "title": t}}
                               for i, t in enumerate(titles)]}})


def rows(n, title="Opção", description=None, sections=1, button="Ver opções"):
    per = [[{"id": f"r{s}-{i}", "title": title, **({"description": description}
                                                    if description else {})}
             for i in range(n)] for s in range(sections)]
    return message(type="interactive", interactive={
        "type": "list", "body": {"text": "Escolha"},
        "action": {"button": button,
                   "sections": [{"title": f"Seção {s}", "rows": r} for s, r in enumerate(per)]}})


def code(body, known=None):
    error = shapes.check_message(body, known)
    return error[0] if error else None


def check_shapes():
    assert code(message(type="text", text={"body": "x" * 4096})) is None
    assert code(message(type="text", text={"body": "x" * 4097})) == shapes.INVALID
    assert code(message(type="text", text={})) == shapes.MISSING
    assert code(dict(message(type="text", text={"body": "x"}), to="55-27")) == shapes.INVALID
    assert code(dict(message(type="text", text={"body": "x"}), messaging_product="sms"))
    assert code(buttons("Sim", "Não", "Talvez")) is None
    assert code(buttons("1", "2", "3", "4")) == shapes.INVALID
    assert code(buttons("x" * 20)) is None
    assert code(buttons("x" * 21)) == shapes.INVALID
    assert code(buttons("Sim", "Sim")) == shapes.INVALID
    assert code(buttons("Sim", body="x" * 1025)) == shapes.INVALID
    assert code(rows(10)) is None
    assert code(rows(6, sections=2)) == shapes.INVALID  # 12 rows in all
    assert code(rows(1, title="x" * 25)) == shapes.INVALID
    assert code(rows(1, description="x" * 72)) is None
    assert code(rows(1, description="x" * 73)) == shapes.INVALID
    assert code(rows(1, button="x" * 21)) == shapes.INVALID
    template = message(type="template", template={
        "name": "guiche_aviso", "language": {"code": "pt_BR"},
        "components": [{"type": "body", "parameters": [{"type": "text", "text": "Maria"},
                                                         {"type": "text", "text": "Oi"}]}]})
    assert code(template, {"guiche_aviso": 2}) is None
    assert code(template, {"guiche_aviso": 3}) == 132000
    assert code(template, {"outro": 2}) == 132001
    template["template"]["components"][0]["parameters"][1]["text"] = "linha\nquebrada"
    assert code(template) == 132018
    assert code(message(type="image", image={"id": "1"})) is None
    assert code(message(type="image", image={"id": "1", "link": "https://x/y.png"})) == shapes.INVALID
    assert code(message(type="document", document={"link": "ftp://x/y.pdf"})) == shapes.INVALID


def call(port, method, path, body=None, token="fake-token"):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=data, method=method,
                                     headers={"Authorization": f"Bearer {token}",
                                              "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            return answer.status, json.loads(answer.read() or b"{}")
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read() or b"{}")


def check_server():
    server = subprocess.Popen([sys.executable, str(SERVERS / "whatsapp_cloud.py"), "0"],
                              stdout=subprocess.PIPE, text=True)
    try:
        port = int(server.stdout.readline())
        line = "/_control/777"
        base = "/v21.0/777/messages"
        status, _ = call(port, "POST", line + "/config",
                         {"webhook_url": f"http://127.0.0.1:{port}{line}/sink",
                          "app_secret": "s", "statuses": False})
        assert status == 200
        status, body = call(port, "POST", base, message(type="text", text={"body": "oi"}), "x")
        assert status == 401 and body["error"]["code"] == 190, body
        status, body = call(port, "POST", base, buttons("x" * 21))
        assert status == 400 and body["error"]["code"] == shapes.INVALID, body
        call(port, "POST", line + "/fail", {"code": 131047, "count": 1})
        status, body = call(port, "POST", base, message(type="text", text={"body": "oi"}))
        assert status == 400 and body["error"]["code"] == 131047, body
        status, body = call(port, "POST", base, message(type="text", text={"body": "oi"}))
        assert status == 200 and body["messages"][0]["id"].startswith("wamid."), body
        assert body["contacts"][0] == {"input": "5527999990001", "wa_id": "5527999990001"}
        call(port, "POST", line + "/inbound",
             {"messages": [{"from": "552799990001", "type": "text", "text": "oi"},
                           {"from": "552799990001", "type": "list_reply", "id": "avaliar:1:4",
                            "title": "4 – Bom", "context_id": body["messages"][0]["id"]}]})
        call(port, "POST", line + "/wrong_signature", {"count": 1})
        call(port, "POST", line + "/redeliver")
        _, sink = call(port, "GET", line + "/sink")
        received = sink["received"]
        assert [r["valid"] for r in received] == [True, False], received
        assert received[0]["body"] == received[1]["body"]
        value = received[0]["body"]["entry"][0]["changes"][0]["value"]
        assert len(value["messages"]) == 2
        assert value["messages"][1]["interactive"]["list_reply"]["id"] == "avaliar:1:4"
        assert value["messages"][1]["context"]["id"] == body["messages"][0]["id"]
        _, sent = call(port, "GET", line + "/sent")
        assert len(sent["messages"]) == 1
    finally:
        server.terminate()
        server.wait()


def main():
    check_shapes()
    start = time.time()
    check_server()
    print(f"whatsapp fake: limits and control API ok ({time.time() - start:.1f} s)")


if __name__ == "__main__":
    main()
