#!/usr/bin/env python3
"""Independent NumPy/SciPy reference for the statistics of SPEC.md section 5.

Writes JSON fixtures (sample arrays + every statistic + every comparison error) under
src/test/resources/fixtures/stats/, which the Java tests (StatsFixturesTest) compare to 1e-12.

Usage: python3 bench/peers/stats_fixtures.py [--python PATH]
Without --python the script creates (or reuses) bench/peers/.venv, pip-installs numpy and scipy there,
and re-runs itself with that interpreter. --python PATH runs it with an interpreter that already has
numpy and scipy instead.
"""
import json
import os
import subprocess
import sys
import venv

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
VENV = os.path.join(HERE, ".venv")
OUT = os.path.join(ROOT, "src", "test", "resources", "fixtures", "stats")


def ensure_interpreter():
    """Re-executes under an interpreter that has numpy and scipy; returns only when this one has."""
    if "--python" in sys.argv:
        py = sys.argv[sys.argv.index("--python") + 1]
        if os.path.realpath(py) != os.path.realpath(sys.executable):
            os.execv(py, [py, __file__, "--in-peer"])
    if "--in-peer" in sys.argv:
        return
    py = os.path.join(VENV, "bin", "python")
    if not os.path.exists(py):
        venv.EnvBuilder(with_pip=True).create(VENV)
    probe = subprocess.run([py, "-c", "import numpy, scipy"], capture_output=True)
    if probe.returncode != 0:
        subprocess.check_call([py, "-m", "pip", "install", "-q", "numpy", "scipy"])
    os.execv(py, [py, __file__, "--in-peer"])


ensure_interpreter()

import numpy as np  # noqa: E402
from scipy.spatial.distance import jensenshannon  # noqa: E402


def stats(x):
    """The nine statistics (memorization apart) of x, shape (S, N, T), straight from the definitions."""
    S, N, T = x.shape
    x = x.astype(np.float64)
    bins = x.transpose(0, 2, 1).reshape(S * T, N)          # rows = bins X[s,:,t]
    out = {}
    out["firingProbability"] = bins.mean(axis=0)
    out["covariance"] = np.cov(bins, rowvar=False, ddof=1).reshape(N, N) if S * T > 1 else np.full((N, N), np.nan)
    counts = bins.sum(axis=1).astype(int)
    out["kProbability"] = np.bincount(counts, minlength=N + 1) / (S * T)
    L = min(10, T - 1)
    acg = []
    for tau in range(1, L + 1):
        num = (x[:, :, :-tau] * x[:, :, tau:]).sum()
        den = x[:, :, :T - tau].sum()
        acg.append(num / den if den > 0 else 0.0)
    out["autocorrelogram"] = np.array(acg)
    if T > 1:
        a = x[:, :, :-1].transpose(0, 2, 1).reshape(-1, N)
        b = x[:, :, 1:].transpose(0, 2, 1).reshape(-1, N)
        m = a.shape[0]
        out["lagCovariance"] = (a - a.mean(0)).T @ (b - b.mean(0)) / (m - 1)
    else:
        out["lagCovariance"] = np.full((N, N), np.nan)
    out["timeCourse"] = x.mean(axis=0)
    totals = x.sum(axis=(1, 2)).astype(int)
    out["spikeCountDistribution"] = np.bincount(totals, minlength=N * T + 1) / S
    if N <= 20:
        codes = (bins @ (2.0 ** np.arange(N))).astype(np.int64)
        out["stateDistribution"] = np.bincount(codes, minlength=2 ** N) / (S * T)
    else:
        out["stateDistribution"] = None
    return out


