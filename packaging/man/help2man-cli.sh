#!/bin/sh
# What help2man runs for superflow-cli's man page: the real binary ($SF_CLI), with the --help
# synopsis spelled as help2man reads it ("Usage:", "  or:" continuations). superflow-cli itself
# prints "usage:", which scripts and tests match, so only the page's copy is rewritten.
if [ "$1" = --help ]; then
  "$SF_CLI" --help | sed -e 's/^usage: /Usage: /' -e 's/^       superflow-cli /  or:  superflow-cli /'
else
  exec "$SF_CLI" "$@"
fi
