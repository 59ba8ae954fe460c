"""`kg draft` (issue 14): from a saved article to proposed, sourced facts that a curator reviews.

article.py reads the page or text into numbered paragraphs; mentions.py finds the registry's entities in them;
proposals.py turns entities and figures (kg/figures.py) into proposed facts; review.py writes them as a fact file
whose entries are marked for review, and compares them with the facts already known (kg/conflicts.py's verdicts).
"""
