namespace AlertWorker.Matching;

/// <summary>All children must match (the implicit AND between terms). Has at least two children, none an AND.</summary>
/// <param name="Children">The conjuncts; exclusions are <see cref="NotNode"/> children.</param>
public sealed record AndNode(ValueList<QueryNode> Children) : QueryNode
{
    /// <inheritdoc />
    public override string ToString() => string.Join(' ', Children);
}
