#!/usr/bin/env bash
# Renders the pictures of the built-in graph in docs/ from the crate's DOT
# export. Needs Graphviz; installs it from the system's packages when absent.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v dot >/dev/null; then
  apt-get update -qq && apt-get install -y -qq graphviz
fi
cargo run --quiet --example dot -- flagships:IPEC+ 2 | dot -Tsvg -o docs/ipec-plus.svg
echo "wrote docs/ipec-plus.svg"
