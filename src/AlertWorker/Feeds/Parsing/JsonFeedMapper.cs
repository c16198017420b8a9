using System.Text.Json;

namespace AlertWorker.Feeds.Parsing;

/// <summary>
/// JSON Feed 1.0/1.1 (https://jsonfeed.org) read with System.Text.Json: id, url (else external_url), title,
/// summary, content_html (else content_text), date_published (else date_modified), author.name / authors[0].name,
/// tags. Wrongly typed members are ignored rather than fatal; a body that is not a JSON object with an
/// <c>items</c> array is rejected.
/// </summary>
internal static class JsonFeedMapper
{
    private static readonly JsonDocumentOptions Options = new()
    {
        MaxDepth = 64,
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    public static (string? Title, string? Link, List<RawItem> Items) Map(string json)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, Options);
        }
        catch (JsonException e)
        {
            throw new FeedParseException("invalid JSON Feed: " + FirstLine(e.Message), e);
        }

        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new FeedParseException("invalid JSON Feed: root is not an object");
            }

            if (!root.TryGetProperty("items", out var itemsElement) || itemsElement.ValueKind != JsonValueKind.Array)
            {
                throw new FeedParseException("invalid JSON Feed: no 'items' array");
            }

            var items = new List<RawItem>();
            foreach (var item in itemsElement.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                items.Add(new RawItem
                {
                    Id = Str(item, "id"),
                    Title = Str(item, "title"),
                    Link = Str(item, "url") ?? Str(item, "external_url"),
                    Published = Str(item, "date_published") ?? Str(item, "date_modified"),
                    Summary = Str(item, "summary"),
                    Content = Str(item, "content_html") ?? Str(item, "content_text"),
                    Author = AuthorName(item) ?? AuthorName(root),
                    Categories = item.TryGetProperty("tags", out var tags) && tags.ValueKind == JsonValueKind.Array
                        ? [.. tags.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString()!)]
                        : [],
                });
            }

            return (Str(root, "title"), Str(root, "home_page_url"), items);
        }
    }

    private static string? AuthorName(JsonElement owner)
    {
        if (owner.TryGetProperty("author", out var author) && author.ValueKind == JsonValueKind.Object)
        {
            return Str(author, "name");
        }

        if (owner.TryGetProperty("authors", out var authors) && authors.ValueKind == JsonValueKind.Array)
        {
            return authors.EnumerateArray().Where(a => a.ValueKind == JsonValueKind.Object).Select(a => Str(a, "name")).FirstOrDefault(n => n is not null);
        }

        return null;
    }

    private static string? Str(JsonElement owner, string name)
    {
        if (!owner.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
    }

    private static string FirstLine(string message)
    {
        var newline = message.IndexOfAny(['\r', '\n']);
        return newline < 0 ? message : message[..newline];
    }
}
