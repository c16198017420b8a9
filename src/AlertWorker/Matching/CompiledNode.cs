namespace AlertWorker.Matching;

/// <summary>A node of a compiled query.</summary>
internal abstract class CompiledNode
{
    /// <summary>Whether the node matches <paramref name="document"/>.</summary>
    public abstract bool Evaluate(MatchDocument document, TermCache cache);

    /// <summary>Adds the terms that are not under an exclusion, in query order.</summary>
    public abstract void CollectPositiveTerms(List<CompiledTerm> terms);

    /// <summary>
    /// Tokens of which an item must contain at least one for the node to match, or null when there is no such
    /// set (an exclusion).
    /// </summary>
    public abstract List<AnchorKey>? Anchors();
}
