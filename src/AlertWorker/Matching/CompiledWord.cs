namespace AlertWorker.Matching;

/// <summary>A query word ready for matching against tokens: its parts, joined form and prefix flag.</summary>
internal sealed class CompiledWord(QueryWord word)
{
    private readonly string[] _parts = [.. word.Parts];
    private readonly string _joined = word.Joined;

    public bool IsPrefix { get; } = word.IsPrefix;

    public bool IsCompound => _parts.Length > 1;

    public string FirstPart => _parts[0];

    public string Joined => _joined;

    /// <summary>Tokens that any match of this word starts with: the first part and, for a compound, the joined form.</summary>
    public IEnumerable<AnchorKey> Anchors()
    {
        if (!IsCompound)
        {
            yield return new AnchorKey(_parts[0], IsPrefix);
            yield break;
        }

        yield return new AnchorKey(_parts[0], false);
        yield return new AnchorKey(_joined, IsPrefix);
    }

    /// <summary>
    /// Whether the word matches at <paramref name="position"/> taking the joined form (<paramref name="joined"/>)
    /// or the parts one per token; returns the position after the match, or -1.
    /// </summary>
    public int MatchAt(MatchSegment segment, int position, bool joined)
    {
        var tokens = segment.Tokens;
        if (!IsCompound || joined)
        {
            return position < tokens.Length ? MatchWhole(segment, position, IsCompound ? _joined : _parts[0]) : -1;
        }

        if (position + _parts.Length > tokens.Length)
        {
            return -1;
        }

        for (var i = 0; i < _parts.Length; i++)
        {
            if (!Equal(tokens[position + i].Text, _parts[i], IsPrefix && i == _parts.Length - 1))
            {
                return -1;
            }
        }

        return position + _parts.Length;
    }

    /// <summary>
    /// Matches <paramref name="word"/> as one token, or as a dash-joined run of tokens that spells it
    /// (<c>ceasefire</c> in <c>cease-fire</c>); returns the position after the match, or -1.
    /// </summary>
    private int MatchWhole(MatchSegment segment, int position, string word)
    {
        var tokens = segment.Tokens;
        var spelled = tokens[position].Text;
        if (Equal(spelled, word, IsPrefix))
        {
            return position + 1;
        }

        for (var next = position + 1;
             next < tokens.Length && next - position < MatchSegment.MaxCompoundParts && segment.DashJoined[next]
                 && word.StartsWith(spelled, StringComparison.Ordinal);
             next++)
        {
            spelled += tokens[next].Text;
            if (Equal(spelled, word, IsPrefix))
            {
                return next + 1;
            }
        }

        return -1;
    }

    private static bool Equal(string token, string part, bool prefix) =>
        prefix ? token.StartsWith(part, StringComparison.Ordinal) : string.Equals(token, part, StringComparison.Ordinal);
}
