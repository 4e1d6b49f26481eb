"""The domain core: plain values and rules. Knows nothing of Flet, SQL, files or the clock."""
