"""Published fact-checks (schema.org ClaimReview) brought into the store and matched to findings.

``claimreview`` reads the JSON-LD (pure); ``store`` writes and reads the ``factchecks`` tables;
``matching`` decides which findings a fact-check reaches (``worker.pipeline.match_claims``).
"""
