namespace AlertWorker.Matching;

/// <summary>A word or prefix term, optionally scoped to a field: <c>truce</c>, <c>truce*</c>, <c>title:cease-fire</c>.</summary>
/// <param name="Word">The word.</param>
/// <param name="Field">The field it must occur in, or null for any field.</param>
public sealed record WordNode(QueryWord Word, MatchField? Field) : QueryNode
{
    /// <summary>The term without its field scope, as reported in hits.</summary>
    public string Term => Word.ToString();

    /// <inheritdoc />
    public override string ToString() => FieldPrefix.Of(Field) + Term;
}
