using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using CodeHollowReader = CodeHollow.FeedReader.FeedReader;

namespace AlertWorker.Feeds.Parsing;

/// <summary>
/// Turns fetched feed bytes (RSS 0.9x/1.0/2.0, Atom 0.3/1.0, JSON Feed) into <see cref="FeedItem"/>s.
/// </summary>
/// <remarks>
/// <para><b>Decoding</b>: see <see cref="FeedTextDecoder"/> (BOM, then HTTP charset, then XML declaration, else UTF-8).</para>
/// <para><b>Safety</b>: XML text first goes through <see cref="XmlTextSanitizer"/> (DOCTYPE removed, only small
/// literal internal entities inlined under a budget, HTML named entities turned into character references, any other
/// entity left as literal text), then through an <see cref="XmlReader"/> that prohibits DTDs, has no resolver and
/// bounds the document size. FeedReader only ever sees the DOCTYPE-free re-serialisation of that
/// <see cref="XDocument"/>, so it cannot be made to expand entities or fetch anything.</para>
/// <para><b>Mapping</b>: FeedReader (CodeHollow.FeedReader) maps the document; our own <see cref="XmlFeedMapper"/>
/// maps it too. FeedReader's items are used when it succeeds and finds at least as many items, with its blank fields
/// filled from our mapping (categories: ours first); otherwise (FeedReader throws, e.g. a NullReferenceException on RSS 1.0 without a
/// default namespace or on a missing element, or finds fewer items) our mapping is used. JSON Feeds (first
/// non-blank character <c>{</c>) are read by <see cref="JsonFeedMapper"/>.</para>
/// <para>Every failure surfaces as <see cref="FeedParseException"/>. Instances hold no mutable state and may be shared.</para>
/// </remarks>
public sealed partial class FeedDocumentParser
{
    /// <summary>Bodies larger than this are rejected outright.</summary>
    public const int MaxBodyBytes = 64 * 1024 * 1024;

    private const int MaxNamespaceRepairs = 16;

    private static readonly string[] FeedRoots = ["rss", "rdf", "feed", "channel"];

    private static readonly Dictionary<string, string> WellKnownNamespaces = new(StringComparer.Ordinal)
    {
        ["dc"] = "http://purl.org/dc/elements/1.1/",
        ["dcterms"] = "http://purl.org/dc/terms/",
        ["content"] = "http://purl.org/rss/1.0/modules/content/",
        ["atom"] = "http://www.w3.org/2005/Atom",
        ["rdf"] = "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
        ["media"] = "http://search.yahoo.com/mrss/",
        ["itunes"] = "http://www.itunes.com/dtds/podcast-1.0.dtd",
        ["slash"] = "http://purl.org/rss/1.0/modules/slash/",
        ["wfw"] = "http://wellformedweb.org/CommentAPI/",
        ["sy"] = "http://purl.org/rss/1.0/modules/syndication/",
    };

