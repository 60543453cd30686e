"""Times SpiQGAN's sub-generator circuit in the peers, the way their users call them from Python.

The circuit (SPEC.md section 3, l layers, n qubits): per layer, RY(w[j,q] * z[q]) on every qubit, then
RZ(a) RY(b) RZ(c) on every qubit, then CNOT(q, q+1) for q = 0..n-2. Parameters: l*n*4.
Cases, per n:
  forward1     one latent z -> the n marginals P(q = 1)
  forward64    64 latents   -> 64 x n marginals
  grad64       64 latents   -> gradient of sum_b sum_q c_q P_b(q=1) with respect to all l*n*4 parameters
Peers: qulacs (forward; backprop when the installed qulacs has it), PennyLane lightning.qubit with
diff_method="adjoint", PennyLane default.qubit with diff_method="backprop" (autograd interface). PennyLane
batches use parameter broadcasting over z (one QNode call for 64 inputs), as its documentation advises.

Writes one JSON object per line to stdout: {"peer", "case", "n", "seconds", "reps"}; seconds is the median
over rounds of the time per call.
Usage: python bench_quantum.py [--n 2,4,6,8,10,12] [--layers 5] [--budget 0.4]
"""
import argparse
import json
import sys
import time

import numpy as np

LAYERS = 5


def timeit(fn, budget):
    fn()  # warm-up (compilation, caches)
    t0 = time.perf_counter(); fn(); one = time.perf_counter() - t0
    reps = max(1, int(budget / 5 / max(one, 1e-7)))
    rounds = []
    for _ in range(5):
        t0 = time.perf_counter()
        for _ in range(reps):
            fn()
        rounds.append((time.perf_counter() - t0) / reps)
    return float(np.median(rounds)), reps


def params_for(n, layers, rng):
    w = np.ones((layers, n)) + 0.1 * rng.normal(size=(layers, n))
    rot = rng.uniform(-np.pi, np.pi, size=(layers, n, 3))
    return w, rot


def bench_qulacs(n, layers, budget, rng, out):
    import qulacs
    from qulacs import ParametricQuantumCircuit, QuantumState, Observable
    w, rot = params_for(n, layers, rng)
    z1 = rng.uniform(0, np.pi, size=n)
    zs = rng.uniform(0, np.pi, size=(64, n))
    circ = ParametricQuantumCircuit(n)
    enc_index = []
    for j in range(layers):
        for q in range(n):
            enc_index.append(circ.get_parameter_count())
            circ.add_parametric_RY_gate(q, 0.0)
        for q in range(n):
            circ.add_parametric_RZ_gate(q, rot[j, q, 0])
            circ.add_parametric_RY_gate(q, rot[j, q, 1])
            circ.add_parametric_RZ_gate(q, rot[j, q, 2])
        for q in range(n - 1):
            circ.add_CNOT_gate(q, q + 1)
    state = QuantumState(n)
    wf = w.reshape(-1)

    def run(z):
        k = 0
        for j in range(layers):
            for q in range(n):
                circ.set_parameter(enc_index[k], wf[k] * z[q]); k += 1
        state.set_zero_state()
        circ.update_quantum_state(state)
        return [1.0 - state.get_zero_probability(q) for q in range(n)]

    s, r = timeit(lambda: run(z1), budget)
    out({"peer": "qulacs " + qulacs.__version__, "case": "forward1", "n": n, "seconds": s, "reps": r})
    s, r = timeit(lambda: [run(z) for z in zs], budget)
    out({"peer": "qulacs " + qulacs.__version__, "case": "forward64", "n": n, "seconds": s, "reps": r})
    if hasattr(circ, "backprop"):
        c = rng.normal(size=n)
        obs = Observable(n)
        for q in range(n):
            obs.add_operator(-0.5 * c[q], "Z %d" % q)  # P(1) = (1 - <Z>)/2

        def grad(z):
            k = 0
            for j in range(layers):
                for q in range(n):
                    circ.set_parameter(enc_index[k], wf[k] * z[q]); k += 1
            return circ.backprop(obs)

        s, r = timeit(lambda: [grad(z) for z in zs], budget)
        out({"peer": "qulacs " + qulacs.__version__ + " backprop", "case": "grad64", "n": n, "seconds": s,
             "reps": r})


