using System.Xml.Linq;

namespace AlertWorker.Feeds.Parsing;

/// <summary>
/// Our own small mapping over an already-hardened <see cref="XDocument"/> for RSS 0.9x/1.0/2.0 (with or without
/// namespaces) and Atom 0.3/1.0. Elements are matched by local name, so feeds in unexpected namespaces still read.
/// It backs up FeedReader where FeedReader throws, finds fewer items, or leaves a field empty.
/// </summary>
internal static class XmlFeedMapper
{
    private static readonly XNamespace Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";

    public static bool IsAtom(XElement root) => root.Name.LocalName.Equals("feed", StringComparison.OrdinalIgnoreCase);

    public static (string? Title, string? Link, List<RawItem> Items) Map(XDocument doc)
    {
        var root = doc.Root!;
        return IsAtom(root) ? MapAtom(root) : MapRss(root);
    }

    private static (string?, string?, List<RawItem>) MapRss(XElement root)
    {
        var channel = Child(root, "channel") ?? root;
        var title = Text(Child(channel, "title"));
        var link = Text(Child(channel, "link")) ?? AtomLink(channel);

        var items = new List<RawItem>();
        foreach (var item in root.Descendants().Where(e => Is(e, "item") && !e.Ancestors().Any(a => Is(a, "item"))))
        {
            var guid = Child(item, "guid");
            var id = Text(guid);
            var itemLink = Text(Child(item, "link")) ?? AtomLink(item);
            if (itemLink is null && id is not null && guid!.Attribute("isPermaLink")?.Value.Trim().ToLowerInvariant() != "false"
                && Uri.TryCreate(id, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
            {
                itemLink = id;
            }

            items.Add(new RawItem
            {
                Id = id ?? Text(Child(item, "identifier")),
                Title = Text(Child(item, "title")),
                Link = itemLink ?? item.Attribute(Rdf + "about")?.Value,
                Published = FirstText(item, "pubDate", "date", "issued", "published", "created", "modified", "updated"),
                Summary = Text(Child(item, "description")) ?? Text(Child(item, "summary")) ?? Text(Child(item, "abstract")),
                Content = Text(Child(item, "encoded")) ?? Content(Child(item, "content")) ?? Text(Child(item, "body")),
                Author = Text(Child(item, "author")) is { } a ? (Text(Child(Child(item, "author")!, "name")) ?? a) : Text(Child(item, "creator")),
                Categories = [.. Children(item, "category").Select(c => Text(c) ?? c.Attribute("term")?.Value)
                    .Concat(Children(item, "subject").Select(Text)).OfType<string>()],
            });
        }

        return (title, link, items);
    }

    private static (string?, string?, List<RawItem>) MapAtom(XElement root)
    {
        var items = new List<RawItem>();
        foreach (var entry in Children(root, "entry"))
        {
            items.Add(new RawItem
            {
                Id = Text(Child(entry, "id")),
                Title = Text(Child(entry, "title")),
                Link = AtomLink(entry),
                Published = FirstText(entry, "published", "issued", "created", "updated", "modified", "date"),
                Summary = Content(Child(entry, "summary")) ?? Text(Child(entry, "description")),
                Content = Content(Child(entry, "content")) ?? Text(Child(entry, "encoded")),
                Author = Text(Child(entry, "author") is { } author ? Child(author, "name") ?? author : null) ?? Text(Child(entry, "creator")),
                Categories = [.. Children(entry, "category").Select(c => c.Attribute("term")?.Value ?? Text(c))
                    .Concat(Children(entry, "subject").Select(Text)).OfType<string>()],
            });
        }

        return (Text(Child(root, "title")), AtomLink(root), items);
    }

    private static string? AtomLink(XElement parent)
    {
        string? first = null;
        foreach (var link in Children(parent, "link"))
        {
            var href = link.Attribute("href")?.Value.Trim();
            if (string.IsNullOrEmpty(href))
            {
                continue;
            }

            var rel = link.Attribute("rel")?.Value.Trim();
            if (string.IsNullOrEmpty(rel) || rel.Equals("alternate", StringComparison.OrdinalIgnoreCase))
            {
                return href;
            }

            first ??= href;
        }

        return first;
    }

    private static bool Is(XElement e, string localName) => e.Name.LocalName.Equals(localName, StringComparison.OrdinalIgnoreCase);

    private static XElement? Child(XElement parent, string localName) => parent.Elements().FirstOrDefault(e => Is(e, localName));

    private static IEnumerable<XElement> Children(XElement parent, string localName) => parent.Elements().Where(e => Is(e, localName));

    private static string? FirstText(XElement parent, params string[] localNames)
    {
        foreach (var name in localNames)
        {
            if (Text(Child(parent, name)) is { } text)
            {
                return text;
            }
        }

        return null;
    }

    /// <summary>Text of an element; when it holds markup (unescaped HTML, XHTML) its inner XML.</summary>
    private static string? Text(XElement? e)
    {
        if (e is null)
        {
            return null;
        }

        var text = e.HasElements
            ? string.Concat(e.Nodes().Select(n => n.ToString(SaveOptions.DisableFormatting)))
            : e.Value;
        text = text.Trim();
        return text.Length == 0 ? null : text;
    }

    /// <summary>Atom text construct: for type="xhtml" the inner XML of the wrapping div.</summary>
    private static string? Content(XElement? e)
    {
        if (e is null)
        {
            return null;
        }

        var elements = e.Elements().ToList();
        if (elements.Count == 1 && elements[0].Name.LocalName == "div" && string.IsNullOrWhiteSpace(string.Concat(e.Nodes().OfType<XText>().Select(t => t.Value))))
        {
            return Text(elements[0]);
        }

        return Text(e);
    }
}

/// <summary>Item fields as read from a document, before trimming, keying and date parsing.</summary>
internal sealed record RawItem
{
    public string? Id { get; init; }

    public string? Title { get; init; }

    public string? Link { get; init; }

    public string? Published { get; init; }

    public string? Summary { get; init; }

    public string? Content { get; init; }

    public string? Author { get; init; }

    public IReadOnlyList<string> Categories { get; init; } = [];
}
