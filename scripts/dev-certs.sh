#!/usr/bin/env bash
# Development certificates for the compose stack (R48): one private CA and a certificate per server,
# made with openssl and keytool. Never use them in production: there, the company's CA issues the same files.
#
#   export CAREHUB_TLS_KEYSTORE_PASSWORD=$(openssl rand -hex 16)   # also passed to docker compose
#   scripts/dev-certs.sh [output directory, default: certs]
#
# Writes into the output directory (which must not exist or be empty):
#   ca.crt            the development CA (trust anchor), PEM; ca.key its private key (0600)
#   hub.p12           PKCS#12 keystore of the hub's HTTPS port (alias hub): DNS carehub, localhost
#   postgres.crt/.key PEM certificate and key (0600) of PostgreSQL: DNS postgres, localhost
#   artemis.p12       PKCS#12 keystore of both brokers (alias artemis): DNS artemis-primary, artemis-backup, localhost
#   truststore.p12    PKCS#12 truststore holding only ca.crt (alias carehub-dev-ca), for Java clients
# Keystores and the truststore are protected by CAREHUB_TLS_KEYSTORE_PASSWORD. Server certificates are valid for
# CAREHUB_TLS_DAYS days (default 397, the longest a browser accepts), the CA for 10 years.
set -euo pipefail

out="${1:-certs}"
password="${CAREHUB_TLS_KEYSTORE_PASSWORD:?set CAREHUB_TLS_KEYSTORE_PASSWORD, the password of the keystores and the truststore}"
days="${CAREHUB_TLS_DAYS:-397}"

for tool in openssl keytool; do
    command -v "$tool" >/dev/null || { echo "dev-certs: $tool is not installed (it comes with OpenSSL / a JDK)" >&2; exit 2; }
done
if [ -d "$out" ] && [ -n "$(ls -A "$out")" ]; then
    echo "dev-certs: $out is not empty; remove it or name another directory" >&2
    exit 2
fi
mkdir -p "$out"
cd "$out"
umask 077

# the CA: may only sign certificates, not serve
openssl req -x509 -new -newkey rsa:3072 -nodes -sha256 -days 3650 \
    -subj "/O=carehub development/CN=carehub development CA" \
    -keyout ca.key -out ca.crt \
    -addext "basicConstraints=critical,CA:TRUE,pathlen:0" \
    -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null

# issue NAME SAN: a server key and certificate signed by the CA (clients check the host name against SAN)
issue() {
    local name="$1" san="$2"
    openssl req -new -newkey rsa:2048 -nodes -sha256 -subj "/O=carehub development/CN=$name" \
        -keyout "$name.key" -out "$name.csr" 2>/dev/null
    printf 'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\nsubjectAltName=%s\n' \
        "$san" >"$name.ext"
    openssl x509 -req -in "$name.csr" -CA ca.crt -CAkey ca.key -CAcreateserial -sha256 -days "$days" \
        -extfile "$name.ext" -out "$name.crt" 2>/dev/null
    rm -f "$name.csr" "$name.ext"
}

# keystore NAME: the key with its chain (server certificate, then CA) as PKCS#12 for Java servers
keystore() {
    local name="$1"
    CAREHUB_TLS_KEYSTORE_PASSWORD="$password" openssl pkcs12 -export -name "$name" \
        -inkey "$name.key" -in "$name.crt" -certfile ca.crt \
        -passout env:CAREHUB_TLS_KEYSTORE_PASSWORD -out "$name.p12"
    rm -f "$name.key" "$name.crt"
}

issue hub "DNS:carehub,DNS:localhost"
keystore hub
issue postgres "DNS:postgres,DNS:localhost"
issue artemis "DNS:artemis-primary,DNS:artemis-backup,DNS:localhost"
keystore artemis
rm -f ca.srl

keytool -importcert -noprompt -storetype PKCS12 -alias carehub-dev-ca -file ca.crt \
    -keystore truststore.p12 -storepass "$password" >/dev/null 2>&1

# servers in the containers run as their own users: certificates and keystores readable (the keystores are
# password-protected), the PEM private keys only by their owner (PostgreSQL refuses a key others can read)
chmod 0644 ca.crt postgres.crt hub.p12 artemis.p12 truststore.p12
chmod 0600 ca.key postgres.key
echo "dev-certs: CA, hub, postgres and artemis certificates in $(pwd)"
