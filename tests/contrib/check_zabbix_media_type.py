#!/usr/bin/env python3
"""Zabbix media type of contrib/zabbix/guiche_media_type.yaml: it parses as a Zabbix 6.0
webhook export, and its script (run under Node.js with stand-ins for Zabbix's HttpRequest and
Zabbix objects, in a São Paulo server's time zone) posts exactly tests/api/data/zabbix_problem.json
for a problem, the same with event_value "0" for its recovery, and nothing for other event
sources; tests/api/monitoring_api_test.cpp posts that file to the endpoint. Without Node.js the
script's run is skipped (the structure is still checked); without PyYAML the test is skipped (77).
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MEDIA = os.path.join(ROOT, "contrib", "zabbix", "guiche_media_type.yaml")
PROBLEM = os.path.join(ROOT, "tests", "api", "data", "zabbix_problem.json")

PARAMS = {
    "URL": "https://guiche.example/api/v1/monitoring/zabbix",
    "Token": "segredo-do-token",
    "HTTPProxy": "",
    "event_id": "4401",
    "event_value": "1",
    "event_source": "0",
    "event_date": "2026.03.02",
    "event_time": "09:00:00",
    "host": "srv-folha-01",
    "trigger_id": "23001",
    "trigger_name": "SIGEFES não responde",
    "severity": "High",
    "event_tags": '[{"tag":"component","value":"SIGEFES"},{"tag":"scope","value":"producao"}]',
}

HARNESS = r"""
const fs = require('fs');
const script = fs.readFileSync(process.argv[2], 'utf8');
const value = fs.readFileSync(process.argv[3], 'utf8');
const sent = [];
function HttpRequest() { this.headers = []; }
HttpRequest.prototype.addHeader = function (h) { this.headers.push(h); };
HttpRequest.prototype.setProxy = function (p) { this.proxy = p; };
HttpRequest.prototype.post = function (url, body) {
  sent.push({url: url, headers: this.headers, body: JSON.parse(body)});
  return '{"alerts":1,"notice_ids":[1],"unmapped":0}';
};
HttpRequest.prototype.getStatus = function () { return 200; };
const Zabbix = {log: function () {}};
const run = new Function('value', 'HttpRequest', 'Zabbix', script);
const result = run(value, HttpRequest, Zabbix);
process.stdout.write(JSON.stringify({result: result, sent: sent}));
"""

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


def run_script(node, script, params):
    with tempfile.TemporaryDirectory() as tmp:
        paths = {}
        for name, text in (("script.js", script), ("value.json", json.dumps(params)),
                           ("harness.js", HARNESS)):
            paths[name] = os.path.join(tmp, name)
            with open(paths[name], "w", encoding="utf-8") as f:
                f.write(text)
        env = dict(os.environ, TZ="America/Sao_Paulo")
        out = subprocess.run([node, paths["harness.js"], paths["script.js"], paths["value.json"]],
                             capture_output=True, text=True, env=env, check=True)
        return json.loads(out.stdout)


def main():
    try:
        import yaml
    except ImportError:
        print("PyYAML ausente: teste pulado")
        return 77
    with open(MEDIA, encoding="utf-8") as f:
        export = yaml.safe_load(f)["zabbix_export"]
    check(export.get("version") == "6.0", "zabbix_export.version deve ser '6.0'")
    media = export["media_types"]
    check(len(media) == 1, "um tipo de mídia")
    m = media[0]
    check(m.get("type") == "WEBHOOK", "type: WEBHOOK")
    params = {p["name"]: p["value"] for p in m.get("parameters", [])}
    for name, macro in (("event_id", "{EVENT.ID}"), ("event_value", "{EVENT.VALUE}"),
                        ("event_date", "{EVENT.DATE}"), ("event_time", "{EVENT.TIME}"),
                        ("host", "{HOST.NAME}"), ("trigger_name", "{TRIGGER.NAME}"),
                        ("severity", "{EVENT.SEVERITY}"), ("event_tags", "{EVENT.TAGSJSON}"),
                        ("event_source", "{EVENT.SOURCE}"), ("trigger_id", "{TRIGGER.ID}")):
        check(params.get(name) == macro, f"parâmetro {name} = {macro}")
    check("URL" in params and "Token" in params, "parâmetros URL e Token")
    check(set(PARAMS) == set(params), f"os parâmetros do teste são os do tipo de mídia: {sorted(params)}")
    script = m.get("script", "")
    check("new HttpRequest()" in script, "o script usa HttpRequest")
    modes = {(t["event_source"], t["operation_mode"]) for t in m.get("message_templates", [])}
    check({("TRIGGERS", "PROBLEM"), ("TRIGGERS", "RECOVERY")} <= modes,
          "modelos de mensagem de problema e recuperação")

    node = shutil.which("node") or shutil.which("nodejs")
    if node:
        with open(PROBLEM, encoding="utf-8") as f:
            expected = json.load(f)
        problem = run_script(node, script, PARAMS)
        check(problem["result"] == "OK", "o script devolve OK")
        check(len(problem["sent"]) == 1, "um POST por evento")
        if problem["sent"]:
            sent = problem["sent"][0]
            check(sent["url"] == PARAMS["URL"], "POST na URL configurada")
            check("Authorization: Bearer segredo-do-token" in sent["headers"], "token Bearer")
            check("Content-Type: application/json" in sent["headers"], "corpo JSON")
            check(sent["body"] == expected,
                  "corpo do problema igual a tests/api/data/zabbix_problem.json: " +
                  json.dumps(sent["body"], ensure_ascii=False))
        recovery = run_script(node, script, dict(PARAMS, event_value="0"))
        check(recovery["sent"] and recovery["sent"][0]["body"] == dict(expected, event_value="0"),
              "a recuperação repete o evento do problema com event_value 0")
        other = run_script(node, script, dict(PARAMS, event_source="2"))
        check(other["result"] == "OK" and not other["sent"], "fora de triggers, nada é enviado")
        unresolved = run_script(node, script, dict(PARAMS, event_tags="{EVENT.TAGSJSON}",
                                                   host="{HOST.NAME}"))
        body = unresolved["sent"][0]["body"]
        check(body["tags"] == [] and body["host"] == "", "macros não resolvidas vão vazias")
    else:
        print("Node.js ausente: o script não foi executado")

    for f in failures:
        print("FALHOU:", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
