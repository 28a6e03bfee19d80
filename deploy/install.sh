#!/bin/sh
# Installs Outband on a Debian 12 VM as the systemd service `outband`, or upgrades it to a newer
# package (deploy/README.md, "Option A"). Run as root, from the folder the release archive was
# unpacked into:
#
#   deploy/install.sh [PACKAGE]
#
# PACKAGE is the folder `./mvnw -B -DskipTests package` builds (target/quarkus-app), built on another
# machine: the build needs more memory than a small VM has. Default: quarkus-app beside this deploy
# folder (the release archive), else target/quarkus-app (a checkout).
#
# It creates the system user `outband` (home and data folder /var/lib/outband) and /etc/outband;
# writes /etc/outband/outband.env from outband.env.example once (chmod 600; it is never overwritten)
# and stops, so that you fill it in; installs the package into /opt/outband (owned by root, read-only
# to the service), rebuilding it for PostgreSQL when the environment file names one; installs
# outband.service; and (re)starts the service, waiting until /q/health/ready answers.
# Needs: java 17 or newer and curl (apt-get install -y openjdk-17-jre-headless curl).
set -eu

deploy=$(CDPATH='' cd -- "$(dirname -- "$0")" && pwd)
program=/opt/outband
data=/var/lib/outband
settings=/etc/outband
env_file=$settings/outband.env
unit=/etc/systemd/system/outband.service
ready_timeout=${OUTBAND_READY_TIMEOUT:-180}

fail() {
    echo "install.sh: $*" >&2
    exit 1
}

# The value of one variable in the environment file, its quotes removed (the file is not run as a
# script: a password may hold characters a shell would act on).
setting() {
    sed -n "s/^[[:space:]]*$1=//p" "$env_file" | tail -n 1 | sed -e "s/^'\(.*\)'\$/\1/" -e 's/^"\(.*\)"$/\1/'
}

[ "$(id -u)" = 0 ] || fail "run it as root (sudo $0 $*)"

if [ $# -gt 0 ]; then
    package=$1
elif [ -f "$deploy/../quarkus-app/quarkus-run.jar" ]; then
    package=$deploy/../quarkus-app
else
    package=$deploy/../target/quarkus-app
fi
if [ ! -f "$package/quarkus-run.jar" ] || [ ! -f "$package/outband" ]; then
    fail "no Outband package in $package: build it elsewhere with ./mvnw -B -DskipTests package and copy target/quarkus-app here (deploy/README.md, Option A)"
fi
package=$(CDPATH='' cd -- "$package" && pwd)

command -v java >/dev/null 2>&1 || fail "no java: apt-get install -y openjdk-17-jre-headless"
java_version=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p')
[ "${java_version%%.*}" -ge 17 ] 2>/dev/null || fail "java is version ${java_version:-unknown}; Outband needs 17 or newer: apt-get install -y openjdk-17-jre-headless"
command -v curl >/dev/null 2>&1 || fail "no curl (used to wait until Outband is ready): apt-get install -y curl"

# The service user: no password, no login shell; its home is the data folder, so what it runs (rclone,
# ssh for the publish and backup commands) finds its configuration there.
if ! id outband >/dev/null 2>&1; then
    useradd --system --user-group --home-dir "$data" --shell /usr/sbin/nologin outband
    echo "install.sh: created the system user outband (home $data)"
fi
install -d -o outband -g outband -m 750 "$data"
install -d -o root -g root -m 755 "$settings"

if [ ! -f "$env_file" ]; then
    install -o root -g root -m 600 "$deploy/outband.env.example" "$env_file"
    echo "install.sh: wrote $env_file (dry run: no SMS or email is sent). Set OUTBAND_PUBLIC_URL and"
    echo "  OUTBAND_BOOTSTRAP_ADMIN_PASSWORD in it (editor $env_file), then run $0 again to install and start."
    exit 0
fi
# systemd reads the file as root before it starts the service as outband: nobody else needs to.
chmod go-rwx "$env_file"
case "$(setting OUTBAND_PUBLIC_URL)" in
    *example.org*|"") echo "install.sh: warning: OUTBAND_PUBLIC_URL in $env_file is not set to your public name yet" >&2 ;;
esac

# The new package is made ready in a folder of its own beside the running one, then replaces it in one
# step. A rebuild for PostgreSQL writes a few build files beside the package: they stay in that folder.
stage=$(mktemp -d "$program-install.XXXXXX")
trap 'rm -rf "$stage"' EXIT
cp -R "$package" "$stage/outband"
chown -R root:root "$stage/outband"
chmod -R go-w "$stage/outband"
chmod 755 "$stage/outband" "$stage/outband/outband"
database_url=$(setting OUTBAND_DATABASE_URL)
if [ -n "$database_url" ]; then
    # The service may not write its program folder: the rebuild for PostgreSQL happens here, as root.
    OUTBAND_DATABASE_URL=$database_url "$stage/outband/outband" rebuild
fi

systemd=false
[ -d /run/systemd/system ] && systemd=true
if $systemd && systemctl is-active --quiet outband; then
    echo "install.sh: stopping outband to replace its package (it finishes what it is sending first)"
    systemctl stop outband
fi
[ ! -d "$program" ] || mv "$program" "$stage/previous"
mv "$stage/outband" "$program"
install -o root -g root -m 644 "$deploy/outband.service" "$unit"
echo "install.sh: installed $program and $unit"

if ! $systemd; then
    echo "install.sh: systemd is not running on this machine, so outband was not started."
    echo "  On a VM with systemd: systemctl daemon-reload && systemctl enable --now outband"
    exit 0
fi
systemctl daemon-reload
systemctl enable --quiet outband
systemctl restart outband

# Outband answers once it has started (a few seconds; the first start also creates the database).
port=$(setting QUARKUS_HTTP_PORT)
url="http://127.0.0.1:${port:-8080}/q/health/ready"
echo "install.sh: waiting up to $ready_timeout s for $url"
deadline=$(($(date +%s) + ready_timeout))
until curl -fsS -o /dev/null --max-time 5 "$url" 2>/dev/null; do
    if [ "$(date +%s)" -ge "$deadline" ]; then
        journalctl -u outband -n 30 --no-pager >&2 || true
        fail "Outband is not ready after $ready_timeout s: its log is above (more: journalctl -u outband -n 200 --no-pager; readiness: curl -sS $url)"
    fi
    sleep 2
done
curl -sS --max-time 5 "$url"
echo
echo "install.sh: outband is running and ready. Its log: journalctl -u outband -f"
