namespace AlertWorker.Matching;

/// <summary>
/// One field's text (one category for <see cref="MatchField.Category"/>): the plain text for snippets and its
/// normalised tokens with offsets into it. A phrase never spans two segments.
/// </summary>
internal sealed class MatchSegment
{
    public MatchSegment(MatchField field, string plainText)
    {
        Field = field;
        PlainText = plainText;
        Tokens = [.. TextNormalizer.Tokenize(plainText)];
    }

    public MatchField Field { get; }

    public string PlainText { get; }

    public TextToken[] Tokens { get; }
}
