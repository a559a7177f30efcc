#!/bin/sh
# The page shows the revision baked into the image (env APP_REVISION), so a deploy is visible.
echo "Content-Type: text/html"
echo ""
echo "<!doctype html><title>shop</title><h1>shop</h1><p>revision <code>${APP_REVISION:-unknown}</code></p>"
