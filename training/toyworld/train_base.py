"""Train the toy world's text-to-image model (text encoder + UNet, jointly).

Usage::

    nice python -m aplguard.training.toyworld.train_base --work /tmp/toyworld-work \\
        --out training/toyworld/model --max-minutes 60

Resumable: a checkpoint (weights, EMA, optimizer, step) is written to ``--work``
every ``--ckpt-every`` steps and picked up on restart. Batches are a pure
function of (seed, step), so a resumed run sees the same data. The exported
pipeline uses the EMA weights.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import platform
import time
from pathlib import Path

import numpy as np

from . import data, model

log = logging.getLogger("aplguard.toyworld")


def make_batch(tokenizer, seed: int, step: int, batch_size: int, p_uncond: float = 0.1,
               world: data.World = data.WORLD_V1):
    """Images, token ids and labels for one training step (deterministic in seed, step)."""
    import torch

    rng = np.random.default_rng([seed, step])
    items = [data.sample(rng, world=world) for _ in range(batch_size)]
    captions = [("" if rng.random() < p_uncond else data.add_fillers(rng, s.caption)) for s in items]
    ids = tokenizer(captions, padding="max_length", max_length=model.MAX_LENGTH, truncation=True,
                    return_tensors="pt").input_ids
    images = torch.from_numpy(np.stack([s.image for s in items]))
    return images, ids


def _save_atomic(obj, path: Path) -> None:
    import torch

    tmp = path.with_suffix(".tmp")
    torch.save(obj, tmp)
    os.replace(tmp, path)


def export(tokenizer, text_encoder, unet, out: Path, info: dict) -> None:
    """Write the pipeline folder (safetensors + configs) and the training record."""
    pipe = model.assemble_pipeline(tokenizer, text_encoder, unet)
    pipe.save_pretrained(str(out), safe_serialization=True)
    (out / "training.json").write_text(json.dumps(info, indent=2) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", type=Path, required=True, help="checkpoint directory (resumed if present)")
    parser.add_argument("--out", type=Path, required=True, help="pipeline folder to write")
    parser.add_argument("--steps", type=int, default=6000)
    parser.add_argument("--max-minutes", type=float, default=60.0, help="wall budget for this invocation")
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--lr", type=float, default=8e-4)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--world", choices=sorted(data.WORLDS), default="v1", help="which toy world to learn")
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--ckpt-every", type=int, default=150)
    parser.add_argument("--export-every", type=int, default=600)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")

    import copy

    import torch

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    args.work.mkdir(parents=True, exist_ok=True)
    world = data.get_world(args.world)
    tokenizer = model.build_tokenizer(args.work / "tokenizer", world)
    text_encoder = model.build_text_encoder(len(tokenizer), tokenizer.bos_token_id, tokenizer.eos_token_id,
                                            args.seed)
    unet = model.build_unet(args.seed + 1)
    ema_te, ema_unet = copy.deepcopy(text_encoder).eval(), copy.deepcopy(unet).eval()
    params = list(text_encoder.parameters()) + list(unet.parameters())
    ema_params = list(ema_te.parameters()) + list(ema_unet.parameters())
    opt = torch.optim.AdamW(params, lr=args.lr, weight_decay=0.01)
    sched = model.build_scheduler()
    alphas = sched.alphas_cumprod.float()

    ckpt_path = args.work / "ckpt.pt"
    step, elapsed, losses = 0, 0.0, []
    if ckpt_path.exists():
        ck = torch.load(ckpt_path, weights_only=False)
        text_encoder.load_state_dict(ck["te"])
        unet.load_state_dict(ck["unet"])
        ema_te.load_state_dict(ck["ema_te"])
        ema_unet.load_state_dict(ck["ema_unet"])
        opt.load_state_dict(ck["opt"])
        step, elapsed, losses = ck["step"], ck["elapsed"], ck["losses"]
        log.info("resumed at step %d (%.1f min trained)", step, elapsed / 60)

    def info() -> dict:
        return {
            "world": world.version, "steps": step, "batch_size": args.batch_size, "lr": args.lr, "seed": args.seed,
            "train_minutes": round(elapsed / 60, 1), "threads": args.threads,
            "loss_first_100": float(np.mean(losses[:100])) if losses else None,
            "loss_last_100": float(np.mean(losses[-100:])) if losses else None,
            "hardware": f"{platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, torch threads {args.threads}",
            "torch": torch.__version__, "command": "python -m aplguard.training.toyworld.train_base",
        }

    def checkpoint() -> None:
        _save_atomic({"te": text_encoder.state_dict(), "unet": unet.state_dict(), "ema_te": ema_te.state_dict(),
                      "ema_unet": ema_unet.state_dict(), "opt": opt.state_dict(), "step": step,
                      "elapsed": elapsed, "losses": losses}, ckpt_path)

    start = time.monotonic()
    elapsed0 = elapsed
    text_encoder.train()
    unet.train()
    while step < args.steps and (time.monotonic() - start) < args.max_minutes * 60:
        images, ids = make_batch(tokenizer, args.seed, step, args.batch_size, world=world)
        g = torch.Generator().manual_seed(args.seed * 1_000_003 + step)
        noise = torch.randn(images.shape, generator=g)
        t = torch.randint(0, len(alphas), (images.shape[0],), generator=g)
        a = alphas[t].view(-1, 1, 1, 1)
        noisy = a.sqrt() * images + (1 - a).sqrt() * noise
        for group in opt.param_groups:  # linear warm-up
            group["lr"] = args.lr * min(1.0, (step + 1) / 200)
        hidden = text_encoder(ids)[0]
        loss = torch.nn.functional.mse_loss(unet(noisy, t, hidden).sample, noise)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(params, 1.0)
        opt.step()
        decay = min(0.999, (1 + step) / (10 + step))
        with torch.no_grad():
            for e, p in zip(ema_params, params):
                e.lerp_(p, 1 - decay)
        losses.append(float(loss))
        step += 1
        elapsed = elapsed0 + time.monotonic() - start
        if step % 25 == 0:
            log.info("step %d loss %.4f (last 100: %.4f) %.2f s/step", step, losses[-1],
                     np.mean(losses[-100:]), elapsed / step)
        if step % args.ckpt_every == 0:
            checkpoint()
        if step % args.export_every == 0:
            export(tokenizer, ema_te, ema_unet, args.out, info())
    checkpoint()
    export(tokenizer, ema_te, ema_unet, args.out, info())
    log.info("done: step %d, %.1f min", step, elapsed / 60)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
