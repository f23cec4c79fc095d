#!/usr/bin/env bash
# Builds Strongroom's packages from the reactor's shaded jars, with jlink runtimes (no JDK needed
# on the target) and SHA-256 checksums beside them:
#
#   <out>/strongroom-desktop/                 desktop app-image (jpackage)
#   <out>/strongroom-desktop_<v>_amd64.deb    desktop .deb: menu entry, icon, Depends incl. GTK
#   <out>/strongroom-cli/                     CLI: jlink runtime + fast-start launcher (AppCDS)
#   <out>/strongroom-server_<v>_amd64.deb     server .deb: systemd unit, own user, /var/lib/strongroom
#   <out>/SHA256SUMS
#
# usage: installers/build.sh [out-dir] [version]
# The jars come first: mvn -B -pl installers -am package -DskipTests (which also runs this script,
# into installers/target/dist, with fast gzip compression). Needs jlink, jpackage, dpkg-deb and
# fakeroot. Debs are xz-compressed unless DPKG_DEB_COMPRESSOR_TYPE/_LEVEL say otherwise.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$(mkdir -p "${1:-$root/installers/target/dist}" && cd "${1:-$root/installers/target/dist}" && pwd)"
version="${2:-0.1.0}"
version="${version%-SNAPSHOT}"
src="$root/installers/src/deb"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

for tool in jlink jpackage dpkg-deb fakeroot; do
  command -v "$tool" >/dev/null || { echo "build.sh: $tool is missing" >&2; exit 2; }
done
desktop_jar="$root/desktop-client/target/strongroom-desktop.jar"
cli_jar="$root/cli/target/strongroom-cli.jar"
server_jar="$root/sync-server/target/strongroom-server.jar"
for jar in "$desktop_jar" "$cli_jar" "$server_jar"; do
  [[ -f "$jar" ]] || { echo "build.sh: $jar is missing (build the reactor first)" >&2; exit 2; }
