#!/bin/sh
# Stands in for an rclone/rsync to a static host in tests: copies the site into $2/published (the test JVM's own
# folder), or fails when told to.
folder="${2:-target}"
if [ -f "$folder/publish-should-fail" ]; then
    echo "upload refused by the static host" >&2
    exit 3
fi
mkdir -p "$folder/published"
cp -r "$1"/. "$folder/published/"
echo "published $1"
