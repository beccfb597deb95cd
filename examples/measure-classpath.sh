#!/usr/bin/env bash
# Measures the runtime class path of examples/minimal-embedding (the SDK alone): number of jars, their total size,
# and any native library inside them. Fails when a jar holds a native library or the total reaches 5 MB.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here/minimal-embedding"
out="target/runtime-classpath.txt"
mkdir -p target
../../mvnw -B -ntp -q dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile="$out"
IFS=: read -r -a jars < "$out" || true  # the file has no final newline
total=0
natives=()
for jar in "${jars[@]}"; do
  [ -n "$jar" ] || continue
  size=$(stat -c %s "$jar")
  total=$((total + size))
  printf '%10d  %s\n' "$size" "$(basename "$jar")"
  while IFS= read -r entry; do
    natives+=("$(basename "$jar"): $entry")
  done < <(unzip -Z1 "$jar" | grep -E '\.(so|dll|dylib|jnilib)$|\.so\.[0-9]' || true)
done
# The example's own classes are on the class path too, but in a folder, not a jar.
mb=$(awk -v b="$total" 'BEGIN { printf "%.2f", b / 1048576 }')
echo "jars: ${#jars[@]}, total: ${mb} MB (${total} bytes), native libraries: ${#natives[@]}"
status=0
if [ ${#natives[@]} -gt 0 ]; then
  printf 'native library: %s\n' "${natives[@]}" >&2
  status=1
fi
if [ "$total" -ge $((5 * 1048576)) ]; then
  echo "the smallest class path is ${mb} MB, at or above the 5 MB limit" >&2
  status=1
fi
exit $status
