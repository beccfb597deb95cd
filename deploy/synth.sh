#!/usr/bin/env bash
# ./mvnw verify runs this with the module's class path: it synthesises the CDK app into $CDK_OUTDIR. Without Node.js
# (jsii runs the CDK's JavaScript in it) it says so and leaves the templates out, so building the apps still works.
set -euo pipefail
if ! command -v node >/dev/null 2>&1; then
  echo "Node.js is not installed: the CloudFormation templates ($CDK_OUTDIR) were not synthesised" >&2
  exit 0
fi
exec java -classpath "$1" org.classreflect.deploy.ClassReflectApp
