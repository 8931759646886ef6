#!/usr/bin/env bash
# Starts (or stops) a throwaway Glewlwyd (Debian's glewlwyd, a real OpenID
# Connect provider) on 127.0.0.1 for the tests of the OpenID Connect sign-in
# (src/identity/oidc/, app/accounts/auth/oidc_backend.hpp). Its own
# configuration and SQLite database in DIR; an RS256 signing key made here
# with openssl at each start; one confidential client whose redirect URIs are
# the tests' (/entrar/oidc/NAME/retorno for the provider names and the
# 127.0.0.1 ports listed below: Glewlwyd compares them exactly);
# users carrying the claims gov.br and Acesso Cidadão send: name, email,
# email_verified, cpf, subNovo and papeis (a role claim). The login page is
# Glewlwyd's own web app, served from DIR/webapp.
# A second provider, ISSUER2 ($BASE/api/oidc2, same users and keys), sends
# cidadao.ana the same `sub` as the first.
# Usage: oidc.sh start|stop — start prints "ISSUER CLIENT_ID CLIENT_SECRET DIR ISSUER2".
# GUICHE_TEST_OIDC_PORT picks the port (default 51444), GUICHE_TEST_OIDC_DIR the directory.
# Users (password "senha-de-teste" for all):
#   cidadao.ana   Ana Cidadã, ana.cidada@exemplo.gov.br (verified), CPF 529.982.247-25, subNovo
#   servidor.rui  Rui Servidor, rui.servidor@exemplo.gov.br (NOT verified), papeis "atendente"
#   matriz.*      the authorization matrix's callers (matrix_accounts.txt), e-mail verified
set -euo pipefail

PORT=${GUICHE_TEST_OIDC_PORT:-51444}
DIR=${GUICHE_TEST_OIDC_DIR:-/tmp/guiche-oidc-$PORT}
BASE="http://127.0.0.1:$PORT"
ISSUER="$BASE/api/oidc"
CLIENT_ID=guiche-teste
CLIENT_SECRET=segredo-do-cliente-de-teste
# Redirect URIs the tests use: the desk's callback on the ports the tests
# listen on (tests/support/oidc_provider.hpp names them).
REDIRECTS=""
for p in 51450 51451 51452 51453 51454 51455 51456 51457 51458 51459; do
  for name in teste segundo acessocidadao govbr; do
    REDIRECTS="$REDIRECTS\"http://127.0.0.1:$p/entrar/oidc/$name/retorno\","
  done
done
REDIRECTS="${REDIRECTS%,}"

PROPERTY='{"multiple":false,"read":true,"write":true,"profile-read":true,"profile-write":false}'
USER_MODULE="{\"use-glewlwyd-connection\":true,\"data-format\":{\"cpf\":$PROPERTY,\"email_verified\":$PROPERTY,\"subNovo\":$PROPERTY,\"papeis\":$PROPERTY}}"

running() {
  [ -f "$DIR/glewlwyd.pid" ] && kill -0 "$(cat "$DIR/glewlwyd.pid")" 2>/dev/null
}

api() {
  # api METHOD PATH [JSON]: the admin API with the admin's session cookie.
  local method=$1 path=$2 body=${3:-}
  local args=(-sS -o "$DIR/api.out" -w '%{http_code}' -b "$DIR/admin.cookies" -c "$DIR/admin.cookies"
    -X "$method" "$BASE/api$path")
  if [ -n "$body" ]; then args+=(-H 'Content-Type: application/json' --data-binary "$body"); fi
  local code
  code=$(curl "${args[@]}")
  if [ "${code:0:1}" != 2 ]; then
    echo "oidc.sh: $method $path answered $code: $(cat "$DIR/api.out")" >&2
    exit 1
  fi
}

json_string() {
  python3 -c 'import json,sys; print(json.dumps(sys.stdin.read()))'
}

