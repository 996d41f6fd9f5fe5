"""Ships: AIS positions and identities, vessel identity history, evasion-pattern events."""
