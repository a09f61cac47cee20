"""Translation build tools: lupdate/lrelease around the .ts catalogue, the extractor of
helper calls lupdate cannot follow, and the catalogue editor (fill, wordbreaks, check)."""
