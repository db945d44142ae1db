#!/usr/bin/env bash
# deploy/kubernetes: the manifests parse (python3-yaml), and the Dockerfile, the Indexed Job, the
# merge Job and deploy/README.md agree on the image, the command, the shard arguments and the
# results folder; every option the Job passes is one dm-load documents (and accepts, when built).
set -euo pipefail
SRC=${SYNCMLDM_SOURCE:-$(pwd)}
BIN=${SYNCMLDM_BIN:-$SRC/build/bin}
python3 -c 'import yaml' 2>/dev/null || { echo "python3-yaml missing: skipped"; exit 77; }
help=""
[ -x "$BIN/dm-load" ] && help=$("$BIN/dm-load" --help)
python3 - "$SRC" "$help" <<'PY'
import pathlib, re, sys, yaml
src, help_text = pathlib.Path(sys.argv[1]), sys.argv[2]
kdir = src / "deploy" / "kubernetes"
fails = checks = 0
def check(name, ok, detail=""):
    global fails, checks
    checks += 1
    if ok: print(f"ok - {name}")
    else:
        fails += 1
        print(f"FAIL - {name}" + (f": {detail}" if detail else ""))

job_docs = list(yaml.safe_load_all((kdir / "job.yaml").read_text()))
merge_docs = list(yaml.safe_load_all((kdir / "merge.yaml").read_text()))
check("job.yaml parses: a PersistentVolumeClaim and a Job", [d["kind"] for d in job_docs] == ["PersistentVolumeClaim", "Job"])
check("merge.yaml parses: a Job", [d["kind"] for d in merge_docs] == ["Job"])
pvc = job_docs[0]
job, merge = job_docs[1], merge_docs[0]
spec = job["spec"]
n = spec["completions"]
check("an Indexed Job with as many pods at once as shards", spec.get("completionMode") == "Indexed" and spec.get("parallelism") == n)
pod = spec["template"]["spec"]
c = pod["containers"][0]
args = c["args"]
def opt(name):
    return args[args.index(name) + 1] if name in args else None
check("the command is dm-load", c["command"] == ["dm-load"])
check(f"--shard /{n}: the index comes from JOB_COMPLETION_INDEX, the count is the completions", opt("--shard") == f"/{n}", opt("--shard"))
env = {e["name"]: e for e in c.get("env", [])}
check("JOB_COMPLETION_INDEX is the Job's completion index annotation",
      env.get("JOB_COMPLETION_INDEX", {}).get("valueFrom", {}).get("fieldRef", {}).get("fieldPath")
      == "metadata.annotations['batch.kubernetes.io/job-completion-index']")
out = opt("--output") or opt("-o") or ""
check("each shard writes its own result file", "$(JOB_COMPLETION_INDEX)" in out, out)
mounts = {m["mountPath"]: m["name"] for m in c["volumeMounts"]}
vols = {v["name"]: v for v in pod["volumes"]}
out_dir = str(pathlib.PurePosixPath(out).parent)
claim = vols.get(mounts.get(out_dir), {}).get("persistentVolumeClaim", {}).get("claimName")
check("the results folder is the shared claim of job.yaml", claim == pvc["metadata"]["name"], f"{out_dir} -> {claim}")
check("the claim can be written by every pod at once", "ReadWriteMany" in pvc["spec"]["accessModes"])
mpod = merge["spec"]["template"]["spec"]
mc = mpod["containers"][0]
mmounts = {m["mountPath"]: m["name"] for m in mc["volumeMounts"]}
mclaim = {v["name"]: v for v in mpod["volumes"]}.get(mmounts.get(out_dir), {}).get("persistentVolumeClaim", {}).get("claimName")
check("merge mounts the same claim at the same folder", mclaim == claim)
mcmd = " ".join(mc["command"] + mc["args"])
pattern = re.escape(out).replace(re.escape("$(JOB_COMPLETION_INDEX)"), r"\*")
check("merge reads exactly the shards' files with dm-load merge", re.search(r"dm-load merge .*" + pattern, mcmd) is not None, mcmd)
images = {c["image"], mc["image"]}
dockerfile = (kdir / "Dockerfile").read_text()
readme = (src / "deploy" / "README.md").read_text()
built = set(re.findall(r"docker build -f deploy/kubernetes/Dockerfile -t (\S+) \.", dockerfile + readme))
check("one image: the Jobs run what the Dockerfile and the README build", len(images) == 1 and built == images, f"{images} {built}")
stages = re.findall(r"^FROM (\S+)", dockerfile, re.M)
check("Dockerfile: Debian 12, two stages", len(stages) == 2 and stages[0].startswith("debian:12") and stages[1].startswith("debian:12"))
final = dockerfile.split("\nFROM ")[-1]
check("the final stage holds the installed tools on PATH, no compiler",
      "/usr/local/bin" in final and "g++" not in final and "COPY --from=build" in final)
check("dm-load is one of the tools built", (src / "tools" / "dm-load" / "main.cpp").exists())
man = (src / "man" / "dm-load.1").read_text()
options = [a for a in args if a.startswith("-")]
def mdoc(o):  # how dm-load(1) writes an option: Fl \-max\-errors
    return "Fl " + o[1:].replace("-", "\\-")
undocumented = [o for o in options if not re.search(re.escape(mdoc(o)) + r"(?![\w\\])", man)]
check("every option the Job passes is in dm-load(1)", not undocumented, undocumented)
if help_text:
    unknown = [o for o in options if o not in help_text]
    check("every option the Job passes is one dm-load accepts (--help)", not unknown, unknown)
else:
    print("dm-load not built: the --help check is skipped")
print(f"{checks - fails} passed, {fails} failed")
sys.exit(1 if fails else 0)
PY
