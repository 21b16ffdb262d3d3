#!/bin/sh
# deps.sh — installs the Debian packages carnet needs, and only those missing.
#
#   tools/deps.sh build    what `make report` needs (compilers, libraries)
#   tools/deps.sh check    that, plus what `make check` needs (Check, readers,
#                          Chromium and Node.js, and tests/web's npm packages
#                          as tests/web/package-lock.json pins them)
#   tools/deps.sh valgrind that, plus valgrind
#   tools/deps.sh fuzz     that, plus clang and its libFuzzer runtime
#   tools/deps.sh bench    build, plus python3 with PIL (the camera photos
#                          the photo bench makes), time(1) and valgrind
#
# Idempotent and quiet when nothing is missing.  As root it installs what is
# missing with apt-get; otherwise it names the packages and exits 1.
set -eu

build="gcc g++ make pkg-config libc6-dev libglib2.0-dev libcsv-dev
       libxlsxwriter-dev libcairo2-dev libpango1.0-dev libcmark-dev
       libhyphen-dev hyphen-fr libqpdf-dev icc-profiles-free scribus-data libssl-dev libxxhash-dev
       libjpeg62-turbo-dev libexif-dev liblcms2-dev libgs-common libpng-dev
       libwebp-dev librsvg2-dev libharfbuzz-dev gettext locales libhunspell-dev
       hunspell-fr-classical"
# PDF checks: pikepdf walks the structure, PDFBox's preflight (Java, with
# the two libraries Debian's package leaves out) reads it as PDF/A
check="check python3 python3-openpyxl python3-pil qpdf poppler-utils strace
       python3-pikepdf ghostscript libpdfbox2-java default-jre-headless libactivation-java
       libjaxb-api-java"
web="chromium fonts-dejavu-core nodejs"

case "${1:-build}" in
build)    want=$build ;;
check)    want="$build $check $web" ;;
valgrind) want="$build $check valgrind" ;;
fuzz)     want="$build $check clang libclang-rt-14-dev" ;;
bench)    want="$build python3 python3-pil time valgrind git openssl" ;;
*) echo "usage: tools/deps.sh [build|check|valgrind|fuzz|bench]" >&2; exit 2 ;;
esac

if ! command -v dpkg-query >/dev/null 2>&1; then
	echo "carnet: not a Debian system; install the equivalents of: $want" >&2
	exit 0
fi

# The web tests' npm packages, installed from the lockfile into
# tests/web/node_modules once Node.js is there; a copy of the lockfile
# beside them tells they are up to date.
web_packages() {
	[ "${1:-build}" = check ] || return 0
	dir=$(dirname "$0")/../tests/web
	cmp -s "$dir/package-lock.json" "$dir/node_modules/.carnet-lock" && return 0
	echo "carnet: installing the web tests' npm packages (tests/web/package-lock.json)" >&2
	(cd "$dir" && npm ci --silent --no-audit --no-fund >/dev/null) || {
		echo "carnet: npm ci failed in tests/web" >&2; exit 1; }
	cp "$dir/package-lock.json" "$dir/node_modules/.carnet-lock"
}

missing=""
for p in $want; do
	st=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
	[ "$st" = installed ] || missing="$missing $p"
done
# Debian's nodejs comes without npm (NodeSource's has it built in)
case " $want " in *" nodejs "*)
	command -v npm >/dev/null 2>&1 || missing="$missing npm" ;;
esac
# The data-quality report is French whatever the user's locale: gettext
# needs a French locale on the machine to translate into French
french_locale() {
	locale -a 2>/dev/null | grep -qi '^fr_FR\.utf-\?8$' && return 0
	if [ "$(id -u)" != 0 ]; then
		echo "carnet: no French locale: as root, localedef -i fr_FR -f UTF-8 fr_FR.UTF-8" >&2
		exit 1
	fi
	echo "carnet: making the French locale fr_FR.UTF-8" >&2
	localedef -i fr_FR -f UTF-8 fr_FR.UTF-8
}

if [ -z "$missing" ]; then
	french_locale
	web_packages "${1:-build}"
	exit 0
fi

if [ "$(id -u)" != 0 ]; then
	echo "carnet: missing Debian packages:$missing" >&2
	echo "carnet: install them as root: apt-get install$missing" >&2
	exit 1
fi

echo "carnet: installing$missing" >&2
export DEBIAN_FRONTEND=noninteractive
# A fresh machine has no package lists yet: update them once if needed.
if ! apt-get install -y -qq --no-install-recommends $missing >/dev/null 2>&1; then
	apt-get update -qq >/dev/null
	apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi
french_locale
web_packages "${1:-build}"
