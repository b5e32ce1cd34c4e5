#!/usr/bin/env bash
# The Lambda deployment artifact's size as `sam build` lays it out for a Maven function: the compiled
# classes plus lib/ with the runtime-scope jars (target/lambda/lib, written by `mvn package`), and the
# size of that tree zipped, as `sam deploy` uploads it. Run after `.ci/with-jdk mvn -B -q package -DskipTests`.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d target/classes ] && [ -d target/lambda/lib ] || { echo "build first: .ci/with-jdk mvn -B -q package -DskipTests" >&2; exit 2; }
layout=$(mktemp -d)
trap 'rm -rf "$layout"' EXIT
cp -r target/classes/. "$layout/"
mkdir -p "$layout/lib" && cp target/lambda/lib/*.jar "$layout/lib/"
bytes=$(find "$layout" -type f -printf '%s\n' | awk '{s+=$1} END {print s}')
(cd "$layout" && python3 -c "import shutil; shutil.make_archive('/tmp/artifact-size', 'zip', '.')")
zipped=$(stat -c %s /tmp/artifact-size.zip)
rm -f /tmp/artifact-size.zip
printf 'artifact (classes + lib/): %d bytes = %.2f MB (target <= 8 MB): %s\n' "$bytes" "$(echo "$bytes/1000000" | bc -l)" \
  "$([ "$bytes" -le 8000000 ] && echo met || echo NOT met)"
printf 'zipped for upload: %d bytes = %.2f MB\n' "$zipped" "$(echo "$zipped/1000000" | bc -l)"
echo "largest jars:"; ls -S -l target/lambda/lib | awk 'NR>1 && NR<=6 {printf "  %8d  %s\n", $5, $9}'
