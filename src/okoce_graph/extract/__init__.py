"""Rule-based extraction of mentions and facts from Indonesian news articles."""
