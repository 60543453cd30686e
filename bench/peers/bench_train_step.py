"""One SpiQGAN training iteration in the stack such papers use: PennyLane + PyTorch.

Model (SPEC.md sections 3-4): N = 6 neurons (one group of 6 qubits), T = 10 timesteps (10 patches, each
its own parameters), l = 5 layers of RY(w*z) encoding + RZ RY RZ + CNOT chain, z ~ U[0, pi)^6 shared by the
patches; born sampling with the Gumbel-softmax relaxation (tau 0.5) over the 64 basis states of each
patch; MLP critic 60 -> 128 -> 128 -> 1 with LeakyReLU(0.2); WGAN-GP (lambda 10, exact penalty gradient via
create_graph); K-loss on the exact Hamming-weight distribution (lambda_k 1); Adam for both players.
One iteration = n_critic (5) critic steps + one generator step, batch 64.

Devices: default.qubit with diff_method="backprop", and lightning.qubit with diff_method="adjoint",
both through the torch interface; the batch is broadcast over z (one QNode call per patch).
Prints one JSON line per device: {"peer", "case": "train_iteration", "N", "T", "seconds"}.
Usage: python bench_train_step.py [--iterations 3] [--devices default,lightning] [--neurons 6] [--timesteps 10]
(--neurons N qubits per patch, one group; --timesteps T patches; the docstring's numbers are the defaults.)
"""
import argparse
import json
import sys
import time

import numpy as np
import pennylane as qml
import torch

N, T, L, B, N_CRITIC = 6, 10, 5, 64, 5


def build(device_name, diff_method):
    dev = qml.device(device_name, wires=N)
    if diff_method == "adjoint":
        # Adjoint differentiation supports expectation values only, not qml.probs: read the Born
        # distribution as the expectations of the 64 basis-state projectors (our index order).
        projectors = [qml.Projector([(b >> q) & 1 for q in range(N)], wires=list(range(N)))
                      for b in range(2 ** N)]

        @qml.qnode(dev, interface="torch", diff_method=diff_method)
        def patch_adjoint(w, rot, z):
            body(w, rot, z)
            return [qml.expval(P) for P in projectors]

        return lambda w, rot, z: torch.stack(list(patch_adjoint(w, rot, z)), dim=-1)

    @qml.qnode(dev, interface="torch", diff_method=diff_method)
    def patch(w, rot, z):
        body(w, rot, z)
        return qml.probs(wires=list(reversed(range(N))))

    return patch


def body(w, rot, z):
    for j in range(L):
        for q in range(N):
            qml.RY(w[j, q] * z[:, q], wires=q)
        for q in range(N):
            qml.RZ(rot[j, q, 0], wires=q)
            qml.RY(rot[j, q, 1], wires=q)
            qml.RZ(rot[j, q, 2], wires=q)
        for q in range(N - 1):
            qml.CNOT(wires=[q, q + 1])


def main():
    global N, T
    ap = argparse.ArgumentParser()
    ap.add_argument("--iterations", type=int, default=3)
    ap.add_argument("--devices", default="default,lightning")
    ap.add_argument("--neurons", type=int, default=N)
    ap.add_argument("--timesteps", type=int, default=T)
    a = ap.parse_args()
    N, T = a.neurons, a.timesteps
    torch.manual_seed(0)
    torch.set_num_threads(2)
    codes = torch.arange(2 ** N)
    bits = ((codes[:, None] >> torch.arange(N)[None, :]) & 1).double()        # (64 states, N)
    weight = bits.sum(1).long()
    ham_map = torch.nn.functional.one_hot(weight, N + 1).double()              # (64, N+1)
    p_data = torch.full((N + 1,), 1.0 / (N + 1), dtype=torch.float64)
    real = (torch.rand(4096, N, T, dtype=torch.float64) < 0.1).double()
    for dev_name in a.devices.split(","):
        device_name, diff = {"default": ("default.qubit", "backprop"),
                             "lightning": ("lightning.qubit", "adjoint")}[dev_name]
        patch = build(device_name, diff)
        w = torch.ones(T, L, N, dtype=torch.float64, requires_grad=True)
        rot = (2 * np.pi * torch.rand(T, L, N, 3, dtype=torch.float64)).requires_grad_()
        critic = torch.nn.Sequential(torch.nn.Flatten(), torch.nn.Linear(N * T, 128), torch.nn.LeakyReLU(0.2),
                                     torch.nn.Linear(128, 128), torch.nn.LeakyReLU(0.2),
                                     torch.nn.Linear(128, 1)).double()
        opt_c = torch.optim.Adam(critic.parameters(), lr=1e-4, betas=(0.5, 0.9))
        opt_g = torch.optim.Adam([w, rot], lr=1e-2, betas=(0.5, 0.9))

        def generate():
            z = np.pi * torch.rand(B, N, dtype=torch.float64)
            xs, hams = [], []
            for t in range(T):
                probs = patch(w[t], rot[t], z)                                   # (B, 64)
                g = -torch.log(-torch.log(torch.rand_like(probs).clamp_min(1e-12)))
                y = torch.softmax((torch.log(probs.clamp_min(1e-30)) + g) / 0.5, dim=1)
                xs.append(y @ bits)                                              # (B, N)
                hams.append(probs @ ham_map)
            return torch.stack(xs, 2), torch.stack(hams, 0).mean((0, 1))

        def iteration():
            for _ in range(N_CRITIC):
                with torch.no_grad():
                    fake, _ = generate()
                x_real = real[torch.randint(0, real.shape[0], (B,))]
                e = torch.rand(B, 1, 1, dtype=torch.float64)
                x_hat = (e * x_real + (1 - e) * fake).requires_grad_()
                grad = torch.autograd.grad(critic(x_hat).sum(), x_hat, create_graph=True)[0]
                gp = ((grad.flatten(1).norm(dim=1) - 1) ** 2).mean()
                loss_c = critic(fake).mean() - critic(x_real).mean() + 10 * gp
                opt_c.zero_grad(); loss_c.backward(); opt_c.step()
            fake, p_gen = generate()
            loss_g = -critic(fake).mean() + ((p_gen - p_data) ** 2).sum()
            opt_g.zero_grad(); loss_g.backward(); opt_g.step()

        iteration()  # warm-up
        times = []
        for _ in range(a.iterations):
            t0 = time.perf_counter(); iteration(); times.append(time.perf_counter() - t0)
        rec = {"peer": "pennylane %s %s %s + torch %s" % (qml.__version__, device_name, diff, torch.__version__),
               "case": "train_iteration", "N": N, "T": T, "seconds": float(np.median(times))}
        print(json.dumps(rec), flush=True)
        print("%s: %.3f s per iteration" % (rec["peer"], rec["seconds"]), file=sys.stderr)


if __name__ == "__main__":
    main()
