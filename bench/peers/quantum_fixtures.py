"""Golden fixtures for the Java simulator, computed by PennyLane (default.qubit, autograd).

Builds a fixed, seeded set of random circuits over SpiQGAN's gate set, and writes for each one the
probabilities, marginals, Hamming-weight distribution, and the gradients of a random linear function of
each output with respect to every trainable parameter and every input, to
src/test/resources/fixtures/quantum/pennylane_circuits.json.

Regenerate:  bash bench/peers/quantum_fixtures.sh
Convention in the file: basis index b = sum_q bit_q 2^q (qubit 0 least significant), as in the Java code.
PennyLane's own order puts wire 0 first (most significant); we ask it for wires in reverse order.
"""
import json
import os
import sys

import numpy as onp
import pennylane as qml
from pennylane import numpy as pnp

SEED = 20261128
ONE_QUBIT = ["RX", "RY", "RZ", "ROT", "U3", "H", "X", "Y", "Z", "S", "T", "UNITARY"]
TWO_QUBIT = ["CNOT", "CZ", "SWAP"]
ROTATION_ARITY = {"RX": 1, "RY": 1, "RZ": 1, "ROT": 3, "U3": 3}


def random_unitary(rng):
    z = rng.normal(size=(2, 2)) + 1j * rng.normal(size=(2, 2))
    q, r = onp.linalg.qr(z)
    d = onp.diag(r)
    return q * (d / onp.abs(d))


def random_angle(rng, n_params, n_inputs):
    kind = rng.choice(["const", "param", "input", "product", "param", "product"])
    scale = float(rng.choice([1.0, 1.0, rng.uniform(-2, 2)]))
    if kind == "const":
        return {"const": float(rng.uniform(-onp.pi, onp.pi))}
    if kind == "param":
        return {"param": int(rng.integers(n_params)), "scale": scale}
    if kind == "input":
        return {"input": int(rng.integers(n_inputs)), "scale": scale}
    return {"param": int(rng.integers(n_params)), "input": int(rng.integers(n_inputs)), "scale": scale}


def random_circuit(rng, name, n):
    n_params = int(rng.integers(3, 4 + 3 * n))
    n_inputs = int(rng.integers(1, n + 2))
    ops = []
    for _ in range(int(rng.integers(4 * n, 8 * n + 4))):
        if n >= 2 and rng.random() < 0.3:
            gate = str(rng.choice(TWO_QUBIT))
            a, b = rng.choice(n, size=2, replace=False)
            ops.append({"gate": gate, "wires": [int(a), int(b)]})
            continue
        gate = str(rng.choice(ONE_QUBIT + ["RY", "RZ", "RX", "ROT"]))
        op = {"gate": gate, "wires": [int(rng.integers(n))]}
        if gate in ROTATION_ARITY:
            op["angles"] = [random_angle(rng, n_params, n_inputs) for _ in range(ROTATION_ARITY[gate])]
        if gate == "UNITARY":
            u = random_unitary(rng)
            op["matrix"] = [[float(u[i, j].real), float(u[i, j].imag)] for i in range(2) for j in range(2)]
        ops.append(op)
    params = rng.uniform(-onp.pi, onp.pi, size=n_params)
    inputs = rng.uniform(0, onp.pi, size=n_inputs)
    m = int(rng.integers(1, n + 1))
    marginal_qubits = sorted(int(q) for q in rng.choice(n, size=m, replace=False))
    h = int(rng.integers(1, n + 1))
    hamming_qubits = sorted(int(q) for q in rng.choice(n, size=h, replace=False))
    return {"name": name, "n_qubits": n, "ops": ops, "params": params, "inputs": inputs,
            "marginal_qubits": marginal_qubits, "hamming_qubits": hamming_qubits}


def angle_value(a, params, inputs):
    if "const" in a:
        return a["const"]
    v = a.get("scale", 1.0)
    if "param" in a:
        v = v * params[a["param"]]
    if "input" in a:
        v = v * inputs[a["input"]]
    return v


