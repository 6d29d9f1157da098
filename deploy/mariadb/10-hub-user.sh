#!/bin/bash
# Runs once, when MariaDB's volume is first made (docker-entrypoint-initdb.d): the hub's own
# user, with rights on its own databases (hub_*, one per subgraph, made at their first start)
# and nothing else. The services never connect as root.
set -euo pipefail
: "${HUB_DB_PASSWORD:?set HUB_DB_PASSWORD}"
docker_process_sql --database=mysql <<SQL
CREATE USER IF NOT EXISTS 'hub'@'%' IDENTIFIED BY '${HUB_DB_PASSWORD}';
GRANT ALL PRIVILEGES ON \`hub\_%\`.* TO 'hub'@'%';
FLUSH PRIVILEGES;
SQL
