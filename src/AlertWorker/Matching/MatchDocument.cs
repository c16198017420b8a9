using AlertWorker.Feeds;

namespace AlertWorker.Matching;

/// <summary>
/// An item prepared for matching: each field as plain text (tags stripped, entities decoded, whitespace collapsed,
/// case kept) and as normalised tokens, indexed by token. Build it once per item and share it across all topics;
/// it is immutable and safe to use from several threads.
/// </summary>
public sealed class MatchDocument
{
    private static readonly IReadOnlyList<Occurrence> NoOccurrences = [];

    private readonly Dictionary<string, List<Occurrence>> _index;

    private MatchDocument(List<MatchSegment> segments)
    {
        Segments = [.. segments];
        _index = new Dictionary<string, List<Occurrence>>(StringComparer.Ordinal);
        for (var s = 0; s < Segments.Length; s++)
        {
            var tokens = Segments[s].Tokens;
            for (var p = 0; p < tokens.Length; p++)
            {
                if (!_index.TryGetValue(tokens[p].Text, out var list))
                {
                    list = [];
                    _index.Add(tokens[p].Text, list);
                }

                list.Add(new Occurrence(s, p));
            }

            IndexCompounds(s);
        }

        SortedTokens = [.. _index.Keys];
        Array.Sort(SortedTokens, StringComparer.Ordinal);
    }

    /// <summary>The distinct normalised tokens of the whole item, dash-joined compounds included, in ordinal order.</summary>
    internal string[] SortedTokens { get; }

    internal MatchSegment[] Segments { get; }

    /// <summary>Builds the document of a feed item: title, summary, content, author and each category.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="item"/> is null.</exception>
    public static MatchDocument FromItem(FeedItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return FromFields(item.Title, item.Summary, item.Content, item.Author, item.Categories);
    }

    /// <summary>
    /// Builds a document from field strings. Every field is read as HTML (tags stripped, entities decoded), which
    /// leaves ordinary plain text unchanged. Null fields are empty.
    /// </summary>
    public static MatchDocument FromFields(
        string? title,
        string? summary = null,
        string? content = null,
        string? author = null,
        IEnumerable<string?>? categories = null)
    {
        var segments = new List<MatchSegment>();
        Add(MatchField.Title, title);
        Add(MatchField.Summary, summary);
        Add(MatchField.Content, content);
        Add(MatchField.Author, author);
        foreach (var category in categories ?? [])
        {
            Add(MatchField.Category, category);
        }

        return new MatchDocument(segments);

        void Add(MatchField field, string? html)
        {
            var text = HtmlText.ToPlainText(html);
            if (text.Length > 0)
            {
                segments.Add(new MatchSegment(field, text));
            }
        }
    }

    /// <summary>The plain text of <paramref name="field"/>; categories are joined with <c>", "</c>.</summary>
    public string GetText(MatchField field) =>
        string.Join(", ", Segments.Where(s => s.Field == field).Select(s => s.PlainText));

    /// <summary>
    /// Indexes each dash-joined run of tokens (<c>cease-fire</c> → <c>ceasefire</c>) at the position of its first
    /// token, so that a joined query word finds the hyphenated text; <see cref="CompiledWord"/> checks the run.
    /// </summary>
    private void IndexCompounds(int segmentIndex)
    {
        var segment = Segments[segmentIndex];
        for (var p = 0; p < segment.Tokens.Length; p++)
        {
            var joined = segment.Tokens[p].Text;
            for (var q = p + 1; q < segment.Tokens.Length && q - p < MatchSegment.MaxCompoundParts && segment.DashJoined[q]; q++)
            {
                joined += segment.Tokens[q].Text;
                if (!_index.TryGetValue(joined, out var list))
                {
                    list = [];
                    _index.Add(joined, list);
                }

                list.Add(new Occurrence(segmentIndex, p));
            }
        }
    }

    internal IReadOnlyList<Occurrence> Lookup(string token) =>
        _index.TryGetValue(token, out var list) ? list : NoOccurrences;

    /// <summary>The index range in <see cref="SortedTokens"/> of tokens starting with <paramref name="prefix"/>.</summary>
    internal (int Start, int End) PrefixRange(string prefix)
    {
        var low = 0;
        var high = SortedTokens.Length;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (string.CompareOrdinal(SortedTokens[mid], prefix) < 0)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        var end = low;
        while (end < SortedTokens.Length && SortedTokens[end].StartsWith(prefix, StringComparison.Ordinal))
        {
            end++;
        }

        return (low, end);
    }
}
