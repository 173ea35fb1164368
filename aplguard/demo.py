"""``aplguard demo``: Guard on the embedded toy model, side by side with the bare model.

The toy world (``aplguard.training.toyworld``) is a tiny text-to-image model
trained here on synthetic people whose names it knows, with a committed APL
prefix and a judge that plays the face matcher. The demo wraps it in ``Guard``
with the shipped ``default`` policy (plus the toy people as protected
identities), writes a temporary audit log, prints every decision and saves a
grid PNG: one row per prompt, columns "without guard" and "with guard". With the
``c2pa`` extra installed, each guarded image is also written with content
credentials (a C2PA manifest) signed by a throwaway DEMO certificate made on the fly.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PIL import Image

if TYPE_CHECKING:
    from .policy import Policy

#: (label, prompt) rows of the demo; toy names are single tokens the model knows.
DEMO_PROMPTS: tuple[tuple[str, str], ...] = (
    ("named person", "a photo of alice"),
    ("named person, not in prefix training", "a photo of hiro"),  # held out in v1 and v2
    ("private-looking name", "a photo of Kevin Brandt"),
    ("evasion spelling", "a photo of (ALICE:1.2)"),
    ("generic person", "a photo of a person with red hair"),
    ("non-person scene", "a photo of a red circle on a blue background"),
)


def demo_policy(protected_names: tuple[str, ...]) -> Policy:
    """The shipped default policy with ``protected_names`` as its protected list."""
    import yaml

    from .policy import load_policy
    from .policy.loader import shipped_policy_text

    spec = yaml.safe_load(shipped_policy_text("default"))
    spec["name"] = "default+toyworld"
    spec["protected"] = {"protected": {"entries": [{"name": n} for n in protected_names]}}
    return load_policy(spec)


#: The toy world the demo runs on (v2 replaces v1 only once it meets issue 16's targets).
DEMO_WORLD = "v1"


def _toy_world(version: str = DEMO_WORLD) -> dict[str, Any]:
    from .training import toyworld  # type: ignore[import-not-found]  # installed from training/ (package-dir)
    from .training.toyworld.data import get_world  # type: ignore[import-not-found]

    world = get_world(version)
    return {
        "pipe": toyworld.load_toy_pipeline(world=version), "prefix": toyworld.prefix_path(version),
        "faces": toyworld.ToyFaceAuditor(toyworld.ToyJudge(world=version)), "names": world.names,
        "call": {"num_inference_steps": toyworld.DEFAULT_STEPS, "guidance_scale": toyworld.DEFAULT_GUIDANCE},
        "scale": 8, "what": f"toy world {version} model (training/toyworld)",
    }


def run_demo(out: Path, steps: int | None = None, seed: int = 0) -> int:
    """Run the demo, print decisions, write ``out/grid.png`` and ``out/audit.db``."""
    import torch

    t0 = time.perf_counter()
    out.mkdir(parents=True, exist_ok=True)
    # The toy model is tiny: one thread is fastest, and with more the OpenMP workers
    # spin against any other busy process (seen here: 50 s instead of 1 s).
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        return _run(out, steps, seed, t0)
    finally:
        torch.set_num_threads(threads)


def _run(out: Path, steps: int | None, seed: int, t0: float) -> int:
    import torch

    from .audit import verify_log
    from .guard import Guard

    world = _toy_world()
    call = dict(world["call"])
    if steps:
        call["num_inference_steps"] = steps
    audit_path = out / "audit.db"
    for suffix in ("", "-wal", "-shm"):  # a fresh log per demo run
        Path(f"{audit_path}{suffix}").unlink(missing_ok=True)
    credentials, ca_path = _demo_credentials(out)
    guard = Guard(world["pipe"], prefix=world["prefix"], policy=demo_policy(world["names"]),
                  audit=f"sqlite:///{audit_path}", faces=world["faces"], content_credentials=credentials)
    prompts = [p for _, p in DEMO_PROMPTS]
    bare = world["pipe"](prompt=prompts, generator=_generators(torch, len(prompts), seed), **call).images
    guarded = guard(prompts, generator=_generators(torch, len(prompts), seed), **call)
    print(f"aplguard demo on the {world['what']}, policy {guard.engine.settings(None).name}\n")
    for (label, prompt), d, faces, matches in zip(DEMO_PROMPTS, guarded.decisions, guarded.faces, guarded.matches):
        evidence = ", ".join(f"{f.kind}:{f.canonical or f.text}" for f in d.findings) or "no findings"
        seen = ", ".join(f"{m.identity} {m.score:.2f}" for m in matches) or "none"
        print(f"  {label:38} {prompt!r}")
        print(f"      -> {d.action:9} rule={d.rule:22} evidence: {evidence}; "
              f"output: {len(faces)} face(s), matches: {seen}")
    grid = _grid(DEMO_PROMPTS, bare, guarded.images, world["scale"])
    grid.save(out / "grid.png")
    if credentials is not None:
        _write_signed(out, guarded.signed_images, audit_path, ca_path)
    result = verify_log(f"sqlite:///{audit_path}")
    print(f"\nwrote {out / 'grid.png'} and {audit_path} (audit log verifies: {result.ok}, "
          f"{result.records} record(s)); {time.perf_counter() - t0:.1f} s")
    return 0 if result.ok else 1


def _demo_credentials(out: Path) -> tuple[Any, Path | None]:
    """Content credentials with a throwaway DEMO certificate, or (None, None) without the c2pa extra."""
    try:
        import c2pa  # noqa: F401
    except ImportError:
        return None, None
    from .provenance import ContentCredentials, generate_test_chain

    chain = generate_test_chain("aplguard demo signer (DEMO certificate, not trusted)", days=1)
    ca_path = out / "demo-ca.pem"  # only so `aplguard c2pa verify --trust` can be tried on the demo images
    ca_path.write_bytes(chain.ca_pem)
    return ContentCredentials(chain.chain_pem, chain.private_key_pem), ca_path


def _write_signed(out: Path, signed: list[bytes | None], audit_path: Path, ca_path: Path | None) -> None:
    folder = out / "signed"
    folder.mkdir(exist_ok=True)
    for old in folder.glob("*.png"):  # a fresh set per demo run
        old.unlink()
    written = []
    for k, data in enumerate(signed):
        if data is not None:
            (folder / f"{k:02d}.png").write_bytes(data)
            written.append(k)
    print(f"\nwrote {len(written)} image(s) with content credentials to {folder}/ (C2PA manifest signed with a "
          f"throwaway DEMO certificate; blocked prompts have none); check them with:\n"
          f"  aplguard c2pa verify {folder}/*.png --audit sqlite:///{audit_path} --trust {ca_path}")


def _generators(torch: Any, n: int, seed: int) -> list[Any]:
    return [torch.Generator().manual_seed(seed + i) for i in range(n)]


def _grid(rows: Sequence[tuple[str, str]], left: list[Any], right: list[Any], scale: int) -> Image.Image:
    """Rows of [label | without guard | with guard] as one PIL image."""
    from PIL import ImageDraw

    size = left[0].size[0] * scale
    label_w, pad, head = 330, 6, 22
    grid = Image.new("RGB", (label_w + 2 * (size + pad) + pad, head + len(rows) * (size + pad) + pad), "white")
    draw = ImageDraw.Draw(grid)
    draw.text((label_w + pad, 4), "without guard", fill="black")
    draw.text((label_w + size + 2 * pad, 4), "with guard", fill="black")
    for r, ((label, prompt), a, b) in enumerate(zip(rows, left, right)):
        y = head + r * (size + pad)
        draw.text((pad, y + 4), label, fill="black")
        draw.text((pad, y + 22), prompt[:48], fill="dimgray")
        for c, image in enumerate((a, b)):
            x = label_w + pad + c * (size + pad)
            if image is None:
                draw.rectangle([x, y, x + size, y + size], outline="red")
                draw.text((x + 8, y + size // 2), "blocked", fill="red")
            else:
                grid.paste(image.resize((size, size), Image.Resampling.NEAREST), (x, y))
    return grid