def errors(m, r, N, T):
    off = ~np.eye(N, dtype=bool)
    mse = lambda a, b: float(np.mean((a - b) ** 2)) if a.size else None  # noqa: E731
    e = {
        "rateMse": mse(m["firingProbability"], r["firingProbability"]),
        "covarianceMse": mse(m["covariance"][off], r["covariance"][off]) if N > 1 else None,
        "kProbabilityMse": mse(m["kProbability"], r["kProbability"]),
        "autocorrelogramMse": mse(m["autocorrelogram"], r["autocorrelogram"]),
        "lagCovarianceMse": mse(m["lagCovariance"].ravel(), r["lagCovariance"].ravel()) if T > 1 else None,
    }
    if m["stateDistribution"] is not None:
        # SciPy returns the JS distance; the divergence in bits is its square.
        e["stateJsBits"] = float(jensenshannon(m["stateDistribution"], r["stateDistribution"], base=2) ** 2)
    else:
        e["stateJsBits"] = None
    return e


def memorized(x, train):
    seen = {s.tobytes() for s in train.astype(np.uint8)}
    return float(np.mean([s.tobytes() in seen for s in x.astype(np.uint8)]))


def markov(rng, S, N, T, p_on, p_stay):
    """Spike trains with temporal correlation (so the ACG is not flat) and a shared drive across neurons."""
    x = np.zeros((S, N, T), dtype=np.uint8)
    x[:, :, 0] = rng.random((S, N)) < p_on
    drive = rng.random((S, T)) < 0.2
    for t in range(1, T):
        stay = rng.random((S, N)) < p_stay
        fresh = rng.random((S, N)) < np.where(drive[:, t][:, None], 3 * p_on, p_on)
        x[:, :, t] = np.where(x[:, :, t - 1] == 1, stay, fresh)
    return x


def jsonable(v):
    if v is None:
        return None
    a = np.asarray(v, dtype=np.float64)
    return np.where(np.isnan(a), None, a).tolist() if a.ndim else (None if np.isnan(a) else float(a))


def bits(x):
    return "".join("1" if v else "0" for v in x.ravel())


def fixture(name, seed, S, N, T, p_on, p_stay, S_ref=None, S_train=None):
    rng = np.random.default_rng(seed)
    S_ref = S_ref or S
    S_train = S_train or S
    train = markov(rng, S_train, N, T, p_on, p_stay)
    ref = markov(rng, S_ref, N, T, p_on, p_stay)
    model = markov(rng, S, N, T, p_on * 1.3, p_stay * 0.7)
    # Some model samples copy training samples, so memorization is not trivially 0.
    copies = rng.choice(S, size=max(1, S // 10), replace=False)
    model[copies] = train[rng.integers(0, S_train, size=copies.size)]
    ms, rs = stats(model), stats(ref)
    doc = {
        "name": name,
        "generator": "bench/peers/stats_fixtures.py (NumPy %s)" % np.__version__,
        "shape": [S, N, T],
        "model": {"samples": S, "bits": bits(model)},
        "reference": {"samples": S_ref, "bits": bits(ref)},
        "train": {"samples": S_train, "bits": bits(train)},
        "modelStatistics": {k: jsonable(v) for k, v in ms.items()},
        "referenceStatistics": {k: jsonable(v) for k, v in rs.items()},
        "errors": errors(ms, rs, N, T),
        "memorization": {"model": memorized(model, train), "reference": memorized(ref, train)},
    }
    os.makedirs(OUT, exist_ok=True)
    path = os.path.join(OUT, name + ".json")
    with open(path, "w") as f:
        json.dump(doc, f, allow_nan=False, separators=(",", ":"))
    print("wrote %s (%d bytes)" % (os.path.relpath(path, ROOT), os.path.getsize(path)))


if __name__ == "__main__":
    fixture("s200_n5_t8", 1, 200, 5, 8, 0.15, 0.5, S_ref=150, S_train=120)
    fixture("s50_n12_t1", 2, 50, 12, 1, 0.3, 0.0, S_ref=70, S_train=60)
    fixture("s300_n3_t30", 3, 300, 3, 30, 0.05, 0.5, S_ref=250, S_train=200)
    fixture("s80_n22_t3", 4, 80, 22, 3, 0.05, 0.3, S_ref=60, S_train=40)
    fixture("s400_n2_t2", 5, 400, 2, 2, 0.3, 0.6, S_ref=300, S_train=50)
