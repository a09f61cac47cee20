#!/usr/bin/env bash
# Package the one-folder bundle (dist/kpidesk, from `make bundle`) for Linux:
#   dist/kpidesk-<version>-linux-<arch>.tar.gz   an AppDir-style folder:
#       KPI-Desk-<version>/
#         AppRun                 starts the app (also works as an AppImage AppDir)
#         kpidesk.desktop, kpidesk.png
#         usr/lib/kpidesk/       the bundle
#         usr/share/applications/kpidesk.desktop
#         usr/share/icons/hicolor/<size>/apps/kpidesk.png
#         install.sh             copies it under ~/.local and adds the menu entry
# With appimagetool on PATH the same folder also becomes an .AppImage.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x dist/kpidesk/kpidesk ] || { echo "dist/kpidesk missing: run make bundle first" >&2; exit 1; }
version=$(python3 -c 'import tomllib; print(tomllib.load(open("pyproject.toml","rb"))["project"]["version"])')
arch=$(uname -m)
name="KPI-Desk-$version"
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
app="$stage/$name"

mkdir -p "$app/usr/lib" "$app/usr/share/applications"
cp -a dist/kpidesk "$app/usr/lib/kpidesk"
cp packaging/kpidesk.desktop "$app/kpidesk.desktop"
cp packaging/kpidesk.desktop "$app/usr/share/applications/kpidesk.desktop"
cp resources/icons/kpidesk-256.png "$app/kpidesk.png"
cp resources/icons/kpidesk-256.png "$app/.DirIcon"
for size in 16 24 32 48 64 128 256 512; do
    mkdir -p "$app/usr/share/icons/hicolor/${size}x${size}/apps"
    cp "resources/icons/kpidesk-$size.png" "$app/usr/share/icons/hicolor/${size}x${size}/apps/kpidesk.png"
done

cat > "$app/AppRun" <<'RUN'
#!/bin/sh
# Start KPI Desk from wherever this folder was unpacked.
here="$(dirname "$(readlink -f "$0")")"
exec "$here/usr/lib/kpidesk/kpidesk" "$@"
RUN
chmod +x "$app/AppRun"

cat > "$app/install.sh" <<'INSTALL'
#!/bin/sh
# Install KPI Desk for this user: ~/.local/opt/kpidesk, a `kpidesk` command in
# ~/.local/bin and an entry in the applications menu. Run ./install.sh --remove to undo.
set -eu
here="$(dirname "$(readlink -f "$0")")"
prefix="${XDG_DATA_HOME:-$HOME/.local/share}"
opt="$HOME/.local/opt/kpidesk"
if [ "${1:-}" = "--remove" ]; then
    rm -rf "$opt" "$HOME/.local/bin/kpidesk" "$prefix/applications/kpidesk.desktop"
    find "$prefix/icons/hicolor" -name kpidesk.png -delete 2>/dev/null || true
    echo "KPI Desk removed (your shop files in $prefix/kpidesk stay)."
    exit 0
fi
rm -rf "$opt"
mkdir -p "$opt" "$HOME/.local/bin" "$prefix/applications"
cp -a "$here/usr/lib/kpidesk/." "$opt/"
ln -sf "$opt/kpidesk" "$HOME/.local/bin/kpidesk"
cp -a "$here/usr/share/icons" "$prefix/"
sed "s|^Exec=kpidesk|Exec=$opt/kpidesk|; s|^TryExec=kpidesk|TryExec=$opt/kpidesk|" \
    "$here/kpidesk.desktop" > "$prefix/applications/kpidesk.desktop"
command -v update-desktop-database >/dev/null && update-desktop-database "$prefix/applications" || true
echo "KPI Desk installed: find it in your applications menu, or run $opt/kpidesk"
INSTALL
chmod +x "$app/install.sh"

out="dist/kpidesk-$version-linux-$arch.tar.gz"
tar -C "$stage" -czf "$out" "$name"
echo "Linux archive: $out ($(du -h "$out" | cut -f1))"
if command -v appimagetool >/dev/null; then
    ARCH=$arch appimagetool "$app" "dist/KPI_Desk-$version-$arch.AppImage"
fi
