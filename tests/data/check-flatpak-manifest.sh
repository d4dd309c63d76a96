#!/bin/sh
# The Flatpak manifest must parse with flatpak-builder without a single warning, and keep the
# sandbox we promise: exactly these finish-args, and no filesystem access.
# usage: check-flatpak-manifest.sh MANIFEST APP_ID
set -u
manifest=$1
app_id=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# flatpak-builder reads nothing from HOME for --show-manifest, but keep it private anyway.
HOME=$tmp flatpak-builder --show-manifest "$manifest" >"$tmp/out" 2>"$tmp/err"
rc=$?
if [ "$rc" -ne 0 ] || [ -s "$tmp/err" ]; then
  cat "$tmp/err" >&2
  echo "FAIL: flatpak-builder --show-manifest exited $rc or warned (above)" >&2
  exit 1
fi

/usr/bin/python3 - "$tmp/out" "$app_id" <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))
app_id = sys.argv[2]
errors = []
def expect(what, got, want):
    if got != want:
        errors.append(f"{what}: expected {want!r}, got {got!r}")
expect("id", m.get("id", m.get("app-id")), app_id)
expect("runtime", m.get("runtime"), "org.gnome.Platform")
expect("sdk", m.get("sdk"), "org.gnome.Sdk")
expect("command", m.get("command"), "delegate")
expect("finish-args", m.get("finish-args"), [
    "--share=network", "--share=ipc", "--socket=wayland",
    "--socket=fallback-x11", "--device=dri"])
if any("filesystem" in a for a in m.get("finish-args", [])):
    errors.append("finish-args must not grant filesystem access")
mods = m.get("modules", [])
if not mods or not isinstance(mods[-1], dict) or mods[-1].get("name") != "delegate":
    errors.append("the last module must be 'delegate'")
else:
    expect("delegate module buildsystem", mods[-1].get("buildsystem"), "meson")
for e in errors:
    print("FAIL:", e, file=sys.stderr)
sys.exit(1 if errors else 0)
PY
[ $? -eq 0 ] || exit 1
echo "ok: $manifest"
