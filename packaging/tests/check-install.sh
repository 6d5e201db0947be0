#!/usr/bin/env bash
# Installs a build into a scratch DESTDIR (prefix /usr, as the .deb does) and
# checks what a desktop and a package manager rely on: the file layout, the
# .desktop entry (desktop-file-validate), the AppStream metainfo (appstreamcli
# validate --pedantic), the MIME package (update-mime-database), the man pages
# (man --warnings, as lintian runs it), one version in every file, and that
# the metainfo's screenshots are the ones in packaging/screenshots/.
#   packaging/tests/check-install.sh BUILD_DIR SOURCE_DIR VERSION "ICON SIZES"
set -euo pipefail
build="$1"
source_dir="$2"
version="$3"
read -r -a sizes <<<"${4:-16 22 24 32 48 64 128 256 512}"
id=io.github.cartograph.Cartograph

failures=0
fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}
for tool in desktop-file-validate appstreamcli update-mime-database man lexgrog file dpkg-parsechangelog; do
    command -v "$tool" >/dev/null || { echo "FAIL: $tool is missing (packaging/bootstrap.sh deps installs it)" >&2; exit 1; }
done

dest="$(mktemp -d)"
trap 'rm -rf "$dest"' EXIT
DESTDIR="$dest" cmake --install "$build" --prefix /usr >"$dest.log" 2>&1 || { cat "$dest.log" >&2; rm -f "$dest.log"; exit 1; }
rm -f "$dest.log"
usr="$dest/usr"
share="$usr/share"

# Layout.
expected=(
    bin/cartograph bin/cartograph-cli
    "share/applications/$id.desktop"
    "share/metainfo/$id.metainfo.xml"
    "share/mime/packages/$id.xml"
    "share/icons/hicolor/scalable/apps/$id.svg"
    share/man/man1/cartograph.1.gz share/man/man1/cartograph-cli.1.gz
    share/doc/cartograph/copyright share/doc/cartograph/changelog.gz
)
for size in "${sizes[@]}"; do
    expected+=("share/icons/hicolor/${size}x${size}/apps/$id.png")
done
for path in "${expected[@]}"; do
    [[ -s "$usr/$path" ]] || fail "not installed: /usr/$path"
done
[[ -n "$(ls -A "$share/cartograph/samples" 2>/dev/null)" ]] || fail "no sample corpus in /usr/share/cartograph/samples"
for binary in cartograph cartograph-cli; do
    [[ -x "$usr/bin/$binary" ]] || fail "/usr/bin/$binary is not executable"
done
outside="$(cd "$dest" && find . -mindepth 1 -maxdepth 1 ! -name usr)"
[[ -z "$outside" ]] || fail "installed outside /usr: $outside"

# Icons: each PNG has the size its folder names.
for size in "${sizes[@]}"; do
    png="$share/icons/hicolor/${size}x${size}/apps/$id.png"
    [[ -f "$png" ]] && ! file -b "$png" | grep -q "PNG image data, $size x $size," && fail "$png: $(file -b "$png")"
done

# The .desktop entry: valid, files and folders through %F, an installed icon,
# and no inode/directory (which made Cartograph every folder's default opener).
desktop="$share/applications/$id.desktop"
if ! out="$(desktop-file-validate "$desktop" 2>&1)" || [[ -n "$out" ]]; then
    fail "desktop-file-validate: $out"
fi
grep -qx 'Exec=cartograph %F' "$desktop" || fail "Exec does not pass files and folders with %F: $(grep '^Exec=' "$desktop")"
grep -q '^MimeType=.*inode/directory' "$desktop" && fail "MimeType lists inode/directory"
grep -qx 'MimeType=application/x-cartograph-project;' "$desktop" || fail "MimeType: $(grep '^MimeType=' "$desktop")"
grep -qx "Icon=$id" "$desktop" || fail "Icon= is not $id"

# AppStream: no errors or warnings, also pedantic ones are only notes.
metainfo="$share/metainfo/$id.metainfo.xml"
if ! out="$(appstreamcli validate --pedantic --no-net "$metainfo" 2>&1)"; then
    fail "appstreamcli validate: $out"
