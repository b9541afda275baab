"""The blocks' old address, kept because migrations import it; the blocks live in core/blocks.py."""

from core.blocks import *  # noqa: F403
