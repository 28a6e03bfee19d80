#!/bin/sh
# Stands in for an rclone copy to off-site storage in tests: copies the backup, or fails when told to.
if [ -f target/copy-backup-should-fail ]; then
    echo "offsite storage refused the upload" >&2
    exit 4
fi
mkdir -p target/offsite
cp "$1" target/offsite/
echo "copied $1"
