#!/usr/bin/env bash
# The secured broker of the compose override (deploy/kafka/compose.secure.yml), in the apache/kafka image: the same
# configuration files as ./valise up --secure-kafka and system-tests' KafkaAclTests, formatted once with admin's
# SCRAM credential (KRaft keeps it in its metadata; the other principals' are set by the kafka-acl container).
# Mounted: local-stack/config at /opt/valise/local-stack, deploy/kafka at /opt/valise/kafka, the TLS volume at
# VALISE_KAFKA_TLS_DIR, the data volume at /var/lib/kafka/data.
set -euo pipefail

: "${VALISE_KAFKA_PASSWORD_ADMIN:?compose-broker.sh: VALISE_KAFKA_PASSWORD_ADMIN is not set (see deploy/kafka/README.md)}"
: "${VALISE_KAFKA_TLS_PASSWORD:?compose-broker.sh: VALISE_KAFKA_TLS_PASSWORD is not set (see deploy/kafka/README.md)}"
: "${VALISE_KAFKA_TLS_DIR:?compose-broker.sh: VALISE_KAFKA_TLS_DIR is not set}"
: "${CLUSTER_ID:?compose-broker.sh: CLUSTER_ID is not set (any base64 UUID: kafka-storage.sh random-uuid)}"
[ -f "$VALISE_KAFKA_TLS_DIR/kafka.keystore.p12" ] \
  || { echo "compose-broker.sh: no $VALISE_KAFKA_TLS_DIR/kafka.keystore.p12 (the kafka-tls container makes it)" >&2; exit 1; }

data=/var/lib/kafka/data
props=/opt/kafka/config/valise-server.properties
{
  cat /opt/valise/local-stack/server.properties; echo
  cat /opt/valise/kafka/broker-secure.properties; echo
  cat /opt/valise/kafka/server-compose.properties; echo
  echo "log.dirs=$data"
} > "$props"

if [ ! -f "$data/meta.properties" ]; then
  echo "compose-broker.sh: formatting $data (cluster id $CLUSTER_ID) with admin's SCRAM-SHA-512 credential"
  /opt/kafka/bin/kafka-storage.sh format --standalone -t "$CLUSTER_ID" -c "$props" \
    --add-scram "SCRAM-SHA-512=[name=admin,password=$VALISE_KAFKA_PASSWORD_ADMIN]"
fi
exec /opt/kafka/bin/kafka-server-start.sh "$props"
