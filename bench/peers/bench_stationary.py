"""The exact-likelihood step of the stationary autoregressive generator in PyTorch (float64), the peer of
StationaryBench.likelihoodStep (bench/jmh): N = 10 neurons in one 10-qubit circuit, 2 layers of
RY(a + w.z + V.x_{t-1}) on every qubit then CRY on every pair (control below target), latent d = 4 in
[0, 1), history 1; 64 windows of 30 predicted bins, 16 latent draws each; loss = mean over windows and
bins of -log mean_m exp(sum_t log P(x_t | x_{t-1}, z_m)); gradient by autograd. Parameters, data and
latents come from the same SplittableRandom(42) stream as the Java benchmark, so the printed NLL and
gradient norm can be checked against `java -cp benchmarks.jar org.spiqgan.bench.StationaryBench`.

Usage: python bench_stationary.py [--threads 2] [--reps 3] [--chunk 8]
Prints one JSON line: seconds per step (median of reps after one warm-up), nll, grad_norm.
"""
import argparse
import json
import math
import statistics
import time

import torch

N, LAYERS, D, H, T, B, M = 10, 2, 4, 1, 30, 64, 16
MASK = (1 << 64) - 1


class SplittableRandom:
    """java.util.SplittableRandom(seed): nextLong and nextDouble."""

    GAMMA = 0x9E3779B97F4A7C15

    def __init__(self, seed):
        self.seed = seed & MASK

    def next_long(self):
        self.seed = (self.seed + self.GAMMA) & MASK
        z = self.seed
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def next_double(self):
        return (self.next_long() >> 11) * 2.0 ** -53


def setup():
    rnd = SplittableRandom(42)
    per_qubit = 1 + D + H * N
    layer = N * per_qubit + N * (N - 1) // 2
    params = torch.tensor([rnd.next_double() - 0.5 for _ in range(LAYERS * layer)], dtype=torch.float64)
    bits = torch.tensor([1.0 if rnd.next_double() < 0.15 else 0.0 for _ in range(B * (1 + T) * N)],
                        dtype=torch.float64).reshape(B, 1 + T, N)
    z = torch.tensor([rnd.next_double() for _ in range(B * M * D)], dtype=torch.float64).reshape(B, M, D)
    return params, bits, z, per_qubit, layer


def log_probs(params, bits, z, per_qubit, layer):
    """log P(x_t | x_{t-1}, z_m) for windows in `bits` (b, 1 + T, N) and latents z (b, M, D): (b, M, T)."""
    b = bits.shape[0]
    lanes = b * M * T
    hist = bits[:, :-1, :]                                   # (b, T, N) x_{t-1}
    target = bits[:, 1:, :]                                  # (b, T, N)
    inp = torch.cat([z[:, :, None, :].expand(b, M, T, D), hist[:, None, :, :].expand(b, M, T, N)], dim=-1)
    inp = inp.reshape(lanes, D + N)
    psi = torch.zeros(lanes, 1 << N, dtype=torch.float64)
    psi[:, 0] = 1.0
    for j in range(LAYERS):
        base = j * layer
        w = params[base:base + N * per_qubit].reshape(N, per_qubit)
        theta = w[:, 0][None, :] + inp @ w[:, 1:].T          # (lanes, N)
        c, s = torch.cos(theta / 2), torch.sin(theta / 2)
        for q in range(N):
            v = psi.reshape(lanes, 1 << (N - 1 - q), 2, 1 << q)
            x0, x1 = v[:, :, 0, :], v[:, :, 1, :]
            cq, sq = c[:, q, None, None], s[:, q, None, None]
            psi = torch.stack([cq * x0 - sq * x1, sq * x0 + cq * x1], dim=2).reshape(lanes, 1 << N)
        ent = params[base + N * per_qubit: base + layer]
        k = 0
        for r in range(1, N):
            angles = ent[k:k + r]                            # controls 0..r-1 of target r
            k += r
            lo = torch.arange(1 << r)
            ctrl = ((lo[:, None] >> torch.arange(r)[None, :]) & 1).to(torch.float64)
            phi = ctrl @ angles                              # (2^r,)
            ct, st = torch.cos(phi / 2)[None, None, :], torch.sin(phi / 2)[None, None, :]
            v = psi.reshape(lanes, 1 << (N - 1 - r), 2, 1 << r)
            x0, x1 = v[:, :, 0, :], v[:, :, 1, :]
            psi = torch.stack([ct * x0 - st * x1, st * x0 + ct * x1], dim=2).reshape(lanes, 1 << N)
    code = (target[:, None, :, :].expand(b, M, T, N).reshape(lanes, N)
            * (2 ** torch.arange(N, dtype=torch.float64))).sum(-1).long()
    amp = psi.gather(1, code[:, None])[:, 0]
    return torch.log(amp * amp + 1e-12).reshape(b, M, T)


def step(params0, bits, z, per_qubit, layer, chunk):
    """Mean NLL per bin and its gradient; windows in chunks (the loss is a sum over windows)."""
    params = params0.clone().requires_grad_(True)
    total = 0.0
    for s0 in range(0, B, chunk):
        lp = log_probs(params, bits[s0:s0 + chunk], z[s0:s0 + chunk], per_qubit, layer)
        lw = lp.sum(-1)                                      # (b, M)
        nll = -(torch.logsumexp(lw, dim=1) - math.log(M)).sum() / (B * T)
        nll.backward()
        total += nll.item()
    return total, params.grad


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--chunk", type=int, default=8)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    params, bits, z, per_qubit, layer = setup()
    nll, grad = step(params, bits, z, per_qubit, layer, a.chunk)  # warm-up
    times = []
    for _ in range(a.reps):
        t0 = time.perf_counter()
        nll, grad = step(params, bits, z, per_qubit, layer, a.chunk)
        times.append(time.perf_counter() - t0)
    print(json.dumps({"peer": "pytorch %s float64" % torch.__version__, "case": "stationary_likelihood_step",
                      "threads": a.threads, "seconds": statistics.median(times), "times": times,
                      "nll": nll, "grad_norm": grad.norm().item(), "grad0": grad[0].item(),
                      "params": params.numel()}))


if __name__ == "__main__":
    main()
