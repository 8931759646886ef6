#!/usr/bin/env bash
# Starts (or stops) a throwaway OpenLDAP slapd on 127.0.0.1 for the tests of
# the directory sign-in (src/identity/ldap/, app/accounts/auth/), holding an
# Active Directory-like tree: AD's attributes sAMAccountName,
# userAccountControl and memberOf (ad.schema, written below), ou=people with
# users (one disabled: userAccountControl 514, bit 2 set) and ou=groups with
# groups, and a service account that may search. The root account
# (cn=admin,BASE_DN, password admin-de-teste) changes entries with ldapmodify.
# StartTLS works with a self-signed certificate made here (DIR/ca.pem).
# Usage: ldap.sh start|stop — start prints "URL BASE_DN BIND_DN BIND_PASSWORD CA_FILE DIR";
# the users' passwords are in the tree below (tests/app/ldap_directory.hpp names them).
# The authorization matrix's callers are added from matrix_accounts.txt (matrix_tree).
# GUICHE_TEST_LDAP_PORT picks the port (default 51389), GUICHE_TEST_LDAP_DIR the directory.
set -euo pipefail

PORT=${GUICHE_TEST_LDAP_PORT:-51389}
DIR=${GUICHE_TEST_LDAP_DIR:-/tmp/guiche-ldap-$PORT}
BASE=dc=guiche,dc=test
BIND_DN="cn=guiche,ou=services,$BASE"
BIND_PASSWORD=servico-de-teste
CONF=$DIR/slapd.conf

running() {
  [ -f "$DIR/slapd.pid" ] && kill -0 "$(cat "$DIR/slapd.pid")" 2>/dev/null
}

certificates() {
  # A CA and the server's certificate for 127.0.0.1, valid for a year: the
  # client is given the CA file (--ldap-ca-file), as an agency gives its own.
  openssl req -x509 -newkey rsa:2048 -nodes -days 365 -subj "/CN=Guiche Test CA" \
    -keyout "$DIR/ca.key" -out "$DIR/ca.pem" 2>/dev/null
  openssl req -newkey rsa:2048 -nodes -subj "/CN=127.0.0.1" \
    -keyout "$DIR/server.key" -out "$DIR/server.csr" 2>/dev/null
  printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\n' >"$DIR/san.ext"
  openssl x509 -req -in "$DIR/server.csr" -CA "$DIR/ca.pem" -CAkey "$DIR/ca.key" \
    -CAcreateserial -days 365 -extfile "$DIR/san.ext" -out "$DIR/server.pem" 2>/dev/null
  chmod 0644 "$DIR/server.key"
}

schema() {
  # Active Directory's own names and OIDs for the attributes the desk reads,
  # with matching rules so filters on them work (Debian's msuser.schema has
  # none for sAMAccountName). userAccountControl is an integer: AD's bitwise
  # rule 1.2.840.113556.1.4.803 works on it in OpenLDAP too.
  cat <<'SCHEMA'
attributetype ( 1.2.840.113556.1.4.221 NAME 'sAMAccountName'
  EQUALITY caseIgnoreMatch SUBSTR caseIgnoreSubstringsMatch
  SYNTAX 1.3.6.1.4.1.1466.115.121.1.15 SINGLE-VALUE )
attributetype ( 1.2.840.113556.1.4.8 NAME 'userAccountControl'
  EQUALITY integerMatch SYNTAX 1.3.6.1.4.1.1466.115.121.1.27 SINGLE-VALUE )
attributetype ( 1.2.840.113556.1.2.102 NAME 'memberOf'
  EQUALITY distinguishedNameMatch SYNTAX 1.3.6.1.4.1.1466.115.121.1.12 )
objectclass ( 1.3.6.1.4.1.4203.666.11.99.1 NAME 'adAccount' AUXILIARY
  MAY ( sAMAccountName $ userAccountControl $ memberOf ) )
SCHEMA
}

