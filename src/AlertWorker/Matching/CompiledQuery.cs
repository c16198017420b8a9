using System.Diagnostics.CodeAnalysis;

namespace AlertWorker.Matching;

/// <summary>
/// A query compiled once for matching many documents. Immutable and safe to share between threads.
/// </summary>
public sealed class CompiledQuery
{
    private readonly TermTable _terms;
    private readonly CompiledTerm[] _positiveTerms;

    internal CompiledQuery(QueryNode query, TermTable terms)
    {
        Query = query;
        _terms = terms;
        Root = QueryCompiler.Compile(query, terms);
        var positive = new List<CompiledTerm>();
        Root.CollectPositiveTerms(positive);
        _positiveTerms = [.. positive];
    }

    /// <summary>The parsed query.</summary>
    public QueryNode Query { get; }

    internal CompiledNode Root { get; }

    /// <summary>Parses and compiles <paramref name="query"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="query"/> is null.</exception>
    /// <exception cref="QueryParseException">The query is not valid.</exception>
    public static CompiledQuery Compile(string query) => new(QueryParser.Parse(query), new TermTable());

    /// <summary>Parses and compiles <paramref name="query"/>, reporting a parse error instead of throwing it.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="query"/> is null.</exception>
    public static bool TryCompile(
        string query,
        [NotNullWhen(true)] out CompiledQuery? compiled,
        [NotNullWhen(false)] out QueryParseException? error)
    {
        try
        {
            compiled = Compile(query);
            error = null;
            return true;
        }
        catch (QueryParseException e)
        {
            compiled = null;
            error = e;
            return false;
        }
    }

    /// <summary>Whether the query matches <paramref name="document"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="document"/> is null.</exception>
    public bool IsMatch(MatchDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var cache = new TermCache(_terms.Count);
        return Root.Evaluate(document, cache);
    }

    /// <summary>The hits when the query matches <paramref name="document"/>, else null.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="document"/> is null.</exception>
    public IReadOnlyList<MatchHit>? Match(MatchDocument document) => IsMatch(document) ? Hits(document) : null;

    /// <inheritdoc />
    public override string ToString() => Query.ToString();

    /// <summary>
    /// One hit per positive term and field it occurs in, in term order then field order. <paramref name="cache"/>
    /// (by term id) shares the hits of a term between the topics matched against the same document.
    /// </summary>
    internal List<MatchHit> Hits(MatchDocument document, Dictionary<int, List<MatchHit>>? cache = null)
    {
        var hits = new List<MatchHit>();
        foreach (var term in _positiveTerms)
        {
            if (cache is null)
            {
                hits.AddRange(term.FindHits(document));
                continue;
            }

            if (!cache.TryGetValue(term.Id, out var termHits))
            {
                termHits = term.FindHits(document);
                cache.Add(term.Id, termHits);
            }

            hits.AddRange(termHits);
        }

        return hits;
    }
}
