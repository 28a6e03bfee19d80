#!/bin/sh
# Stands in for an rclone/rsync to a static host in tests: copies the site, or fails when told to.
if [ -f target/publish-should-fail ]; then
    echo "upload refused by the static host" >&2
    exit 3
fi
mkdir -p target/published
cp -r "$1"/. target/published/
echo "published $1"
