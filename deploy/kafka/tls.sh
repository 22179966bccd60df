#!/usr/bin/env bash
# deploy/kafka/tls.sh DIR [PUBLIC_DIR] — the broker's TLS material for SASL_SSL, made with the JDK's keytool.
# Creates, unless DIR already has it:
#   DIR/kafka.keystore.p12   the broker's EC key and self-signed certificate (PKCS12, password VALISE_KAFKA_TLS_PASSWORD),
#                            valid VALISE_KAFKA_TLS_DAYS (default 825) days, for the names kafka, localhost, 127.0.0.1
#                            and those in VALISE_KAFKA_TLS_HOSTS (comma-separated, e.g. "kafka.example.org,10.0.0.5")
#   DIR/kafka.crt            that certificate in PEM: what the broker and every client trust
#                            (ssl.truststore.type=PEM, ssl.truststore.location=.../kafka.crt; kcat: -X ssl.ca.location=)
#   PUBLIC_DIR/kafka.crt     a copy for the clients, when PUBLIC_DIR is given (the key stays in DIR)
# Used by ./valise up --secure-kafka (DIR = .valise/kafka-secure/tls), the compose override's kafka-tls init container
# and system-tests' KafkaAclTests. See deploy/kafka/README.md.
set -euo pipefail

dir=${1:?usage: tls.sh DIR [PUBLIC_DIR]}
public=${2:-$dir}
: "${VALISE_KAFKA_TLS_PASSWORD:?tls.sh: set VALISE_KAFKA_TLS_PASSWORD, the password of the broker keystore}"
if [ ${#VALISE_KAFKA_TLS_PASSWORD} -lt 6 ]; then
  echo "tls.sh: VALISE_KAFKA_TLS_PASSWORD must have at least 6 characters (keytool's minimum)" >&2
  exit 1
fi
command -v keytool >/dev/null || { echo "tls.sh: keytool not found (it comes with every JDK and JRE)" >&2; exit 1; }
mkdir -p "$dir" "$public"

if [ -f "$dir/kafka.keystore.p12" ] && [ -f "$dir/kafka.crt" ]; then
  echo "tls.sh: $dir already has kafka.keystore.p12 and kafka.crt; kept (delete them for new ones)"
else
  rm -f "$dir/kafka.keystore.p12" "$dir/kafka.crt"
  san="dns:kafka,dns:localhost,ip:127.0.0.1"
  IFS=',' read -r -a extra <<< "${VALISE_KAFKA_TLS_HOSTS:-}"
  for h in "${extra[@]}"; do
    h=${h// /}
    [ -n "$h" ] || continue
    if [[ $h =~ ^[0-9.]+$ || $h == *:* ]]; then san+=",ip:$h"; else san+=",dns:$h"; fi
  done
  # The password reaches keytool through the environment (:env), never on a command line.
  export VALISE_KAFKA_TLS_PASSWORD
  keytool -genkeypair -noprompt -alias kafka -keyalg EC -groupname secp256r1 -sigalg SHA256withECDSA \
    -dname "CN=kafka, OU=Valise" -ext "SAN=$san" -validity "${VALISE_KAFKA_TLS_DAYS:-825}" \
    -keystore "$dir/kafka.keystore.p12" -storetype PKCS12 -storepass:env VALISE_KAFKA_TLS_PASSWORD
  keytool -exportcert -rfc -alias kafka -keystore "$dir/kafka.keystore.p12" -storetype PKCS12 \
    -storepass:env VALISE_KAFKA_TLS_PASSWORD -file "$dir/kafka.crt" >/dev/null
  chmod 600 "$dir/kafka.keystore.p12"
  chmod 644 "$dir/kafka.crt"
  echo "tls.sh: wrote $dir/kafka.keystore.p12 and kafka.crt (names: $san)"
fi
if [ "$public" != "$dir" ]; then
  cp "$dir/kafka.crt" "$public/kafka.crt"
  chmod 644 "$public/kafka.crt"
fi
