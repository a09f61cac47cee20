"""Widgets of issue #19: why revenue changed, will we make the target, what would it take."""