tree() {
  cat <<LDIF
dn: $BASE
objectClass: top
objectClass: dcObject
objectClass: organization
o: Guiche Test
dc: guiche

dn: ou=people,$BASE
objectClass: organizationalUnit
ou: people

dn: ou=groups,$BASE
objectClass: organizationalUnit
ou: groups

dn: ou=services,$BASE
objectClass: organizationalUnit
ou: services

dn: $BIND_DN
objectClass: person
cn: guiche
sn: Servico
userPassword: $BIND_PASSWORD

dn: cn=Maria Souza,ou=people,$BASE
objectClass: inetOrgPerson
objectClass: adAccount
cn: Maria Souza
sn: Souza
givenName: Maria
displayName: Maria Souza
sAMAccountName: maria.souza
uid: maria.souza
mail: Maria.Souza@sefaz.es.gov.br
telephoneNumber: +55 27 3636-1000
userAccountControl: 512
memberOf: cn=GS-Guiche-Analistas,ou=groups,$BASE
memberOf: cn=SEFAZ,ou=groups,$BASE
userPassword: senha-da-maria

dn: cn=Joao Lima,ou=people,$BASE
objectClass: inetOrgPerson
objectClass: adAccount
cn: Joao Lima
sn: Lima
displayName: João Lima
sAMAccountName: joao.lima
uid: joao.lima
mail: joao.lima@sefaz.es.gov.br
userAccountControl: 66048
memberOf: cn=SEFAZ,ou=groups,$BASE
userPassword: senha-do-joao

dn: cn=Davi Desligado,ou=people,$BASE
objectClass: inetOrgPerson
objectClass: adAccount
cn: Davi Desligado
sn: Desligado
displayName: Davi Desligado
sAMAccountName: davi.desligado
uid: davi.desligado
mail: davi@sefaz.es.gov.br
userAccountControl: 514
memberOf: cn=SEFAZ,ou=groups,$BASE
userPassword: senha-do-davi

dn: cn=Ana Rocha,ou=people,$BASE
objectClass: inetOrgPerson
objectClass: adAccount
cn: Ana Rocha
sn: Rocha
displayName: Ana Rocha
sAMAccountName: ana.rocha
uid: ana.rocha
mail: ana.rocha@sefaz.es.gov.br
userAccountControl: 512
userPassword: senha-da-ana

dn: cn=Lia Sessao,ou=people,$BASE
objectClass: inetOrgPerson
objectClass: adAccount
cn: Lia Sessao
sn: Sessao
displayName: Lia Sessao
sAMAccountName: lia.sessao
uid: lia.sessao
mail: lia.sessao@sefaz.es.gov.br
userAccountControl: 512
userPassword: senha-da-lia

dn: cn=GS-Guiche-Analistas,ou=groups,$BASE
objectClass: groupOfNames
objectClass: adAccount
cn: GS-Guiche-Analistas
sAMAccountName: GS-Guiche-Analistas
member: cn=Maria Souza,ou=people,$BASE

dn: cn=SEFAZ,ou=groups,$BASE
objectClass: groupOfNames
objectClass: adAccount
cn: SEFAZ
sAMAccountName: SEFAZ
member: cn=Maria Souza,ou=people,$BASE
member: cn=Joao Lima,ou=people,$BASE
member: cn=Davi Desligado,ou=people,$BASE
LDIF
}

matrix_tree() {
  # The authorization matrix's callers (scripts/test-servers/matrix_accounts.txt),
  # password senha-da-matriz: each the only member of its own group GS-LOGIN,
  # which the test maps to the roles of the person the account is linked to.
  grep -v '^#' "$(dirname "$0")/matrix_accounts.txt" | while IFS='|' read -r login name mail; do
    cat <<LDIF

dn: uid=$login,ou=people,$BASE
objectClass: inetOrgPerson
objectClass: adAccount
cn: $name
sn: Matriz
displayName: $name
sAMAccountName: $login
uid: $login
mail: $mail
userAccountControl: 512
memberOf: cn=GS-$login,ou=groups,$BASE
userPassword: senha-da-matriz

dn: cn=GS-$login,ou=groups,$BASE
objectClass: groupOfNames
objectClass: adAccount
cn: GS-$login
sAMAccountName: GS-$login
member: uid=$login,ou=people,$BASE
LDIF
  done
}

case "${1:-}" in
  start)
    if ! running; then
      rm -rf "$DIR"
      mkdir -p "$DIR/db"
      certificates
      cat >"$CONF" <<CONF
include /etc/ldap/schema/core.schema
include /etc/ldap/schema/cosine.schema
include /etc/ldap/schema/inetorgperson.schema
include $DIR/ad.schema
modulepath /usr/lib/ldap
moduleload back_mdb
pidfile $DIR/slapd.pid
argsfile $DIR/slapd.args
TLSCACertificateFile $DIR/ca.pem
TLSCertificateFile $DIR/server.pem
TLSCertificateKeyFile $DIR/server.key
# Passwords are only compared (bind); only signed-in accounts read the tree.
access to attrs=userPassword by anonymous auth by * none
access to * by users read by * none
database mdb
suffix "$BASE"
rootdn "cn=admin,$BASE"
rootpw admin-de-teste
directory $DIR/db
maxsize 10485760
index objectClass eq
CONF
      schema >"$DIR/ad.schema"
      tree >"$DIR/tree.ldif"
      matrix_tree >>"$DIR/tree.ldif"
      slapadd -f "$CONF" -l "$DIR/tree.ldif" >"$DIR/slapadd.log" 2>&1 || {
        cat "$DIR/slapadd.log" >&2
        exit 1
      }
      /usr/sbin/slapd -f "$CONF" -h "ldap://127.0.0.1:$PORT/" >"$DIR/slapd.log" 2>&1
      for _ in $(seq 100); do
        if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then break; fi
        sleep 0.05
      done
      if ! (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
        echo "ldap.sh: slapd did not start (see $DIR/slapd.log)" >&2
        exit 1
      fi
    fi
    echo "ldap://127.0.0.1:$PORT $BASE $BIND_DN $BIND_PASSWORD $DIR/ca.pem $DIR"
    ;;
  stop)
    if running; then
      kill "$(cat "$DIR/slapd.pid")"
      for _ in $(seq 100); do running || break; sleep 0.05; done
    fi
    ;;
  *)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
