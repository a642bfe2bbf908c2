#!/usr/bin/env python3
"""Reads the JSON of side-by-side.sh's rounds (peer-N.json, ours-N.json in a folder) and prints the medians across
rounds and their ratios as a Markdown table. Usage: side_by_side_table.py DIR ROUNDS"""
import json
import statistics
import sys

folder, rounds = sys.argv[1], int(sys.argv[2])


def load(kind):
    return [json.load(open(f"{folder}/{kind}-{r}.json"))["metrics"] for r in range(1, rounds + 1)]


peer, ours = load("peer"), load("ours")
# Which network `bench` ran: the key of its first training figure, e.g. peer_train_images_per_s_b64.
net = next(k.split("_train_images_per_s_b")[0] for k in ours[0] if "_train_images_per_s_b" in k)


def median(runs, name):
    values = [m[name]["value"] for m in runs if name in m]
    return statistics.median(values) if values else float("nan")


def fmt(v, digits=0):
    return "-" if v != v else f"{v:,.{digits}f}"


def ratio(a, b):
    return "-" if a != a or b != b or b == 0 else f"{a / b:.2f}x"


rows = []
for batch in (64, 256):
    o, t = median(ours, f"{net}_train_images_per_s_b{batch}"), median(peer, f"train_images_per_s_b{batch}")
    rows.append((f"training, batch {batch}, images/s", fmt(o), fmt(t), "-", f"{ratio(o, t)} (ours / TorchSharp)"))
o, t, x = median(ours, f"{net}_infer_latency_us_b1"), median(peer, "infer_latency_us_b1"), median(peer, "ort_infer_latency_us_b1")
rows.append(("inference latency, batch 1, us", fmt(o, 1), fmt(t, 1), fmt(x, 1),
             f"{ratio(o, t)} of TorchSharp's, {ratio(o, x)} of ORT's (lower is better)"))
o, t, x = median(ours, f"{net}_infer_images_per_s_b1000"), median(peer, "infer_images_per_s_b1000"), median(peer, "ort_infer_images_per_s_b1000")
rows.append(("inference, batch 1000, images/s", fmt(o), fmt(t), fmt(x), f"{ratio(o, x)} (ours / ORT), {ratio(o, t)} (ours / TorchSharp)"))
o, t = median(ours, "peak_rss_mib"), median(peer, "peak_rss_mib")
rows.append(("peak memory (VmHWM), MiB", fmt(o, 1), fmt(t, 1), "(same process)", f"{ratio(o, t)} (ours / TorchSharp; lower is better)"))

print(f"Medians of {rounds} alternating round(s); LeNetGen network: {net}; TorchSharp and ONNX Runtime: the peer, synthetic data.")
print(f"Measured FP32 peak (ours, median): {fmt(median(ours, 'fp32_peak_gflops_1core'))} GFLOP/s on one core, "
      f"{fmt(median(ours, 'fp32_peak_gflops_all_cores'))} on all; LeNetGen training at batch 64: "
      f"{fmt(median(ours, f'{net}_train_gflops_b64'), 1)} GFLOP/s, {fmt(median(ours, f'{net}_train_peak_percent_b64'), 1)}% of peak.")
print()
print("| figure | LeNetGen | TorchSharp (libtorch) | ONNX Runtime | ratio |")
print("|---|---:|---:|---:|---|")
for row in rows:
    print("| " + " | ".join(row) + " |")

# Every round's figures, to see how much the machine moved between rounds.
figures = [
    ("training b64, images/s", ours, f"{net}_train_images_per_s_b64", peer, "train_images_per_s_b64"),
    ("training b256, images/s", ours, f"{net}_train_images_per_s_b256", peer, "train_images_per_s_b256"),
    ("latency b1, us", ours, f"{net}_infer_latency_us_b1", peer, "infer_latency_us_b1"),
    ("ORT latency b1, us", None, None, peer, "ort_infer_latency_us_b1"),
    ("inference b1000, images/s", ours, f"{net}_infer_images_per_s_b1000", peer, "infer_images_per_s_b1000"),
    ("ORT inference b1000, images/s", None, None, peer, "ort_infer_images_per_s_b1000"),
    ("peak memory, MiB", ours, "peak_rss_mib", peer, "peak_rss_mib"),
]


def round_values(runs, name):
    if runs is None:
        return "-"
    return ", ".join(fmt(m[name]["value"], 1) if name in m else "-" for m in runs)


print()
print("| per round | LeNetGen | peer |")
print("|---|---:|---:|")
for title, our_runs, our_name, peer_runs, peer_name in figures:
    print(f"| {title} | {round_values(our_runs, our_name)} | {round_values(peer_runs, peer_name)} |")
