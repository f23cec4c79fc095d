package dev.strongroom.client.search;

/** One result: the document and its score (higher is better; name matches score highest). */
public record SearchHit(SearchDocument document, int score) {}