elif grep -qE '^(E|W):' <<<"$out"; then
    fail "appstreamcli validate warns: $out"
fi
grep -q "<release version=\"$version\"" "$metainfo" || fail "the metainfo has no release $version"
# Screenshots are served from the repository's main branch: each URL must name
# a file in this checkout, of the size the metainfo gives.
repo_url=https://raw.githubusercontent.com/cartograph/cartograph/main/
shots=0
while read -r width height url; do
    shots=$((shots + 1))
    [[ "$url" == "$repo_url"* ]] || { fail "screenshot not served from the repository: $url"; continue; }
    png="$source_dir/${url#"$repo_url"}"
    [[ -f "$png" ]] || { fail "screenshot missing from the checkout: ${url#"$repo_url"}"; continue; }
    file -b "$png" | grep -q "PNG image data, $width x $height," || fail "$png is not ${width}x$height: $(file -b "$png")"
done < <(sed -n 's|.*<image type="source" width="\([0-9]*\)" height="\([0-9]*\)">\([^<]*\)</image>.*|\1 \2 \3|p' "$metainfo")
((shots > 0)) || fail "the metainfo has no screenshots"

# MIME: the package compiles into a database without complaints.
mkdir -p "$dest/mime/packages"
cp "$share/mime/packages/$id.xml" "$dest/mime/packages/"
if ! out="$(XDG_DATA_HOME="$dest" update-mime-database "$dest/mime" 2>&1)" || [[ -n "$out" ]]; then
    fail "update-mime-database: $out"
fi
grep -q 'application/x-cartograph-project' "$dest/mime/globs2" || fail "the project type is not in the compiled globs"

# Man pages: gzip -n, no roff warnings, a NAME line for whatis.
for page in cartograph cartograph-cli; do
    gz="$share/man/man1/$page.1.gz"
    [[ -f "$gz" ]] || continue
    gzip -t "$gz" || fail "$gz is not gzip"
    if ! out="$(LC_ALL=C.UTF-8 MANROFFSEQ='' MANWIDTH=80 man --warnings -E UTF-8 -l -Tutf8 -Z "$gz" 2>&1 >/dev/null)" || [[ -n "$out" ]]; then
        fail "man --warnings $page: $out"
    fi
    lexgrog "$gz" >/dev/null 2>&1 || fail "$page.1 has no NAME line whatis can read"
    zcat "$gz" | grep -q '^\.TH' || fail "$page.1 has no .TH header"
done

# Every option the programs list in --help is in their man page.
options_documented() { # page help-text
    local option
    for option in $(grep -oE -- '--[a-z][a-z-]+' <<<"$2" | sort -u); do
        zcat "$share/man/man1/$1.1.gz" | grep -qE -- "(^|[^a-z-])$option([^a-z-]|\$)" || fail "$1 --help lists $option, its man page does not"
    done
}
options_documented cartograph-cli "$("$usr/bin/cartograph-cli" build --help 2>&1; "$usr/bin/cartograph-cli" --help 2>&1)"
options_documented cartograph "$(QT_QPA_PLATFORM=offscreen "$usr/bin/cartograph" --help 2>&1)"

# One version: CMake's, the changelog's, the CLI's.
changelog="$share/doc/cartograph/changelog.gz"
if [[ -f "$changelog" ]]; then
    top="$(zcat "$changelog" | dpkg-parsechangelog -l - -S Version)"
    [[ "$top" == "$version" ]] || fail "the changelog's latest entry is $top, the project is $version"
fi
cli_version="$(QT_QPA_PLATFORM=offscreen "$usr/bin/cartograph-cli" --version 2>&1 || true)"
[[ "$cli_version" == "cartograph-cli $version" ]] || fail "cartograph-cli --version says: $cli_version"
grep -q '^Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/' "$share/doc/cartograph/copyright" \
    || fail "the copyright file is not in the machine-readable format"

if ((failures > 0)); then
    echo "$failures check(s) failed" >&2
    exit 1
fi
echo "install layout: ${#expected[@]} files, desktop entry, metainfo, MIME type and man pages are valid"
