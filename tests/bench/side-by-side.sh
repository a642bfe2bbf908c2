#!/usr/bin/env bash
# Side by side on this machine: the TorchSharp/ONNX Runtime peer (../shared/peers/TorchSharpLeNet, synthetic data) and
# LeNetGen's `bench` on the peer's network (PeerLeNet5), built once in Release, then run alternately (peer, ours, peer,
# ours, ...) so that both see the same load; prints the medians across rounds and their ratios as a Markdown table.
#
#   tests/bench/side-by-side.sh [--rounds N] [--threads N] [--quick] [--out DIR] [--peer DIR] [-- more bench options]
#
#   --rounds N   rounds of (peer, ours), default 2
#   --threads N  passed to both (the peer sets libtorch's and ONNX Runtime's threads); default: each picks (all cores)
#   --quick      short loops in both (the peer's --quick trains 10,000 images per pass; ours gets --train-limit 10000)
#   --out DIR    where the runs' output and JSON go, default runs/side-by-side-<UTC time>
#   --peer DIR   the peer's project folder, default ../shared/peers/TorchSharpLeNet beside the checkout
# Anything after -- goes to `bench` (e.g. -- --network classic to time another network against the same peer).
#
# Needs the .NET SDK and python3 (for the JSON). Absolute figures on a shared machine move by 10-40% between runs:
# compare ratios from one run of this script, not figures from different runs.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
rounds=2
threads=""
quick=""
out=""
peer_src="$root/../shared/peers/TorchSharpLeNet"
extra=()
while [[ $# -gt 0 ]]; do
    case "$1" in
        --rounds) rounds="$2"; shift 2 ;;
        --threads) threads="$2"; shift 2 ;;
        --quick) quick=1; shift ;;
        --out) out="$2"; shift 2 ;;
        --peer) peer_src="$2"; shift 2 ;;
        --) shift; extra=("$@"); break ;;
        -h|--help) sed -n '2,17p' "${BASH_SOURCE[0]}"; exit 0 ;;
        *) echo "side-by-side.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
done
command -v python3 >/dev/null || { echo "side-by-side.sh: python3 is needed to read the JSON" >&2; exit 2; }
[[ -f "$peer_src/TorchSharpLeNet.csproj" ]] || { echo "side-by-side.sh: no TorchSharpLeNet.csproj in $peer_src" >&2; exit 2; }
out=${out:-"$root/runs/side-by-side-$(date -u +%Y%m%dT%H%M%SZ)"}
mkdir -p "$out"

# Build both once. The peer builds into its own bin/ and obj/; where its folder is read-only, a temporary copy of its
# sources is built instead (never copied into this repository).
peer_dir="$peer_src"
echo "# building the peer ($peer_src), Release"
if ! dotnet build -c Release -nologo -v quiet "$peer_dir/TorchSharpLeNet.csproj" >"$out/build-peer.txt" 2>&1; then
    peer_dir=$(mktemp -d)
    echo "# $peer_src is not buildable in place (see $out/build-peer.txt); building a copy in $peer_dir"
    cp "$peer_src"/*.cs "$peer_src"/*.csproj "$peer_dir"/
    dotnet build -c Release -nologo -v quiet "$peer_dir/TorchSharpLeNet.csproj" >"$out/build-peer.txt" 2>&1 \
        || { cat "$out/build-peer.txt" >&2; exit 1; }
fi
echo "# building LeNetGen's samples, Release"
dotnet build -c Release -nologo -v quiet "$root/samples/LeNetGen.Samples/LeNetGen.Samples.csproj" >"$out/build-ours.txt" 2>&1 \
    || { cat "$out/build-ours.txt" >&2; exit 1; }
peer_dll="$peer_dir/bin/Release/net10.0/TorchSharpLeNet.dll"
ours_dll="$root/samples/LeNetGen.Samples/bin/Release/net10.0/lenetgen-samples.dll"

peer_args=()
ours_args=(bench --network peer)
[[ -n "$threads" ]] && { peer_args+=(--threads "$threads"); ours_args+=(--threads "$threads"); }
[[ -n "$quick" ]] && { peer_args+=(--quick); ours_args+=(--quick --train-limit 10000); }
ours_args+=("${extra[@]}")

for ((r = 1; r <= rounds; r++)); do
    echo "# round $r of $rounds: peer"
    dotnet "$peer_dll" "${peer_args[@]}" --json "$out/peer-$r.json" >"$out/peer-$r.txt" 2>&1 \
        || { cat "$out/peer-$r.txt" >&2; exit 1; }
    echo "# round $r of $rounds: LeNetGen ${ours_args[*]}"
    dotnet "$ours_dll" "${ours_args[@]}" --json "$out/ours-$r.json" >"$out/ours-$r.txt" 2>&1 \
        || { cat "$out/ours-$r.txt" >&2; exit 1; }
done

python3 "$root/tests/bench/side_by_side_table.py" "$out" "$rounds" | tee "$out/table.md"
echo "# outputs and JSON in $out"
