#!/usr/bin/env bash
# Builds the Linux installers from what `./mvnw package` left in target/:
#   target/packaging/runtime           the Java runtime (jlink, ../jlink.conf + JavaFX as named modules)
#   target/packaging/SMSVerifyo        the app image (jpackage --type app-image): unpack and run bin/SMSVerifyo
#   target/packaging/smsverifyo_*.deb  the Debian package (jpackage --type deb)
# The Maven profile runs it: ./mvnw -Ppackage package   (or run it by hand after ./mvnw package).
#
# Options: --version V   the app version (default: the one the build wrote into target/classes)
#          --no-deb      the runtime and the app image only
# Needs a JDK 17+ with jlink and jpackage; the .deb also needs fakeroot and dpkg-deb (Debian packages).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
target=$root/target
out=$target/packaging
version=
deb=true
while [ $# -gt 0 ]; do
    case "$1" in
        --version) version=$2; shift 2 ;;
        --no-deb) deb=false; shift ;;
        *) echo "build.sh: unknown option $1" >&2; exit 2 ;;
    esac
done

say() { echo "[packaging] $*"; }
fail() { echo "[packaging] error: $*" >&2; exit 1; }

tool() { # the JDK's tool: from JAVA_HOME when set, else the one on the PATH
    if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/$1" ]; then
        echo "$JAVA_HOME/bin/$1"
    elif command -v "$1" >/dev/null 2>&1; then
        command -v "$1"
    else
        fail "$1 is missing: it comes with a full JDK 17+ (Debian: apt-get install openjdk-17-jdk)"
    fi
}
jlink=$(tool jlink)
jpackage=$(tool jpackage)

[ -f "$target/smsverifyo.jar" ] && [ -d "$target/lib" ] \
    || fail "target/smsverifyo.jar and target/lib are missing: run ./mvnw package -DskipTests first"
if [ -z "$version" ]; then
    version=$(sed -n 's/^version=//p' "$target/classes/smsverifyo-version.properties")
fi
[ -n "$version" ] || fail "no version: pass --version"

if $deb; then
    missing=
    command -v fakeroot >/dev/null 2>&1 || missing="$missing fakeroot"
    command -v dpkg-deb >/dev/null 2>&1 || missing="$missing dpkg"
    [ -z "$missing" ] || fail "the .deb needs:$missing — install with: sudo apt-get install -y$missing (or pass --no-deb)"
fi

# jpackage wants a plain numeric version (1.2.3); a snapshot is marked in the package release instead.
numeric=${version%%-*}
case "$version" in *-SNAPSHOT) release=0.snapshot ;; *) release=1 ;; esac
[[ $numeric =~ ^[0-9]+(\.[0-9]+){0,3}$ ]] || fail "version $version does not start with a numeric version"

rm -rf "$out"
mkdir -p "$out/input/lib"

# JavaFX goes into the runtime as named modules (the -linux jars carry the classes and the natives);
# everything else, our jar first, stays on the class path beside it, as the jar's manifest names it.
javafx=$(ls "$target"/lib/javafx-*-linux.jar 2>/dev/null | tr '\n' ':')
[ -n "$javafx" ] || fail "no JavaFX -linux jars in target/lib"
cp "$target/smsverifyo.jar" "$out/input/"
for jar in "$target"/lib/*.jar; do
    case "$(basename "$jar")" in javafx-*) ;; *) cp "$jar" "$out/input/lib/" ;; esac
done

say "runtime image (jlink @jlink.conf + javafx.controls)"
"$jlink" @"$root/jlink.conf" --module-path "${javafx%:}" --add-modules javafx.controls --output "$out/runtime"
# JavaFX loads its natives with System.loadLibrary when it runs as a module: put them in the runtime's
# lib/, so it never unpacks them into ~/.openjfx at first start.
for jar in "$target"/lib/javafx-*-linux.jar; do
    (cd "$out/runtime/lib" && unzip -qo "$jar" '*.so' 2>/dev/null || true)
done

# What the app needs from JavaFX internals, JavaFX being a named module (see packaging/jvm-options).
java_options=()
while read -r option; do
    java_options+=(--java-options "$option")
done < <(grep -v '^\s*#' "$root/packaging/jvm-options" | grep -v '^\s*$')

common=(
    --name SMSVerifyo
    --app-version "$numeric"
    --vendor "SMSVerifyo"
    --description "SMSVerifyo Desk: rent phone numbers that receive SMS verification codes"
    --copyright "SMSVerifyo"
)

say "app image (jpackage --type app-image)"
"$jpackage" --type app-image "${common[@]}" \
    --dest "$out" \
    --input "$out/input" \
    --main-jar smsverifyo.jar \
    --main-class com.smsverifyo.cli.Launcher \
    --runtime-image "$out/runtime" \
    --icon "$root/assets/icon.png" \
    "${java_options[@]}"

if $deb; then
    say "Debian package (jpackage --type deb)"
    "$jpackage" --type deb "${common[@]}" \
        --dest "$out" \
        --app-image "$out/SMSVerifyo" \
        --icon "$root/assets/icon.png" \
        --resource-dir "$root/packaging/linux" \
        --linux-package-name smsverifyo \
        --linux-app-release "$release" \
        --linux-deb-maintainer "packaging@smsverifyo.invalid" \
        --linux-menu-group "Office;Network;" \
        --linux-app-category net \
        --linux-shortcut \
        --linux-package-deps "libgtk-3-0, libxtst6, libxxf86vm1, libgl1"
fi

say "app image: $(du -sh "$out/SMSVerifyo" | cut -f1) in $out/SMSVerifyo (runtime $(du -sh "$out/runtime" | cut -f1))"
if $deb; then
    for file in "$out"/*.deb; do
        say "package:   $(du -h "$file" | cut -f1) $file"
    done
fi