def bench_pennylane(device_name, diff_method, n, layers, budget, rng, out):
    import pennylane as qml
    from pennylane import numpy as pnp
    w, rot = params_for(n, layers, rng)
    z1 = rng.uniform(0, np.pi, size=n)
    zs = rng.uniform(0, np.pi, size=(64, n))
    c = rng.normal(size=n)
    dev = qml.device(device_name, wires=n)

    def body(w, rot, z):
        for j in range(layers):
            for q in range(n):
                qml.RY(w[j, q] * z[..., q], wires=q)
            for q in range(n):
                qml.RZ(rot[j, q, 0], wires=q)
                qml.RY(rot[j, q, 1], wires=q)
                qml.RZ(rot[j, q, 2], wires=q)
            for q in range(n - 1):
                qml.CNOT(wires=[q, q + 1])

    @qml.qnode(dev, interface="autograd", diff_method=diff_method)
    def marginals(w, rot, z):
        body(w, rot, z)
        return [qml.expval(qml.PauliZ(q)) for q in range(n)]

    obs = qml.Hamiltonian(list(-0.5 * c), [qml.PauliZ(q) for q in range(n)])

    @qml.qnode(dev, interface="autograd", diff_method=diff_method)
    def weighted(w, rot, z):
        body(w, rot, z)
        return qml.expval(obs)

    label = "pennylane %s %s %s" % (qml.__version__, device_name, diff_method)
    wp = pnp.array(w, requires_grad=True)
    rp = pnp.array(rot, requires_grad=True)
    z1p = pnp.array(z1, requires_grad=False)
    zsp = pnp.array(zs, requires_grad=False)
    s, r = timeit(lambda: marginals(wp, rp, z1p), budget)
    out({"peer": label, "case": "forward1", "n": n, "seconds": s, "reps": r})
    try:
        s, r = timeit(lambda: marginals(wp, rp, zsp), budget)
        cost = lambda w_, r_: pnp.sum(weighted(w_, r_, zsp))
        cost(wp, rp)
    except ValueError as e:
        # PennyLane 0.45 default.qubit fails to broadcast 64 inputs at 12 wires (numpy tensordot
        # "shape-mismatch for sum"); users would then loop over the batch, so we time that.
        print("%s n=%d: broadcasting failed (%s); looping over the batch" % (label, n, e), file=sys.stderr)
        label = label + " (loop)"
        s, r = timeit(lambda: [marginals(wp, rp, zsp[b]) for b in range(len(zsp))], budget)
        cost = lambda w_, r_: sum(pnp.sum(weighted(w_, r_, zsp[b])) for b in range(len(zsp)))
    out({"peer": label, "case": "forward64", "n": n, "seconds": s, "reps": r})
    g = qml.grad(cost, argnums=[0, 1])
    s, r = timeit(lambda: g(wp, rp), budget)
    out({"peer": label, "case": "grad64", "n": n, "seconds": s, "reps": r})


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", default="2,4,6,8,10,12")
    ap.add_argument("--layers", type=int, default=LAYERS)
    ap.add_argument("--budget", type=float, default=0.5, help="seconds per measurement (approx.)")
    ap.add_argument("--peers", default="qulacs,lightning,default")
    a = ap.parse_args()
    rng = np.random.default_rng(7)

    def out(rec):
        print(json.dumps(rec), flush=True)
        print("%-50s %-9s n=%-2d %.3e s" % (rec["peer"], rec["case"], rec["n"], rec["seconds"]), file=sys.stderr)

    peers = a.peers.split(",")
    for n in [int(x) for x in a.n.split(",")]:
        if "qulacs" in peers:
            bench_qulacs(n, a.layers, a.budget, rng, out)
        if "lightning" in peers:
            bench_pennylane("lightning.qubit", "adjoint", n, a.layers, a.budget, rng, out)
        if "default" in peers:
            bench_pennylane("default.qubit", "backprop", n, a.layers, a.budget, rng, out)


if __name__ == "__main__":
    main()
