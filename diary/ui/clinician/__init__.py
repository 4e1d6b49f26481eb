"""The clinician's side of the app: caseload, patient review, import, keys and pairing."""
