using AlertWorker.Matching;

namespace AlertWorker.Tests.Matching;

/// <summary>
/// Builds test items. <see cref="Parse"/> reads a compact spec: fields separated by <c>|</c>, each
/// <c>field=text</c> (<c>title</c>, <c>summary</c>, <c>content</c>, <c>author</c>, <c>category</c>, the last
/// repeatable); a part without <c>field=</c> is the title.
/// </summary>
internal sealed class TestItem
{
    private readonly List<string> _categories = [];
    private string _title = "";
    private string _summary = "";
    private string _content = "";
    private string? _author;

    public static TestItem Titled(string title) => new() { _title = title };

    public static MatchDocument Parse(string spec)
    {
        var item = new TestItem();
        foreach (var part in spec.Split('|'))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var field = equals < 0 ? "title" : part[..equals].Trim();
            var text = equals < 0 ? part : part[(equals + 1)..];
            _ = field switch
            {
                "title" => item.Title(text),
                "summary" => item.Summary(text),
                "content" => item.Content(text),
                "author" => item.Author(text),
                "category" => item.Category(text),
                _ => throw new ArgumentException($"unknown field '{field}' in item spec '{spec}'", nameof(spec)),
            };
        }

        return item.Build();
    }

    public TestItem Title(string text)
    {
        _title = text;
        return this;
    }

    public TestItem Summary(string html)
    {
        _summary = html;
        return this;
    }

    public TestItem Content(string html)
    {
        _content = html;
        return this;
    }

    public TestItem Author(string author)
    {
        _author = author;
        return this;
    }

    public TestItem Category(string category)
    {
        _categories.Add(category);
        return this;
    }

    public MatchDocument Build() => MatchDocument.FromFields(_title, _summary, _content, _author, _categories);
}
