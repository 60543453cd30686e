"""PyTorch golden fixtures for the critic networks, the WGAN-GP loss and Adam (org.spiqgan.nn tests).

Builds the `mlp` and `conv` critics of SPEC.md section 4 in float64 with PyTorch's default
initialisation, and for fixed real / generated samples and interpolation weights e records:
the critic's scores, its input gradient, and the WGAN-GP loss with its exact parameter gradient
(torch.autograd.grad with create_graph=True, i.e. true double backpropagation). Also records a few
torch.optim.Adam steps, with and without learning-rate schedulers.

Parameters are flattened in torch's `parameters()` order (each layer's weight, then bias), which is
the layout of org.spiqgan.nn.Critic. Run through nn_fixtures.sh, which prepares the environment.
Usage: python nn_fixtures.py OUT_DIR
"""
import json
import os
import sys

import torch
from torch import nn

torch.set_default_dtype(torch.float64)
LAMBDA_GP = 10.0


def mlp(n, t, hidden):
    d = n * t
    return nn.Sequential(nn.Flatten(), nn.Linear(d, hidden), nn.LeakyReLU(0.2),
                         nn.Linear(hidden, hidden), nn.LeakyReLU(0.2), nn.Linear(hidden, 1))


def conv_len(length):
    return (length + 2 * 2 - 5) // 2 + 1


def conv(n, t, c1, c2):
    l2 = conv_len(conv_len(t))
    return nn.Sequential(nn.Conv1d(n, c1, 5, stride=2, padding=2), nn.LeakyReLU(0.2),
                         nn.Conv1d(c1, c2, 5, stride=2, padding=2), nn.LeakyReLU(0.2),
                         nn.Flatten(), nn.Linear(c2 * l2, 1))


def flat(tensors):
    return torch.cat([x.reshape(-1) for x in tensors]).tolist()


def critic_case(name, kind, n, t, widths, batch, seed):
    torch.manual_seed(seed)
    model = mlp(n, t, *widths) if kind == "mlp" else conv(n, t, *widths)
    real = (torch.rand(batch, n, t) < 0.3).double()
    gen = torch.rand(batch, n, t)
    e = torch.rand(batch)
    params = list(model.parameters())

    score_real = model(real).reshape(-1)
    score_gen = model(gen).reshape(-1)

    x = gen.clone().requires_grad_(True)
    (input_grad,) = torch.autograd.grad(model(x).sum(), x)

    x_hat = (e[:, None, None] * real + (1 - e[:, None, None]) * gen).requires_grad_(True)
    (g,) = torch.autograd.grad(model(x_hat).sum(), x_hat, create_graph=True)
    norms = g.reshape(batch, -1).norm(dim=1)
    penalty = ((norms - 1) ** 2).mean()
    loss = score_gen.mean() - score_real.mean() + LAMBDA_GP * penalty
    grads = torch.autograd.grad(loss, params)

    return {
        "name": name, "kind": kind, "neurons": n, "timesteps": t, "widths": list(widths), "batch": batch,
        "lambda_gp": LAMBDA_GP,
        "params": flat(p.detach() for p in params),
        "real": real.reshape(-1).tolist(), "gen": gen.reshape(-1).tolist(), "eps": e.tolist(),
        "score_real": score_real.tolist(), "score_gen": score_gen.tolist(),
        "input_grad_gen": input_grad.reshape(-1).tolist(),
        "loss": loss.item(), "mean_real": score_real.mean().item(), "mean_gen": score_gen.mean().item(),
        "penalty": penalty.item(),
        "grads": flat(grads),
    }


def adam_case(name, lr, betas, eps, schedule, steps, size, seed):
    torch.manual_seed(seed)
    p = nn.Parameter(torch.randn(size))
    start = p.detach().clone()
    opt = torch.optim.Adam([p], lr=lr, betas=betas, eps=eps)
    sched = None
    if schedule["kind"] == "exponential":
        sched = torch.optim.lr_scheduler.ExponentialLR(opt, gamma=schedule["gamma"])
    elif schedule["kind"] == "step":
        sched = torch.optim.lr_scheduler.StepLR(opt, step_size=schedule["every"], gamma=schedule["gamma"])
    grads, after = [], []
    for _ in range(steps):
        g = torch.randn(size) * 0.1
        p.grad = g.clone()
        opt.step()
        if sched is not None:
            sched.step()
        grads.append(g.tolist())
        after.append(p.detach().tolist())
    return {"name": name, "lr": lr, "beta1": betas[0], "beta2": betas[1], "eps": eps, "schedule": schedule,
            "start": start.tolist(), "grads": grads, "params_after_step": after}


def main(out_dir):
    os.makedirs(out_dir, exist_ok=True)
    critics = [
        critic_case("mlp 3x4 h6", "mlp", 3, 4, (6,), 5, 1),
        critic_case("mlp 4x6 h16", "mlp", 4, 6, (16,), 9, 2),
        critic_case("mlp 2x1 h3", "mlp", 2, 1, (3,), 4, 3),
        critic_case("conv 3x8 c4,5", "conv", 3, 8, (4, 5), 5, 4),
        critic_case("conv 4x1 c3,2", "conv", 4, 1, (3, 2), 4, 5),
        critic_case("conv 2x11 c3,4", "conv", 2, 11, (3, 4), 3, 6),
        critic_case("conv 5x30 c6,8", "conv", 5, 30, (6, 8), 9, 7),
    ]
    adams = [
        adam_case("constant", 0.01, (0.9, 0.999), 1e-8, {"kind": "constant"}, 7, 5, 10),
        adam_case("gan betas", 2e-3, (0.5, 0.9), 1e-8, {"kind": "constant"}, 7, 5, 11),
        adam_case("exponential", 0.05, (0.9, 0.999), 1e-6, {"kind": "exponential", "gamma": 0.9}, 7, 4, 12),
        adam_case("step", 0.05, (0.8, 0.99), 1e-8, {"kind": "step", "gamma": 0.5, "every": 3}, 8, 4, 13),
    ]
    meta = {"generator": "bench/peers/nn_fixtures.py", "torch": torch.__version__}
    for fname, data in (("critics.json", critics), ("adam.json", adams)):
        path = os.path.join(out_dir, fname)
        with open(path + ".tmp", "w") as f:
            json.dump({"meta": meta, "cases": data}, f)
        os.replace(path + ".tmp", path)
        print("wrote", path)


if __name__ == "__main__":
    main(sys.argv[1])
