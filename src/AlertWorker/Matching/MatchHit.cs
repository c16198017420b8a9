namespace AlertWorker.Matching;

/// <summary>Where a positive query term matched an item.</summary>
/// <param name="Field">The field name: <c>title</c>, <c>summary</c>, <c>content</c>, <c>author</c> or <c>category</c>.</param>
/// <param name="Term">The term as written canonically, without its field scope: <c>cease-fire</c>, <c>truce*</c>, <c>"prisoner exchange"</c>.</param>
/// <param name="Snippet">The field's plain text around the first occurrence, cut at word boundaries, <c>…</c> where cut.</param>
public sealed record MatchHit(string Field, string Term, string Snippet);
