"""Apply an APL prefix to the toy pipeline, and train one with a minimal loop.

Placement is the one aplguard uses everywhere: the prefix's n vectors sit right
after BOS, in front of the prompt's token embeddings, before the frozen text
encoder. At inference this is done with textual-inversion tokens (a
multi-vector token written first in the prompt); in training with a forward
hook on the token embedding, so only the prefix gets gradients.

Prefix files are written in aplguard's SoftPrompt format (:mod:`aplguard.prefix`),
the one ``Guard`` loads; any format ``SoftPrompt.load`` reads is accepted.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import numpy as np

from aplguard._deps import require
from aplguard.errors import PrefixError

from . import data

PREFIX_TOKEN = "<apl>"


def load_prefix_tensor(path: str | Path):
    """The (n, hidden) prefix tensor for the toy model's single text encoder."""
    torch = require("torch", "diffusers")
    from aplguard.prefix import SoftPrompt

    sp = SoftPrompt.load(path)
    if "text_encoder" not in sp.vectors:
        raise PrefixError(f"{path}: no vectors for text_encoder")
    return torch.from_numpy(sp.vectors["text_encoder"])


def prefixed_pipeline(pipe, path: str | Path):
    """Load the prefix as textual-inversion tokens into ``pipe``; returns the prompt prefix string.

    Prompts that should be anonymised are written as ``f"{prefix_string} {prompt}"``; the
    pipeline expands the token into its n vectors (``maybe_convert_prompt``).
    """
    vectors = load_prefix_tensor(path)
    hidden = pipe.text_encoder.get_input_embeddings().weight.shape[1]
    if vectors.shape[1] != hidden:
        raise PrefixError(f"{path}: prefix width {vectors.shape[1]} does not fit the text encoder (hidden {hidden})")
    if PREFIX_TOKEN not in pipe.tokenizer.get_vocab():
        pipe.load_textual_inversion(vectors, token=PREFIX_TOKEN)
    return PREFIX_TOKEN


class _PrefixHook:
    """Forward hook on the token embedding: rows 1..n of flagged samples become the prefix."""

    def __init__(self, prefix, n: int) -> None:
        self.prefix, self.n, self.mask = prefix, n, None

    def __call__(self, module, inputs, output):
        if self.mask is None or not bool(self.mask.any()):
            return output
        out = output.clone()
        rows = self.mask.nonzero().flatten()
        out[rows, 1:1 + self.n] = self.prefix.to(out.dtype).unsqueeze(0).expand(len(rows), -1, -1)
        return out


def _ids(tokenizer, captions: list[str], n_slots: list[int]):
    """Token ids with ``n_slots[i]`` placeholder positions after BOS (filled by the hook)."""
    torch = require("torch", "diffusers")
    enc = tokenizer(captions, padding="max_length", max_length=tokenizer.model_max_length, truncation=True).input_ids
    rows = []
    for ids, k in zip(enc, n_slots):
        row = ids[:1] + [ids[1]] * k + ids[1:]  # placeholder tokens are overwritten by the hook
        rows.append(row[: tokenizer.model_max_length])
    return torch.tensor(rows)


