"""aplguard.training: learn APL prefixes for diffusers text-to-image models (installed from training/)."""