plugin() {
  # plugin NAME: an OpenID Connect provider at $BASE/api/NAME, signing with the key made at start.
  local key cert
  key=$(json_string <"$DIR/key.pem")
  cert=$(json_string <"$DIR/cert.pem")
  api POST /mod/plugin/ "{\"module\":\"oidc\",\"name\":\"$1\",\"display_name\":\"OpenID Connect\",\"parameters\":{
    \"iss\":\"$BASE/api/$1\",\"jwt-type\":\"rsa\",\"jwt-key-size\":\"256\",\"key\":$key,\"cert\":$cert,
    \"access-token-duration\":3600,\"refresh-token-duration\":1209600,\"code-duration\":600,
    \"refresh-token-rolling\":false,\"allow-non-oidc\":false,\"auth-type-code-enabled\":true,
    \"auth-type-token-enabled\":true,\"auth-type-id-token-enabled\":true,\"auth-type-none-enabled\":true,
    \"auth-type-password-enabled\":false,\"auth-type-client-enabled\":false,\"auth-type-refresh-enabled\":true,
    \"scope\":[],\"additional-parameters\":[],
    \"claims\":[
      {\"name\":\"cpf\",\"user-property\":\"cpf\",\"type\":\"string\",\"mandatory\":true,\"on-demand\":false,\"scope\":[]},
      {\"name\":\"subNovo\",\"user-property\":\"subNovo\",\"type\":\"string\",\"mandatory\":true,\"on-demand\":false,\"scope\":[]},
      {\"name\":\"papeis\",\"user-property\":\"papeis\",\"type\":\"string\",\"mandatory\":true,\"on-demand\":false,\"scope\":[]},
      {\"name\":\"email_verified\",\"user-property\":\"email_verified\",\"type\":\"boolean\",\"boolean-value-true\":\"1\",\"boolean-value-false\":\"0\",\"mandatory\":true,\"on-demand\":false,\"scope\":[]}],
    \"name-claim\":\"mandatory\",\"name-claim-scope\":[],\"email-claim\":\"mandatory\",\"email-claim-scope\":[],
    \"scope-claim\":\"no\",\"scope-claim-scope\":[],\"address-claim\":{\"type\":\"no\"},
    \"allowed-scope\":[\"openid\"],\"secret-type\":\"public\",\"jwks-show\":true,
    \"pkce-allowed\":true,\"pkce-method-plain-allowed\":false,\"pkce-required\":false,
    \"session-management-allowed\":true,\"session-cookie-name\":\"GLEWLWYD2_OIDC_SID\",\"session-cookie-expiration\":3600,\"front-channel-logout-allowed\":false,\"back-channel-logout-allowed\":false,
    \"introspection-revocation-allowed\":true,\"introspection-revocation-auth-scope\":[],\"introspection-revocation-allow-target-client\":true,\"register-client-allowed\":false,
    \"request-parameter-allow\":false,\"encrypt-out-token-allow\":false}}"
}

configure() {
  api POST /auth/ '{"username":"admin","password":"password"}'
  local key cert
  key=$(json_string <"$DIR/key.pem")
  cert=$(json_string <"$DIR/cert.pem")
  plugin oidc
  # A second provider (another issuer) that gives cidadao.ana the same `sub`
  # as the first: the tests check the two stay two people.
  plugin oidc2
  for name in oidc oidc2; do
    sqlite3 "$DIR/glewlwyd.db" "INSERT INTO gpo_subject_identifier (gposi_plugin_name, gposi_username, gposi_sub) VALUES ('$name', 'cidadao.ana', 'sub-da-ana-repetido')"
  done
  api POST /client/ "{\"client_id\":\"$CLIENT_ID\",\"name\":\"Guichê (testes)\",\"enabled\":true,
    \"confidential\":true,\"client_secret\":\"$CLIENT_SECRET\",\"redirect_uri\":[$REDIRECTS],
    \"authorization_type\":[\"code\",\"token\",\"id_token\",\"refresh_token\"],
    \"token_endpoint_auth_method\":[\"client_secret_basic\",\"client_secret_post\"],
    \"post_logout_redirect_uri\":\"http://127.0.0.1:51450/entrar\",\"scope\":[]}"
  api POST /user/ '{"username":"cidadao.ana","name":"Ana Cidadã","email":"ana.cidada@exemplo.gov.br",
    "password":"senha-de-teste","enabled":true,"scope":["openid","g_profile"],"cpf":"52998224725",
    "email_verified":"1","subNovo":"ac-novo-0001"}'
  api POST /user/ '{"username":"servidor.rui","name":"Rui Servidor","email":"rui.servidor@exemplo.gov.br",
    "password":"senha-de-teste","enabled":true,"scope":["openid","g_profile"],"email_verified":"0",
    "papeis":"atendente"}'
  # The authorization matrix's callers (matrix_accounts.txt): the name and the
  # verified e-mail of the person each is linked to.
  grep -v '^#' "$(dirname "$0")/matrix_accounts.txt" | while IFS='|' read -r login name mail; do
    api POST /user/ "{\"username\":\"$login\",\"name\":\"$name\",\"email\":\"$mail\",
      \"password\":\"senha-de-teste\",\"enabled\":true,\"scope\":[\"openid\",\"g_profile\"],
      \"email_verified\":\"1\"}"
  done
  api DELETE /auth/
}

case "${1:-}" in
  start)
    if ! running; then
      rm -rf "$DIR"
      mkdir -p "$DIR"
      openssl genrsa -out "$DIR/key.pem" 2048 2>/dev/null
      openssl rsa -in "$DIR/key.pem" -pubout -out "$DIR/cert.pem" 2>/dev/null
      zcat /usr/share/doc/glewlwyd/database/init.sqlite3.sql.gz | sqlite3 "$DIR/glewlwyd.db"
      # The database user module keeps the extra properties the claims come from
      # (set before the start: the module reads its parameters when loaded).
      sqlite3 "$DIR/glewlwyd.db" "UPDATE g_user_module_instance SET gumi_parameters = '$USER_MODULE'"
      # Debian links webapp/config.json to a folder; the app wants the file.
      # -L: the app links its libraries (jQuery, Bootstrap) with relative links into /usr/share.
      cp -rL /usr/share/glewlwyd/webapp "$DIR/webapp"
      rm -rf "$DIR/webapp/config.json"
      cp /etc/glewlwyd/config-2.7.json/config.json "$DIR/webapp/config.json"
      cat >"$DIR/glewlwyd.conf" <<CONF
port=$PORT
bind_address="127.0.0.1"
external_url="$BASE"
login_url="login.html"
static_files_path="$DIR/webapp/"
api_prefix="api"
allow_origin="*"
log_mode="file"
log_level="INFO"
log_file="$DIR/glewlwyd.log"
cookie_secure=0
cookie_same_site="lax"
session_expiration=3600
session_key="GLEWLWYD2_SESSION_ID"
admin_scope="g_admin"
profile_scope="g_profile"
login_api_enabled=true
user_module_path="/usr/lib/glewlwyd/user"
client_module_path="/usr/lib/glewlwyd/client"
user_auth_scheme_module_path="/usr/lib/glewlwyd/scheme"
plugin_module_path="/usr/lib/glewlwyd/plugin"
hash_algorithm="SHA512"
database =
{
  type = "sqlite3"
  path = "$DIR/glewlwyd.db"
};
static_files_mime_types =
(
  { extension = ".html" mime_type = "text/html" },
  { extension = ".css" mime_type = "text/css" },
  { extension = ".js" mime_type = "application/javascript" },
  { extension = ".json" mime_type = "application/json" },
  { extension = ".png" mime_type = "image/png" },
  { extension = ".ico" mime_type = "image/x-icon" },
  { extension = ".woff" mime_type = "font/woff" },
  { extension = ".woff2" mime_type = "font/woff2" },
  { extension = ".ttf" mime_type = "font/ttf" }
)
CONF
      glewlwyd -c "$DIR/glewlwyd.conf" >"$DIR/stdout.log" 2>&1 &
      echo $! >"$DIR/glewlwyd.pid"
      for _ in $(seq 100); do
        if curl -sf -o /dev/null "$BASE/api/auth/scheme/"; then break; fi
        if curl -s -o /dev/null "$BASE/config"; then break; fi
        sleep 0.1
      done
      if ! running; then
        echo "oidc.sh: glewlwyd did not start (see $DIR/glewlwyd.log)" >&2
        exit 1
      fi
      configure
    fi
    echo "$ISSUER $CLIENT_ID $CLIENT_SECRET $DIR $BASE/api/oidc2"
    ;;
  stop)
    if running; then
      kill "$(cat "$DIR/glewlwyd.pid")" 2>/dev/null || true
      for _ in $(seq 50); do running || break; sleep 0.1; done
    fi
    rm -rf "$DIR"
    ;;
  *)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
