#!/bin/sh
# The staff commands of docs/voor-gemeenten.md, run from the project folder: ./regelingen.sh validate FILE,
# ./regelingen.sh new oss energietoeslag, ./regelingen.sh preview FILE, ./regelingen.sh index, ./regelingen.sh links.
# Makes the project's Python environment first when it is missing (the same one `make run` makes).
set -e
[ -x .venv/bin/flask ] || make --no-print-directory .venv/.runtime >&2
exec .venv/bin/flask --app app regelingen "$@"
