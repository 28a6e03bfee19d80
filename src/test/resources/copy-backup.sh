#!/bin/sh
# Stands in for an rclone copy to off-site storage in tests: copies the backup into $2/offsite (the test JVM's own
# folder), or fails when told to.
folder="${2:-target}"
if [ -f "$folder/copy-backup-should-fail" ]; then
    echo "offsite storage refused the upload" >&2
    exit 4
fi
mkdir -p "$folder/offsite"
cp "$1" "$folder/offsite/"
echo "copied $1"
