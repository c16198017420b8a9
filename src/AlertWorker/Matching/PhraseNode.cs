namespace AlertWorker.Matching;

/// <summary>A phrase: words next to each other in this order, within one field: <c>"prisoner exchange"</c>.</summary>
/// <param name="Words">The words, at least one.</param>
/// <param name="Field">The field it must occur in, or null for any field.</param>
public sealed record PhraseNode(ValueList<QueryWord> Words, MatchField? Field) : QueryNode
{
    /// <summary>The phrase without its field scope, quoted, as reported in hits.</summary>
    public string Term => "\"" + string.Join(' ', Words) + "\"";

    /// <inheritdoc />
    public override string ToString() => FieldPrefix.Of(Field) + Term;
}
