#!/usr/bin/env bash
# Benchmark (not a ctest test): how long `certdesk-cli csr` takes next to the openssl CLI doing
# the same job.
#
# Equivalence: both commands generate a new RSA-2048 key, write it encrypted with a passphrase
# read from a file (PKCS#8, PBES2 with PBKDF2-HMAC-SHA256 and AES-256-CBC: openssl req's default
# and certdesk-cli's), and write a CSR for the subject C=DE, O=X, CN=bench.example.com signed
# with SHA-256 (sha256WithRSAEncryption, the default of both). Differences that remain, all in
# openssl's favour: certdesk-cli derives the key-encryption key with 100,000 PBKDF2 iterations
# where openssl req uses 2,048 (req has no option to raise it), and it additionally requests
# keyUsage and extendedKeyUsage serverAuth and writes its files atomically with fsync. Both are
# started as fresh processes each run, so process start-up (Qt's, openssl's config loading)
# counts for both. The script checks once that both outputs are what this paragraph says.
#
# The runs are interleaved (certdesk, openssl, certdesk, openssl, …) so that drift in machine
# load hits both alike. RSA key generation time varies a lot from run to run (prime search), so
# the medians are reported, and the median of the per-pair ratios.
#
# Usage (from the repo root): tests/bench/csr-vs-openssl.sh [BUILD_DIR]
#   BUILD_DIR      build folder holding app/cli/certdesk-cli (default: build)
#   CERTDESK_CLI   path of certdesk-cli; overrides BUILD_DIR
#   RUNS           runs of each command (default 25, at least 20)
set -euo pipefail

build_dir="${1:-build}"
cli="${CERTDESK_CLI:-$build_dir/app/cli/certdesk-cli}"
runs="${RUNS:-25}"

if [[ ! -x "$cli" ]]; then
    echo "csr-vs-openssl: certdesk-cli not found at '$cli'. Build it first (make build), or" \
         "give the build folder as the first argument or the binary as CERTDESK_CLI." >&2
    exit 1
fi
if ! command -v openssl >/dev/null; then
    echo "csr-vs-openssl: the openssl CLI is not on PATH." >&2
    exit 1
fi
if (( runs < 20 )); then
    echo "csr-vs-openssl: RUNS must be at least 20 (got $runs)." >&2
    exit 1
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

python3 - "$cli" "$runs" "$work" <<'PY'
import os, statistics, subprocess, sys, time

cli, runs, work = sys.argv[1], int(sys.argv[2]), sys.argv[3]
passfile = os.path.join(work, "pass.txt")
with open(passfile, "w") as f:
    f.write("bench-passphrase\n")
os.chmod(passfile, 0o600)
cd_dir = os.path.join(work, "certdesk")
os.mkdir(cd_dir)

certdesk = [cli, "csr", "--name", "b", "--common-name", "bench.example.com", "--country", "DE",
            "--org", "X", "--passphrase-file", passfile, "--out-dir", cd_dir, "--force"]
openssl = ["openssl", "req", "-new", "-newkey", "rsa:2048",
           "-keyout", os.path.join(work, "k"), "-out", os.path.join(work, "r"),
           "-subj", "/C=DE/O=X/CN=bench.example.com", "-passout", "file:" + passfile]

def timed(cmd):
    start = time.perf_counter()
    r = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if r.returncode != 0:
        sys.exit("csr-vs-openssl: %s failed (exit %d): %s"
                 % (cmd[0], r.returncode, r.stderr.decode(errors="replace").strip()))
    return elapsed

def check_equivalent():
    # Both results are what the comment above says: a verifying SHA-256 CSR with an RSA-2048
    # key, and an encrypted key that opens with the passphrase.
    for csr, key in ((os.path.join(cd_dir, "b.csr"), os.path.join(cd_dir, "key_csr.pem")),
                     (os.path.join(work, "r"), os.path.join(work, "k"))):
        text = subprocess.run(["openssl", "req", "-in", csr, "-noout", "-text", "-verify"],
                              capture_output=True, text=True)
        if (text.returncode != 0 or "sha256WithRSAEncryption" not in text.stdout
                or "(2048 bit)" not in text.stdout):
            sys.exit("csr-vs-openssl: %s is not a verifying SHA-256 RSA-2048 CSR" % csr)
        with open(key) as f:
            if not f.readline().startswith("-----BEGIN ENCRYPTED PRIVATE KEY-----"):
                sys.exit("csr-vs-openssl: %s is not an encrypted PKCS#8 key" % key)
        if subprocess.run(["openssl", "pkey", "-in", key, "-passin", "file:" + passfile,
                           "-noout"], capture_output=True).returncode != 0:
            sys.exit("csr-vs-openssl: %s does not open with the passphrase" % key)

# One warm-up run of each (page cache, dynamic loader), not counted.
timed(certdesk)
timed(openssl)
check_equivalent()

# The same pair without key encryption (--no-encrypt-key / -noenc) isolates the cost of the
# stronger key derivation from everything else.
certdesk_plain = [a for a in certdesk if a not in ("--passphrase-file", passfile)] + ["--no-encrypt-key"]
openssl_plain = [a for a in openssl if a not in ("-passout", "file:" + passfile)] + ["-noenc"]
timed(certdesk_plain)
timed(openssl_plain)

ms = lambda s: "%.1f ms" % (s * 1000)
for title, a_cmd, b_cmd in (("RSA-2048 + encrypted key + SHA-256 CSR", certdesk, openssl),
                            ("RSA-2048 + unencrypted key + SHA-256 CSR", certdesk_plain, openssl_plain)):
    cd_times, os_times = [], []
    for _ in range(runs):
        cd_times.append(timed(a_cmd))
        os_times.append(timed(b_cmd))
    ratios = [a / b for a, b in zip(cd_times, os_times)]
    print("csr-vs-openssl: %d interleaved runs each, %s" % (runs, title))
    print("  certdesk-cli csr  median %-10s (min %s, max %s)"
          % (ms(statistics.median(cd_times)), ms(min(cd_times)), ms(max(cd_times))))
    print("  openssl req -new  median %-10s (min %s, max %s)"
          % (ms(statistics.median(os_times)), ms(min(os_times)), ms(max(os_times))))
    print("  median ratio certdesk/openssl (per pair): %.2f" % statistics.median(ratios))
    print("  ratio of medians:                         %.2f"
          % (statistics.median(cd_times) / statistics.median(os_times)))
PY
