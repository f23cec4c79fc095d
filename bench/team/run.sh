#!/usr/bin/env bash
# Team sharing costs (TeamBench) against an in-process server: grant a vault of 1,000 and 10,000
# items to a member, and remove a member with a key rotation. Usage: bench/team/run.sh [N...]
set -euo pipefail
cd "$(dirname "$0")/../.."
[ "$#" -gt 0 ] || set -- 1000 10000
mvn -B -q -o -pl bench -am package -DskipTests
java -cp bench/target/benchmarks.jar dev.strongroom.bench.team.TeamBench "$@" 2>&1 | grep '^items='
