"""ComfyUI and AUTOMATIC1111/Forge: the prefix as a host embedding, request screening, gateway mode.

* :mod:`.embeddings`: ``export_for_host`` writes the textual-inversion file each host loads.
* :mod:`.comfyui`: screen and rewrite API-format workflows.
* :mod:`.a1111`: screen ``/sdapi/v1/txt2img`` / ``img2img`` bodies.
* :mod:`.input_images` / :mod:`.input_checks`: find, decode (bounded) and face-check the
  requests' input images with the policy's input rules, as Guard does.
* :mod:`.proxy`: ``create_host_proxy``, a FastAPI app in front of either host (``[hosts]`` extra).

See docs/hosts.md.
"""

from __future__ import annotations

from .a1111 import add_embedding, screen_a1111_request
from .comfyui import screen_workflow, validate_workflow
from .embeddings import HOSTS, HostEmbedding, export_for_host, prompt_reference
from .screening import HostRequestError, ScreenedText, ScreenResult


def create_host_proxy(*args, **kwargs):  # type: ignore[no-untyped-def]
    """See :func:`aplguard.integrations.hosts.proxy.create_host_proxy` (imported lazily: needs fastapi)."""
    from .proxy import create_host_proxy as create

    return create(*args, **kwargs)


__all__ = ["HOSTS", "HostEmbedding", "HostRequestError", "ScreenResult", "ScreenedText", "add_embedding",
           "create_host_proxy", "export_for_host", "prompt_reference", "screen_a1111_request", "screen_workflow",
           "validate_workflow"]
