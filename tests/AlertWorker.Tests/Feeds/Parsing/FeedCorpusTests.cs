using System.Text;
using System.Text.RegularExpressions;
using AlertWorker.Feeds.Parsing;
using Xunit.Abstractions;

namespace AlertWorker.Tests.Feeds.Parsing;

public sealed partial class FeedCorpusTests(ITestOutputHelper output)
{
    /// <summary>
    /// Measured 920 of 1,749: the other wellformed files hold no item at all, or only items with no id, link, title,
    /// summary, content or category (e.g. just an author), which we drop by design. (FeedReader alone, keeping such
    /// items, gets 1,147.)
    /// </summary>
    private const int MinimumWellformedWithItems = 920;

    /// <summary>
    /// Measured 2,133 of 2,135 parse without error (FeedReader alone: 1,796). The two rejected are
    /// illformed/rss_empty_document.xml and illformed/rss_incomplete_cdata.xml.
    /// </summary>
    private const int MinimumParsed = 2133;

    [CorpusFact]
    public void Every_corpus_file_parses_or_fails_with_FeedParseException_and_realworld_feeds_yield_their_items()
    {
        var corpus = CorpusLocator.Find()!;
        var parser = new FeedDocumentParser();
        var files = Directory.EnumerateFiles(corpus, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();

        var stats = new SortedDictionary<string, (int Files, int WithItems, int Rejected)>(StringComparer.Ordinal);
        var unexpected = new List<string>();
        var realworldWithoutItems = new List<string>();
        var reasons = new Dictionary<string, int>(StringComparer.Ordinal);

        foreach (var file in files)
        {
            var relative = Path.GetRelativePath(corpus, file).Replace('\\', '/');
            var group = GroupOf(relative);
            var bytes = File.ReadAllBytes(file);
            var (files1, withItems, rejected) = stats.GetValueOrDefault(group);
            files1++;
            try
            {
                var feed = parser.Parse(bytes, HttpCharsetOf(bytes));
                if (feed.Items.Count > 0)
                {
                    withItems++;
                }
                else
                {
                    if (group == "realworld" && HasItemElements(bytes))
                    {
                        realworldWithoutItems.Add(relative);
                    }
                }
            }
            catch (FeedParseException e)
            {
                rejected++;
                var reason = ReasonShape().Replace(e.Message, "#");
                reasons[reason] = reasons.GetValueOrDefault(reason) + 1;
                output.WriteLine($"rejected {relative}: {e.Message}");
                if (group == "realworld")
                {
                    realworldWithoutItems.Add(relative);
                }
            }
#pragma warning disable CA1031 // the point of the test is to catch anything else
            catch (Exception e)
#pragma warning restore CA1031
            {
                unexpected.Add($"{relative}: {e.GetType().Name}: {e.Message}");
            }

            stats[group] = (files1, withItems, rejected);
        }

        foreach (var (group, (count, withItems, rejected)) in stats)
        {
            output.WriteLine($"{group}: {count} files, {withItems} with >=1 item, {rejected} rejected");
        }

        output.WriteLine($"total: {stats.Values.Sum(s => s.Files)} files, {stats.Values.Sum(s => s.WithItems)} with >=1 item");
        foreach (var (reason, count) in reasons.OrderByDescending(r => r.Value))
        {
            output.WriteLine($"  {count,4} x {reason}");
        }

        Assert.Empty(unexpected);
        Assert.Empty(realworldWithoutItems);
        Assert.Equal(0, stats.GetValueOrDefault("realworld").Rejected);
        var parsed = stats.Values.Sum(s => s.Files - s.Rejected);
        output.WriteLine($"parsed without error: {parsed}");
        Assert.True(parsed >= MinimumParsed, $"parsed: {parsed} < {MinimumParsed}");
        Assert.Equal(0, stats.GetValueOrDefault("feedparser/wellformed").Rejected);
        var wellformed = stats.GetValueOrDefault("feedparser/wellformed").WithItems;
        Assert.True(wellformed >= MinimumWellformedWithItems, $"wellformed with items: {wellformed} < {MinimumWellformedWithItems}");
    }

    /// <summary>Whether the capture holds any item/entry at all (Rss20DailyMail.xml was captured with none).</summary>
    private static bool HasItemElements(byte[] bytes)
    {
        var text = Encoding.Latin1.GetString(bytes);
        return text.Contains("<item", StringComparison.Ordinal) || text.Contains("<entry", StringComparison.Ordinal);
    }

    private static string GroupOf(string relative)
    {
        var parts = relative.Split('/');
        return parts[0] == "feedparser" && parts.Length > 3 ? $"feedparser/{parts[2]}" : parts[0];
    }

    /// <summary>The charset of a simulated <c>Header: Content-Type: ...; charset=...</c> line in the leading comment.</summary>
    private static string? HttpCharsetOf(byte[] bytes)
    {
        // Drop NULs so that UTF-16/32 files read as ASCII for the purpose of finding the header comment.
        var head = Encoding.Latin1.GetString(bytes, 0, Math.Min(bytes.Length, 4096)).Replace("\0", "", StringComparison.Ordinal);
        var end = head.IndexOf("-->", StringComparison.Ordinal);
        if (end >= 0)
        {
            head = head[..end];
        }

        foreach (Match header in ContentTypeHeader().Matches(head))
        {
            var charset = Charset().Match(header.Groups[1].Value);
            if (charset.Success)
            {
                return charset.Groups[1].Value;
            }
        }

        return null;
    }

    [GeneratedRegex(@"^Header:\s*Content-type:(.*)$", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex ContentTypeHeader();

    [GeneratedRegex(@"charset\s*=\s*[""']?([^;""'\s]+)", RegexOptions.IgnoreCase)]
    private static partial Regex Charset();

    [GeneratedRegex(@"line \d+, position \d+|'[^']*'|\d+")]
    private static partial Regex ReasonShape();
}
