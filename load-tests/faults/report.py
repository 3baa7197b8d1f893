#!/usr/bin/env python3
"""Turns the logs of run-faults.sh into a Markdown report: answers per fault window, recovery times,
acknowledged writes compared with the database."""
import argparse
import collections
import os
import re

p = argparse.ArgumentParser()
for name in ("work", "label", "users", "outage", "load", "c-result", "d-log", "d-api", "d-console", "d-backup"):
    p.add_argument("--" + name, required=True)
a = p.parse_args()
W = a.work


def lines(name):
    path = os.path.join(W, name)
    return [l.split() for l in open(path, encoding="utf-8")] if os.path.exists(path) else []


events = {e[1]: int(e[0]) for e in lines("events.log")}
writes = [(int(l[0]), l[2], l[3] if len(l) > 3 else "") for l in lines("writes.log")]
probes = [(int(l[0]), l[1], l[2] if len(l) > 2 else "000") for l in lines("probes.log")]
acked = {l[2]: l[0] for l in ((w[0], None, w[2]) for w in writes if w[1] == "ack")}
stored = {l[0] for l in lines("stored-ids.txt")}

windows = [
    ("before the faults", events["load.start"], events["a.postgres.down"]),
    ("(a) PostgreSQL down", events["a.postgres.down"], events["a.postgres.up"]),
    ("(a) after PostgreSQL is back", events["a.postgres.up"], events["b.redis.down"]),
    ("(b) Redis down", events["b.redis.down"], events["b.redis.up"]),
    ("(b) after Redis is back", events["b.redis.up"], events["load.writers-stopped"]),
]
KINDS = [("cached", "cached public page (www home)"), ("uncached", "page that needs the database (unknown article, 404)"),
         ("login-form", "staff login form"), ("staff-session", "staff page, session from before the faults")]


def tally(items):
    c = collections.Counter(items)
    return ", ".join(f"{k}×{v}" for k, v in sorted(c.items(), key=lambda kv: -kv[1])) or "–"


def write_outcome(w):
    return "ack" if w[1] == "ack" else w[1]


def good(kind, status):
    return status == ("404" if kind == "uncached" else "200")


def first_after(t0, items):
    return next(((t - t0) / 1000 for t, ok in items if t >= t0 and ok), None)


def fmt(s):
    return "not within the run" if s is None else f"{s:.1f} s"


out = []
out.append(f"# Faults under load — {a.label}\n")
out.append(f"Gatling `browse` with {a.users} readers on 127.0.0.1; each service down for {a.outage} s; own PostgreSQL "
           f"(5434) and Redis (6380). Probes every 250 ms; one staff writer saving article drafts. "
           f"Machine: {os.cpu_count()} cores, load average {a.load}.\n")
out.append("## Answers seen, by window\n")
out.append("| window | " + " | ".join(label for _, label in KINDS) + " | staff writes (draft saves) |")
out.append("|---" * (len(KINDS) + 2) + "|")
for name, start, end in windows:
    row = [tally(s for t, k, s in probes if k == kind and start <= t < end) for kind, _ in KINDS]
    row.append(tally(write_outcome(w) for w in writes if start <= w[0] < end))
    out.append(f"| {name} | " + " | ".join(row) + " |")

gatling_path = os.path.join(W, "gatling.log")
gatling = open(gatling_path, encoding="utf-8", errors="replace").read() if os.path.exists(gatling_path) else ""
progress = []  # (epoch_ms, total, ok, ko) cumulative, every 5 s
import datetime
for block in gatling.split("=" * 120):
    stamp = re.search(r"(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d) GMT", block)
    glob = re.search(r"> Global\s*\|\s*([\d,]+)\s*\|\s*([\d,]+)\s*\|\s*([\d,-]+)", block)
    if stamp and glob:
        t = datetime.datetime.strptime(stamp.group(1), "%Y-%m-%d %H:%M:%S").replace(tzinfo=datetime.timezone.utc).timestamp() * 1000
        n = [int(x.replace(",", "")) if x.strip("-") else 0 for x in glob.groups()]
        progress.append((t, *n))


def at(t):
    before = [p for p in progress if p[0] <= t]
    return before[-1] if before else (t, 0, 0, 0)


if progress:
    out.append("\nGatling readers in the same windows (from its 5-second progress lines, so ±5 s at the edges):\n")
    out.append("| window | requests | OK | KO |")
    out.append("|---|---|---|---|")
    for name, start, end in windows:
        s0, s1 = at(start), at(end)
        out.append(f"| {name} | {s1[1] - s0[1]} | {s1[2] - s0[2]} | {s1[3] - s0[3]} |")

out.append("\n## Recovery (from the moment the service was started again to the first good answer)\n")
out.append("| after | " + " | ".join(label for _, label in KINDS) + " | first acknowledged write |")
out.append("|---" * (len(KINDS) + 2) + "|")
for name, down, up in (("PostgreSQL restart (a)", events["a.postgres.down"], events["a.postgres.up"]),
                       ("Redis restart (b)", events["b.redis.down"], events["b.redis.up"])):
    row = []
    for kind, _ in KINDS:
        answers = [(t, good(k, s)) for t, k, s in probes if k == kind]
        failed = any(not ok for t, ok in answers if down <= t < up + 1000)
        row.append(fmt(first_after(up, answers)) if failed else "never failed")
    row.append(fmt(first_after(up, [(w[0], w[1] == "ack") for w in writes])))
    out.append(f"| {name} | " + " | ".join(row) + " |")

lost = sorted(set(acked) - stored, key=int)
extra = len({i for i in stored} - set(acked))
out.append("\n## Acknowledged writes\n")
out.append(f"- acknowledged by the platform: **{len(acked)}**; found in the database afterwards: "
           f"**{len(set(acked) & stored)}**; lost: **{len(lost)}**" + (f" ({', '.join(lost)})" if lost else ""))
out.append(f"- stored without an acknowledgement (the writer gave up or got an error, the row was committed): {extra}")

summary = [l.strip() for l in gatling.splitlines() if re.match(r"\s*> (request count|min|max|mean|response time 95th|mean requests/sec)", l)]
errors = []
if "---- Errors" in gatling:
    block = gatling.rsplit("---- Errors", 1)[1].splitlines()[1:]
    for l in block:
        if not l.strip() or l.startswith("=") or l.startswith("----"):
            break
        errors.append(l.strip())
out.append("\n## Gatling (public browsing, whole run)\n")
out.append("```\n" + "\n".join(summary[:8] or ["(no Gatling summary found: see gatling.log)"]) + "\n```")
if errors:
    out.append("Errors Gatling saw:\n\n```\n" + "\n".join(errors[:10]) + "\n```")

out.append("\n## (c) Full backup disk\n")
out.append(a.c_result)
out.append("\n## (d) No pg_dump on PATH\n")
out.append(f"- start-up log: `{a.d_log}`")
out.append(f"- operator API (`pgDumpProblem`): {a.d_api}")
out.append(f"- console, Sao lưu page: {a.d_console}")
out.append(f"- a backup asked for anyway: {a.d_backup}")
print("\n".join(out))
