namespace AlertWorker.Matching;

/// <summary>
/// One query word as normalised words. Several parts come from a hyphenated (or apostrophe-joined) word such as
/// <c>cease-fire</c>: it matches the parts next to each other (<c>cease fire</c>) or joined (<c>ceasefire</c>).
/// </summary>
/// <param name="Parts">The normalised parts, at least one.</param>
/// <param name="IsPrefix">Whether the (last part of the) word is a prefix: <c>truce*</c>.</param>
public sealed record QueryWord(ValueList<string> Parts, bool IsPrefix)
{
    /// <summary>The parts concatenated: the joined form of a hyphenated word.</summary>
    public string Joined => string.Concat(Parts);

    /// <summary>The canonical text: the parts joined with <c>-</c>, then <c>*</c> for a prefix.</summary>
    public override string ToString() => string.Join('-', Parts) + (IsPrefix ? "*" : "");
}