def train_prefix(pipe, out: Path, seen: tuple[str, ...] = data.SEEN_NAMES, n_vectors: int = 10,
                 steps: int = 500, batch_size: int = 32, lr: float = 5e-3, p_identity: float = 0.5,
                 eta: float = 0.0, seed: int = 0, threads: int = 1) -> dict:
    """APL on the toy model: identity pairs for ``seen`` names, general pairs otherwise.

    Identity pair: eps(x_t, t, E([P; "<template> <name>"])) -> eps(x_t, t, E("<template> <neutral
    description>")), x_0 a render of that person. General pair: eps(x_t, t, E([P; c])) -> eps(x_t, t, E(c))
    for generic-person and scene captions c. Target optionally in the official code's form
    ``eps_anon - eta * (eps_prefixed_frozen - eps_anon)``.
    """
    torch = require("torch", "diffusers")
    torch.set_num_threads(threads)
    torch.manual_seed(seed)
    te, unet, tok = pipe.text_encoder.eval(), pipe.unet.eval(), pipe.tokenizer
    for p in list(te.parameters()) + list(unet.parameters()):
        p.requires_grad_(False)
    emb = te.get_input_embeddings()
    # Start from the mean token embedding plus noise: inert-ish and inside the trained range.
    prefix = (emb.weight.mean(0, keepdim=True).repeat(n_vectors, 1)
              + 0.01 * torch.randn(n_vectors, emb.weight.shape[1])).requires_grad_(True)
    hook = _PrefixHook(prefix, n_vectors)
    handle = emb.register_forward_hook(hook)
    frozen0 = prefix.detach().clone()
    opt = torch.optim.Adam([prefix], lr=lr)
    alphas = pipe.scheduler.alphas_cumprod.float()
    people = [p for p in data.PEOPLE if p.name in seen]
    rng = np.random.default_rng(seed)
    losses, t0 = [], time.monotonic()
    try:
        for step in range(steps):
            images, c1, c2 = [], [], []
            for _ in range(batch_size):
                template = data.TEMPLATES[rng.integers(len(data.TEMPLATES))]
                if rng.random() < p_identity:
                    person = people[rng.integers(len(people))]
                    images.append(data.render_person(rng, person.skin, person.hair, person.shirt, person.hat))
                    c1.append(template.format(person.name))
                    c2.append(template.format(person.neutral_description()))
                else:
                    s = data.sample(rng, ("generic", "scene")[rng.integers(2)])
                    images.append(s.image)
                    c1.append(s.caption)
                    c2.append(s.caption)
            x0 = torch.from_numpy(np.stack(images))
            noise = torch.randn_like(x0)
            t = torch.randint(0, len(alphas), (batch_size,))
            a = alphas[t].view(-1, 1, 1, 1)
            xt = a.sqrt() * x0 + (1 - a).sqrt() * noise
            with torch.no_grad():
                hook.mask = torch.zeros(batch_size, dtype=torch.bool)
                target = unet(xt, t, te(_ids(tok, c2, [0] * batch_size))[0]).sample
                if eta:
                    hook.prefix = frozen0
                    hook.mask = torch.ones(batch_size, dtype=torch.bool)
                    frozen = unet(xt, t, te(_ids(tok, c1, [n_vectors] * batch_size))[0]).sample
                    target = target - eta * (frozen - target)
                    hook.prefix = prefix
            hook.mask = torch.ones(batch_size, dtype=torch.bool)
            pred = unet(xt, t, te(_ids(tok, c1, [n_vectors] * batch_size))[0]).sample
            loss = torch.nn.functional.mse_loss(pred, target)
            opt.zero_grad()
            loss.backward()
            opt.step()
            losses.append(float(loss.detach()))
            if (step + 1) % 25 == 0:
                print(f"prefix step {step + 1} loss {np.mean(losses[-25:]):.5f}", flush=True)
    finally:
        handle.remove()
    k = max(1, steps // 10)
    report = {"steps": steps, "batch_size": batch_size, "lr": lr, "eta": eta, "seed": seed,
              "n_vectors": n_vectors, "seen_names": list(seen),
              "initial_loss": float(np.mean(losses[:k])), "final_loss": float(np.mean(losses[-k:])),
              "train_minutes": round((time.monotonic() - t0) / 60, 2), "trainer": "toyworld.prefixing.train_prefix"}
    from aplguard.prefix import SoftPrompt

    SoftPrompt.from_pipeline(pipe, {"text_encoder": prefix.detach()}, provenance=report).save(out)
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Train an APL prefix for the toy model (minimal loop)")
    parser.add_argument("--model", type=Path, default=None)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--steps", type=int, default=500)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--lr", type=float, default=5e-3)
    parser.add_argument("--eta", type=float, default=0.0)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    from . import load_toy_pipeline

    report = train_prefix(load_toy_pipeline(args.model), args.out, steps=args.steps, batch_size=args.batch_size,
                          lr=args.lr, eta=args.eta, seed=args.seed)
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
