namespace AlertWorker.Matching;

/// <summary>
/// A node of a parsed query. Nodes compare by value, and <see cref="ToString"/> prints the canonical query text,
/// which parses back to an equal node.
/// </summary>
public abstract record QueryNode
{
    /// <summary>The canonical query text of this node.</summary>
    public abstract override string ToString();
}
