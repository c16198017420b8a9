namespace AlertWorker.Matching;

/// <summary>At least one child must match. Has at least two children, none an OR nor an exclusion.</summary>
/// <param name="Children">The alternatives.</param>
public sealed record OrNode(ValueList<QueryNode> Children) : QueryNode
{
    /// <inheritdoc />
    public override string ToString() =>
        string.Join(" OR ", Children.Select(c => c is AndNode ? "(" + c + ")" : c.ToString()));
}
