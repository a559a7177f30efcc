#!/bin/sh
# The page shows the revision baked into the image (env APP_REVISION), so a deploy is visible.
# CGI headers end in CRLF: busybox httpd passes them through as written.
printf 'Content-Type: text/html\r\n\r\n'
echo "<!doctype html><title>shop</title><h1>shop</h1><p>revision <code>${APP_REVISION:-unknown}</code></p>"
