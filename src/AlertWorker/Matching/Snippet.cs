namespace AlertWorker.Matching;

/// <summary>Cuts a snippet of plain text around a hit.</summary>
internal static class Snippet
{
    public const int Radius = 60;

    /// <summary>
    /// The text around <c>[start, end)</c>, about <paramref name="radius"/> characters either side, cut at word
    /// boundaries (spaces), with <c>…</c> where the text was cut.
    /// </summary>
    public static string Around(string text, int start, int end, int radius = Radius)
    {
        var from = Math.Max(0, start - radius);
        var to = Math.Min(text.Length, end + radius);
        if (from > 0 && !char.IsWhiteSpace(text[from - 1]))
        {
            var space = text.IndexOf(' ', from, start - from);
            from = space < 0 ? start : space + 1;
        }

        if (to < text.Length && !char.IsWhiteSpace(text[to]))
        {
            var space = text.LastIndexOf(' ', to - 1, to - end);
            to = space < 0 ? end : space;
        }

        var snippet = text[from..to].Trim();
        return (from > 0 ? "…" : "") + snippet + (to < text.Length ? "…" : "");
    }
}
