namespace AlertWorker.Matching;

/// <summary>A topic whose query matched an item, with one hit per matched positive term and field.</summary>
/// <param name="Topic">The topic name.</param>
/// <param name="Hits">The hits, in query-term order then field order.</param>
public sealed record TopicMatch(string Topic, IReadOnlyList<MatchHit> Hits);