done
rm -rf "$out"/strongroom-desktop "$out"/strongroom-cli "$out"/*.deb "$out"/SHA256SUMS

# The modules the jars use (jdeps --print-module-deps), plus those loaded only as services:
# elliptic-curve TLS suites, extra charsets and the zip file system.
common=java.base,java.desktop,java.logging,java.management,java.naming,java.net.http,java.sql
common=$common,java.security.jgss,jdk.crypto.ec,jdk.charsets,jdk.zipfs,jdk.unsupported,jdk.net
runtime() { # name, extra modules
  jlink --add-modules "$common${2:+,$2}" --strip-debug --no-header-files --no-man-pages \
    --compress=2 --output "$work/$1"
  # the default class-data-sharing archive: faster start, and the base the CLI's archive needs
  "$work/$1/bin/java" -Xshare:dump -Xlog:cds=off -Xlog:cds+dynamic=off >/dev/null
}
runtime desktop-runtime java.instrument,java.scripting,jdk.jfr
runtime cli-runtime ""
runtime server-runtime java.instrument

# Desktop: app-image, then a .deb from it. JavaFX's native libraries ship inside the jar, so the
# GTK/GL/X libraries they load are named by hand; jpackage adds what the runtime itself links.
mkdir -p "$work/desktop-in" && cp "$desktop_jar" "$work/desktop-in/"
# The app's JVM options come from the one file the launcher script and the desktop bench read.
desktop_opts=()
while IFS= read -r line; do
  [[ -z "$line" || "$line" == \#* ]] || desktop_opts+=(--java-options "$line")
done <"$root/desktop-client/src/main/resources/dev/strongroom/desktop/app/jvm.options"
jpackage --type app-image --name strongroom-desktop --app-version "$version" \
  --input "$work/desktop-in" --main-jar strongroom-desktop.jar "${desktop_opts[@]}" \
  --runtime-image "$work/desktop-runtime" --icon "$src/strongroom.png" \
  --description "Strongroom: end-to-end encrypted team vault" --vendor Strongroom \
  --dest "$out"
# The menu entry starts the app with the process environment it ships with (launch.env, also read
# by ./strongroom-desktop and the desktop bench): jpackage's launcher cannot set one itself.
app_env=()
while IFS='=' read -r name value; do
  [[ -z "$name" || "$name" == \#* ]] || app_env+=("$name=$value")
done <"$root/desktop-client/src/main/resources/dev/strongroom/desktop/app/launch.env"
mkdir -p "$work/desktop-resources"
cat >"$work/desktop-resources/strongroom-desktop.desktop" <<DESKTOP
[Desktop Entry]
Name=Strongroom
Comment=Strongroom: end-to-end encrypted team vault
Exec=env ${app_env[*]} /opt/strongroom-desktop/bin/strongroom-desktop
Icon=/opt/strongroom-desktop/lib/strongroom-desktop.png
Terminal=false
Type=Application
Categories=Utility;Security
DESKTOP
jpackage --type deb --app-image "$out/strongroom-desktop" --name strongroom-desktop \
  --resource-dir "$work/desktop-resources" \
  --app-version "$version" --description "Strongroom: end-to-end encrypted team vault" \
  --vendor Strongroom --icon "$src/strongroom.png" \
  --linux-package-name strongroom-desktop --linux-deb-maintainer "Strongroom <dev@strongroom.invalid>" \
  --linux-shortcut --linux-menu-group "Utility;Security" --linux-app-category utils \
  --linux-package-deps "libgtk-3-0, libgl1, libxxf86vm1, libfontconfig1" \
  --dest "$out"

# CLI: the shaded jar on its own runtime, started by a launcher that keeps start-up short with a
# class-data-sharing archive made on first use in the user's cache (JDK 17 dynamic AppCDS).
cli="$out/strongroom-cli"
mkdir -p "$cli/bin" "$cli/lib"
cp -a "$work/cli-runtime" "$cli/lib/runtime"
cp "$cli_jar" "$cli/lib/strongroom-cli.jar"
install -m 0755 "$src/cli/strongroom" "$cli/bin/strongroom"

# Server: app directory under /opt, unit, config and maintainer scripts, packed by dpkg-deb.
pkg="$work/server-deb"
app="$pkg/opt/strongroom-server"
mkdir -p "$app/bin" "$app/lib" "$pkg/DEBIAN" "$pkg/lib/systemd/system" "$pkg/etc/strongroom-server"
cp -a "$work/server-runtime" "$app/lib/runtime"
cp "$server_jar" "$app/lib/strongroom-server.jar"
cp "$root/sync-server/README.md" "$app/README.md"
install -m 0755 "$src/server/strongroom-server" "$app/bin/strongroom-server"
install -m 0644 "$src/server/strongroom-server.service" "$pkg/lib/systemd/system/"
install -m 0640 "$src/server/server.properties" "$pkg/etc/strongroom-server/"
install -m 0755 "$src/server/postinst" "$src/server/prerm" "$src/server/postrm" "$pkg/DEBIAN/"
echo /etc/strongroom-server/server.properties >"$pkg/DEBIAN/conffiles"
depends="$("$root/installers/shlib-depends.sh" "$app/lib/runtime")"
cat >"$pkg/DEBIAN/control" <<EOF
Package: strongroom-server
Version: $version
Architecture: $(dpkg --print-architecture)
Maintainer: Strongroom <dev@strongroom.invalid>
Depends: $depends, adduser | passwd
Section: net
Priority: optional
Installed-Size: $(du -sk "$pkg" | cut -f1)
Description: Strongroom sync server
 Syncs Strongroom's end-to-end encrypted vaults. It holds no key: it stores ciphertext
 and a hash-chained audit log, on SQLite in /var/lib/strongroom by default.
EOF
fakeroot dpkg-deb --build "$pkg" "$out/strongroom-server_${version}_$(dpkg --print-architecture).deb" >/dev/null

(cd "$out" && find strongroom-desktop strongroom-cli -type f -print0 | sort -z | xargs -0 sha256sum \
  && sha256sum ./*.deb) >"$work/SHA256SUMS"
mv "$work/SHA256SUMS" "$out/SHA256SUMS"
echo "built in $out:"
(cd "$out" && ls -1d strongroom-desktop strongroom-cli ./*.deb SHA256SUMS)
