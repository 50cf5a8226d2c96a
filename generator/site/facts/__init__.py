"""What pages show that is derived from the inputs, as plain data (no Markdown).

``reports``: labels of reports and regions, the region hierarchy walk, lengths and
term usage counts; ``topics``: assignment of sections and paragraphs to the topics of
site_config/topics.yaml; ``term_groups``: how glossary views group terms (pinyin
letters, leading numerals).
"""