    private static readonly XmlReaderSettings ReaderSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersFromEntities = 1024,
        MaxCharactersInDocument = 64L * 1024 * 1024,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    };

    static FeedDocumentParser() => FeedTextDecoder.EnsureInitialized();

    /// <summary>Parses one fetched feed document.</summary>
    /// <param name="body">The response body, as fetched.</param>
    /// <param name="httpCharset">The <c>charset</c> parameter of the response's Content-Type, if any.</param>
    /// <exception cref="FeedParseException">The body is not a feed this parser can read.</exception>
    public ParsedFeed Parse(ReadOnlySpan<byte> body, string? httpCharset)
    {
        if (body.Length > MaxBodyBytes)
        {
            throw new FeedParseException($"document too large: {body.Length} bytes");
        }

        try
        {
            var text = FeedTextDecoder.Decode(body, httpCharset);
            var start = text.AsSpan().TrimStart(" \t\r\n\uFEFF\0");
            if (start.IsEmpty)
            {
                throw new FeedParseException("empty document");
            }

            return start[0] == '{' ? ParseJson(text) : ParseXml(text);
        }
        catch (FeedParseException)
        {
            throw;
        }
        catch (Exception e)
        {
            throw new FeedParseException($"unexpected {e.GetType().Name}: {e.Message}", e);
        }
    }

    private static ParsedFeed ParseJson(string text)
    {
        var (title, link, items) = JsonFeedMapper.Map(text);
        return Build(title, link, items);
    }

    private static ParsedFeed ParseXml(string text)
    {
        var doc = LoadHardened(text);
        var root = doc.Root ?? throw new FeedParseException("not a feed: no root element");
        if (!FeedRoots.Contains(root.Name.LocalName, StringComparer.OrdinalIgnoreCase))
        {
            throw new FeedParseException($"not a feed: root element '{root.Name.LocalName}'");
        }

        var (title, link, ours) = XmlFeedMapper.Map(doc);
        var theirs = TryFeedReader(doc);
        if (theirs is null || theirs.Value.Items.Count == 0 || theirs.Value.Items.Count < ours.Count)
        {
            return Build(title, link, ours);
        }

        var merged = theirs.Value.Items;
        if (merged.Count == ours.Count)
        {
            merged = [.. merged.Select((item, i) => Fill(item, ours[i]))];
        }

        return Build(Blank(theirs.Value.Title) ? title : theirs.Value.Title, Blank(theirs.Value.Link) ? link : theirs.Value.Link, merged);
    }

    /// <summary>Reads the sanitised text through the hardened reader, declaring undeclared prefixes if need be.</summary>
    private static XDocument LoadHardened(string text)
    {
        var sanitized = XmlTextSanitizer.Sanitize(text);
        var xml = sanitized.Result;
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var reader = XmlReader.Create(new StringReader(xml), ReaderSettings);
                var doc = XDocument.Load(reader, LoadOptions.None);
                doc.DocumentType?.Remove();
                return doc;
            }
            catch (XmlException e)
            {
                var undeclared = UndeclaredPrefix().Match(e.Message);
                if (undeclared.Success && attempt < MaxNamespaceRepairs && sanitized.RootNameEnd > 0)
                {
                    var prefix = undeclared.Groups[1].Value;
                    var uri = WellKnownNamespaces.GetValueOrDefault(prefix, "urn:x-undeclared-prefix:" + prefix);
                    xml = xml.Insert(sanitized.RootNameEnd, $" xmlns:{prefix}=\"{uri}\"");
                    continue;
                }

                throw new FeedParseException(Describe(e), e);
            }
        }
    }

    private static string Describe(XmlException e)
    {
        if (e.Message.Contains("DTD is prohibited", StringComparison.OrdinalIgnoreCase))
        {
            return "DTD is not allowed";
        }

        var message = LineSuffix().Replace(e.Message, "").Trim();
        return e.LineNumber > 0 ? $"XML error at line {e.LineNumber}, position {e.LinePosition}: {message}" : $"XML error: {message}";
    }

    private static (string? Title, string? Link, List<RawItem> Items)? TryFeedReader(XDocument doc)
    {
        try
        {
            var feed = CodeHollowReader.ReadFromString(doc.ToString(SaveOptions.DisableFormatting));
            var items = feed.Items?.Where(i => i is not null).Select(i => new RawItem
            {
                Id = i.Id,
                Title = i.Title,
                Link = i.Link,
                Published = i.PublishingDateString,
                Summary = i.Description,
                Content = i.Content,
                Author = i.Author,
                Categories = i.Categories?.Where(c => c is not null).ToList() ?? [],
            }).ToList() ?? [];
            return (feed.Title, feed.Link, items);
        }
#pragma warning disable CA1031 // FeedReader throws NullReferenceException & co. on valid feeds: our own mapping takes over.
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }
    }

    private static RawItem Fill(RawItem theirs, RawItem ours) => new()
    {
        Id = Blank(theirs.Id) ? ours.Id : theirs.Id,
        Title = Blank(theirs.Title) ? ours.Title : theirs.Title,
        Link = Blank(theirs.Link) ? ours.Link : theirs.Link,
        Published = FeedDates.Parse(theirs.Published) is null ? ours.Published : theirs.Published,
        Summary = Blank(theirs.Summary) ? ours.Summary : theirs.Summary,
        Content = Blank(theirs.Content) ? ours.Content : theirs.Content,
        Author = Blank(theirs.Author) ? ours.Author : theirs.Author,
        // Ours read Atom's term (FeedReader prefers the label) and dc:subject too.
        Categories = ours.Categories.Count > 0 ? ours.Categories : theirs.Categories,
    };

    private static bool Blank(string? s) => string.IsNullOrWhiteSpace(s);

    private static ParsedFeed Build(string? title, string? link, List<RawItem> raw)
    {
        var items = new List<FeedItem>(raw.Count);
        foreach (var r in raw)
        {
            var id = Clean(r.Id);
            var itemLink = Clean(r.Link);
            var itemTitle = Clean(r.Title) ?? "";
            var summary = Clean(r.Summary) ?? "";
            var content = Clean(r.Content) ?? "";
            var author = Clean(r.Author);
            var categories = r.Categories.Select(Clean).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
            var key = FeedItemKey.Compute(id, itemLink, itemTitle, summary, string.Join('\n', [content, .. categories]));
            if (key is null)
            {
                continue;
            }

            items.Add(new FeedItem
            {
                Key = key,
                Id = id,
                Title = itemTitle,
                Link = itemLink,
                Published = FeedDates.Parse(r.Published),
                Summary = summary,
                Content = content,
                Author = author,
                Categories = categories,
            });
        }

        return new ParsedFeed(Clean(title), Clean(link), items);
    }

    private static string? Clean(string? s)
    {
        s = s?.Trim();
        return string.IsNullOrEmpty(s) ? null : s;
    }

    [GeneratedRegex(@"^'([^']+)' is an undeclared prefix")]
    private static partial Regex UndeclaredPrefix();

    [GeneratedRegex(@"\s*Line \d+, position \d+\.\s*$")]
    private static partial Regex LineSuffix();
}
