using System.Buffers;

namespace AlertWorker.Matching;

/// <summary>
/// Matches items against many topics at once. Built once from <c>(topic, query)</c> pairs; immutable and safe to
/// use from several threads.
/// </summary>
/// <remarks>
/// Each query yields a set of anchor tokens of which an item must contain at least one to possibly match (for an
/// AND, the anchors of its cheapest positive part; for an OR, the union of its alternatives'). An inverted index
/// from anchor to topics selects the candidate topics of an item from the item's distinct tokens, so topics that
/// cannot match are never evaluated. Equal terms across topics are compiled once and evaluated at most once per item.
/// To validate a single query without building a matcher, use <see cref="CompiledQuery.TryCompile"/>.
/// </remarks>
public sealed class TopicMatcher
{
    private readonly string[] _names;
    private readonly CompiledQuery[] _queries;
    private readonly TermTable _terms = new();
    private readonly Dictionary<string, int[]> _exact = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int[]> _prefix = new(StringComparer.Ordinal);
    private readonly int[] _unanchored;
    private readonly int _maxPrefixLength;

    /// <summary>Parses and compiles every topic's query.</summary>
    /// <param name="topics">The topics, in the order matches are reported.</param>
    /// <exception cref="ArgumentNullException"><paramref name="topics"/>, a name or a query is null.</exception>
    /// <exception cref="QueryParseException">
    /// A query is not valid; <see cref="QueryParseException.Topic"/> names the (first) invalid topic.
    /// </exception>
    public TopicMatcher(IEnumerable<(string Topic, string Query)> topics)
    {
        ArgumentNullException.ThrowIfNull(topics);
        var names = new List<string>();
        var queries = new List<CompiledQuery>();
        foreach (var (topic, query) in topics)
        {
            ArgumentNullException.ThrowIfNull(topic);
            ArgumentNullException.ThrowIfNull(query);
            QueryNode parsed;
            try
            {
                parsed = QueryParser.Parse(query);
            }
            catch (QueryParseException e)
            {
                throw e.WithTopic(topic);
            }

            names.Add(topic);
            queries.Add(new CompiledQuery(parsed, _terms));
        }

        _names = [.. names];
        _queries = [.. queries];

        var exact = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var prefix = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var unanchored = new List<int>();
        for (var i = 0; i < _queries.Length; i++)
        {
            var anchors = _queries[i].Root.Anchors();
            if (anchors is null || anchors.Count == 0)
            {
                unanchored.Add(i);
                continue;
            }

            foreach (var anchor in anchors)
            {
                var map = anchor.IsPrefix ? prefix : exact;
                if (!map.TryGetValue(anchor.Text, out var list))
                {
                    list = [];
                    map.Add(anchor.Text, list);
                }

                if (list.Count == 0 || list[^1] != i)
                {
                    list.Add(i);
                }

                if (anchor.IsPrefix)
                {
                    _maxPrefixLength = Math.Max(_maxPrefixLength, anchor.Text.Length);
                }
            }
        }

        foreach (var (key, list) in exact)
        {
            _exact.Add(key, [.. list]);
        }

        foreach (var (key, list) in prefix)
        {
            _prefix.Add(key, [.. list]);
        }

        _unanchored = [.. unanchored];
    }

    /// <summary>The number of topics.</summary>
    public int Count => _names.Length;

    /// <summary>The topics whose query matches <paramref name="document"/>, in topic order, with their hits.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="document"/> is null.</exception>
    public IReadOnlyList<TopicMatch> Match(MatchDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var seen = ArrayPool<bool>.Shared.Rent(Math.Max(1, _queries.Length));
        Array.Clear(seen, 0, _queries.Length);
        var candidates = new List<int>();
        try
        {
            AddCandidates(document, seen, candidates);
            candidates.Sort();
            var matches = new List<TopicMatch>();
            using var cache = new TermCache(_terms.Count);
            var hits = new Dictionary<int, List<MatchHit>>();
            foreach (var i in candidates)
            {
                if (_queries[i].Root.Evaluate(document, cache))
                {
                    matches.Add(new TopicMatch(_names[i], _queries[i].Hits(document, hits)));
                }
            }

            return matches;
        }
        finally
        {
            ArrayPool<bool>.Shared.Return(seen);
        }
    }

    private void AddCandidates(MatchDocument document, bool[] seen, List<int> candidates)
    {
        Add(_unanchored);
        var prefixLookup = _prefix.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var token in document.SortedTokens)
        {
            if (_exact.TryGetValue(token, out var topics))
            {
                Add(topics);
            }

            if (_prefix.Count == 0)
            {
                continue;
            }

            var max = Math.Min(token.Length, _maxPrefixLength);
            for (var length = 1; length <= max; length++)
            {
                if (prefixLookup.TryGetValue(token.AsSpan(0, length), out topics))
                {
                    Add(topics);
                }
            }
        }

        void Add(int[] topics)
        {
            foreach (var topic in topics)
            {
                if (!seen[topic])
                {
                    seen[topic] = true;
                    candidates.Add(topic);
                }
            }
        }
    }
}