def apply(op, params, inputs):
    g, w = op["gate"], op["wires"]
    ang = [angle_value(a, params, inputs) for a in op.get("angles", [])]
    if g == "RX": qml.RX(ang[0], wires=w[0])
    elif g == "RY": qml.RY(ang[0], wires=w[0])
    elif g == "RZ": qml.RZ(ang[0], wires=w[0])
    elif g == "ROT": qml.Rot(ang[0], ang[1], ang[2], wires=w[0])
    elif g == "U3": qml.U3(ang[0], ang[1], ang[2], wires=w[0])
    elif g == "H": qml.Hadamard(wires=w[0])
    elif g == "X": qml.PauliX(wires=w[0])
    elif g == "Y": qml.PauliY(wires=w[0])
    elif g == "Z": qml.PauliZ(wires=w[0])
    elif g == "S": qml.S(wires=w[0])
    elif g == "T": qml.T(wires=w[0])
    elif g == "UNITARY":
        m = onp.array([complex(re, im) for re, im in op["matrix"]]).reshape(2, 2)
        qml.QubitUnitary(m, wires=w[0])
    elif g == "CNOT": qml.CNOT(wires=w)
    elif g == "CZ": qml.CZ(wires=w)
    elif g == "SWAP": qml.SWAP(wires=w)
    else: raise ValueError(g)


def outputs(probs, n, marginal_qubits, hamming_qubits):
    """Marginals and Hamming-weight distribution as linear maps of the probabilities (our index order)."""
    idx = onp.arange(2 ** n)
    bits = (idx[:, None] >> onp.arange(n)[None, :]) & 1
    marg_map = bits[:, marginal_qubits].astype(float)            # (2^n, m)
    weight = bits[:, hamming_qubits].sum(axis=1)
    ham_map = (weight[:, None] == onp.arange(len(hamming_qubits) + 1)[None, :]).astype(float)
    return pnp.dot(probs, marg_map), pnp.dot(probs, ham_map)


def main(out_path):
    rng = onp.random.default_rng(SEED)
    sizes = [1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 8, 8]
    circuits = []
    for k, n in enumerate(sizes):
        c = random_circuit(rng, "c%d_n%d" % (k, n), n)
        dev = qml.device("default.qubit", wires=n)

        @qml.qnode(dev, interface="autograd", diff_method="backprop")
        def probs_fn(params, inputs, c=c, n=n):
            for op in c["ops"]:
                apply(op, params, inputs)
            return qml.probs(wires=list(reversed(range(n))))

        params = pnp.array(c["params"], requires_grad=True)
        inputs = pnp.array(c["inputs"], requires_grad=True)
        probs = probs_fn(params, inputs)
        marg, ham = outputs(probs, n, c["marginal_qubits"], c["hamming_qubits"])
        cot = {
            "probabilities": rng.normal(size=2 ** n),
            "marginals": rng.normal(size=len(c["marginal_qubits"])),
            "hamming": rng.normal(size=len(c["hamming_qubits"]) + 1),
        }
        grads_p, grads_i = {}, {}
        for kind in ["probabilities", "marginals", "hamming"]:
            def cost(p, z, kind=kind):
                pr = probs_fn(p, z)
                mg, hm = outputs(pr, n, c["marginal_qubits"], c["hamming_qubits"])
                out = {"probabilities": pr, "marginals": mg, "hamming": hm}[kind]
                return pnp.dot(out, cot[kind])
            gp, gi = qml.grad(cost, argnums=[0, 1])(params, inputs)
            grads_p[kind] = [float(x) for x in gp]
            grads_i[kind] = [float(x) for x in gi]
        circuits.append({
            "name": c["name"], "n_qubits": n, "params": [float(x) for x in c["params"]],
            "inputs": [float(x) for x in c["inputs"]], "ops": c["ops"],
            "probabilities": [float(x) for x in probs],
            "marginal_qubits": c["marginal_qubits"], "marginals": [float(x) for x in marg],
            "hamming_qubits": c["hamming_qubits"], "hamming": [float(x) for x in ham],
            "cotangent": {k: [float(x) for x in v] for k, v in cot.items()},
            "grad_params": grads_p, "grad_inputs": grads_i,
        })
    doc = {
        "generator": "bench/peers/quantum_fixtures.py with PennyLane %s (default.qubit, autograd backprop), seed %d"
                     % (qml.__version__, SEED),
        "convention": "index b = sum_q bit_q 2^q (qubit 0 least significant); "
                      "ROT = PennyLane Rot(phi,theta,omega) = RZ(omega) RY(theta) RZ(phi); U3 = u3(theta,phi,lambda); "
                      "angle = scale * param[i] * input[j] over the keys present, or const; "
                      "UNITARY matrix row-major [[re,im] x 4]; grads are of dot(cotangent, output)",
        "circuits": circuits,
    }
    os.makedirs(os.path.dirname(out_path), exist_ok=True)
    tmp = out_path + ".tmp"
    with open(tmp, "w") as f:
        json.dump(doc, f, indent=1)
    os.replace(tmp, out_path)
    print("wrote %d circuits to %s" % (len(circuits), out_path))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else
         os.path.join(os.path.dirname(__file__), "..", "..", "src", "test", "resources", "fixtures", "quantum",
                      "pennylane_circuits.json"))
