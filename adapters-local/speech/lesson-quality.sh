#!/bin/sh
# Speaks the lessons of src/test/resources/lessons (make_lesson.py from the shared folder), analyses each from the
# truth transcript with and without punctuation and from pocketsphinx's, and prints the quality table
# (docs/analysis.md). Needs python3, espeak-ng, sox and pocketsphinx. Arguments go to LessonQualityHarness:
# lesson names (default: all), --no-pocketsphinx, --explain, --utterances; or alone --sweep, --cue-words or --end-rises (question evidence on
# the tuning lessons). SHARED: the shared folder (default: ../shared of the checkout).
set -e
root=$(cd "$(dirname "$0")/../.." && pwd)
shared=${SHARED:-$root/../shared}
cd "$root"
mkdir -p adapters-local/speech/target
./mvnw -q -o -pl adapters-local/speech -am test-compile dependency:build-classpath -DskipTests \
  -Dmdep.outputFile="$root/adapters-local/speech/target/lesson-quality.classpath" -Dmdep.includeScope=test
cd adapters-local/speech
exec java -Dclassreflect.shared="$shared" \
  -cp "target/test-classes:target/classes:$(cat target/lesson-quality.classpath)" \
  org.classreflect.adapters.speech.quality.LessonQualityHarness "$@"
