#!/bin/bash
# Entry point of both brokers (docker-compose.yml): the official image's /docker-run.sh, plus the carehub
# configuration and accounts on every start, so an edited broker.xml or a changed password takes effect on restart.
#
# Accounts (R48, least privilege), from the container environment; roles as broker.xml's security-settings use them:
#   ARTEMIS_USER / ARTEMIS_PASSWORD                        role amq:   administrator (web console, management)
#   CAREHUB_BROKER_USER / CAREHUB_BROKER_PASSWORD           role hub:   the hub
#   CAREHUB_BROKER_AGENT_USER / CAREHUB_BROKER_AGENT_PASSWORD role agent: agent desktops (consume carehub.pool.# only)
set -euo pipefail

for variable in ARTEMIS_USER ARTEMIS_PASSWORD CAREHUB_BROKER_USER CAREHUB_BROKER_PASSWORD \
    CAREHUB_BROKER_AGENT_USER CAREHUB_BROKER_AGENT_PASSWORD CAREHUB_TLS_KEYSTORE_PASSWORD; do
    if [ -z "${!variable:-}" ]; then
        echo "carehub broker: $variable is not set" >&2
        exit 1
    fi
done
users=("$ARTEMIS_USER" "$CAREHUB_BROKER_USER" "$CAREHUB_BROKER_AGENT_USER")
if [ "$(printf '%s\n' "${users[@]}" | sort -u | wc -l)" -ne 3 ]; then
    echo "carehub broker: the administrator, hub and agent accounts need three different user names" >&2
    exit 1
fi

# first start: the image creates the instance (and copies etc-override/ into etc/), then only prints its help
if [ ! -f etc/broker.xml ]; then
    /docker-run.sh help >/dev/null || true
    [ -f etc/broker.xml ] || { echo "carehub broker: the image did not create the broker instance" >&2; exit 1; }
fi
cp -f etc-override/* etc/

# replaces the account files the image wrote, readable by the broker's user only
umask 077
{
    printf '%s = %s\n' "$ARTEMIS_USER" "$ARTEMIS_PASSWORD"
    printf '%s = %s\n' "$CAREHUB_BROKER_USER" "$CAREHUB_BROKER_PASSWORD"
    printf '%s = %s\n' "$CAREHUB_BROKER_AGENT_USER" "$CAREHUB_BROKER_AGENT_PASSWORD"
} >etc/artemis-users.properties
{
    printf 'amq = %s\n' "$ARTEMIS_USER"
    printf 'hub = %s\n' "$CAREHUB_BROKER_USER"
    printf 'agent = %s\n' "$CAREHUB_BROKER_AGENT_USER"
} >etc/artemis-roles.properties

exec /docker-run.sh run
