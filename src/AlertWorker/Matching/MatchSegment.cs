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
        DashJoined = new bool[Tokens.Length];
        for (var i = 1; i < Tokens.Length; i++)
        {
            var gap = Tokens[i].Start - Tokens[i - 1].End;
            DashJoined[i] = gap == 1 && CharClass.IsDash(plainText[Tokens[i - 1].End]);
        }
    }

    /// <summary>The most tokens one dash-joined compound is read as a single word from (<c>mother-in-law</c>).</summary>
    public const int MaxCompoundParts = 4;

    public MatchField Field { get; }

    public string PlainText { get; }

    public TextToken[] Tokens { get; }

    /// <summary>
    /// For each token, whether a single dash (and nothing else) joins it to the one before: <c>cease-fire</c>,
    /// <c>cease–fire</c>. Such runs are also read as one joined word, so <c>ceasefire</c> finds <c>cease-fire</c>.
    /// </summary>
    public bool[] DashJoined { get; }
}
