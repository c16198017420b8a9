using AlertWorker.Alerts;
using AlertWorker.Configuration;
using AlertWorker.Feeds;
using AlertWorker.Feeds.Parsing;
using AlertWorker.Matching;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AlertWorker.Cli;

/// <summary>
/// <c>match</c>: a dry run of the matcher. Prints one JSON object per matching item, one a line, with the
/// <c>item</c> (its title first) and <c>matches</c> of the webhook body. Changes no state and sends nothing.
/// Exit 0 when something matched, 1 when nothing did, 2 for a bad query or input.
/// </summary>
public static class MatchCommand
{
    public static async Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        var arguments = context.Arguments;
        if (arguments.Has("--query") == arguments.Has("--topic"))
        {
            throw new UsageException("give exactly one of --query Q and --topic NAME");
        }

        if (arguments.Has("--text") == arguments.Has("--feed"))
        {
            throw new UsageException("give exactly one of --text T and --feed URL-or-path");
        }

        var (name, query) = arguments.Get("--query") is { } given ? ("query", given) : TopicQuery(context);
        if (query is null)
        {
            return ExitCodes.Invalid;
        }

        if (!CompiledQuery.TryCompile(query, out var compiled, out var error))
        {
            await context.Error.WriteLineAsync($"AlertWorker match: {(arguments.Has("--query") ? "--query" : $"topic '{name}'")}: {error.Message}");
            await context.Error.WriteLineAsync(Pointer(query, error));
            return ExitCodes.Invalid;
        }

        var items = arguments.Get("--text") is { } text
            ? [new FeedItem { Key = "text", Title = text }]
            : await ReadFeedAsync(context, arguments.Get("--feed")!, cancellationToken);
        if (items is null)
        {
            return ExitCodes.Invalid;
        }

        var matched = 0;
        foreach (var item in items)
        {
            var hits = compiled.Match(MatchDocument.FromItem(item));
            if (hits is null)
            {
                continue;
            }

            matched++;
            var alertItem = FeedPoller.AlertItemOf(item);
            await context.Output.WriteLineAsync(AlertJson.Serialize(new
            {
                item = new
                {
                    title = alertItem.Title,
                    id = alertItem.Id,
                    link = alertItem.Link,
                    published = alertItem.Published,
                    summary = alertItem.Summary,
                    author = alertItem.Author,
                    categories = alertItem.Categories,
                },
                matches = hits.Select(hit => new AlertMatch(hit.Field, hit.Term, hit.Snippet)),
            }));
        }

        return matched > 0 ? ExitCodes.Ok : ExitCodes.Failure;
    }

    /// <summary>The query's line with a caret under the position of the error.</summary>
    private static string Pointer(string query, QueryParseException error)
    {
        var line = query.Split('\n').ElementAtOrDefault(error.Line - 1) ?? "";
        return $"  {line}{Environment.NewLine}  {new string(' ', Math.Max(0, error.Column - 1))}^";
    }

    private static (string Name, string? Query) TopicQuery(CliContext context)
    {
        var name = context.Arguments.Get("--topic")!;
        if (context.LoadSettings() is not { } loaded)
        {
            return (name, null);
        }

        (loaded.Configuration as IDisposable)?.Dispose();
        if (loaded.Settings.Options.Topics.TryGetValue(name, out var topic))
        {
            return (name, topic.Query);
        }

        context.Error.WriteLine($"AlertWorker match: --topic: no topic named '{name}' in {context.ConfigPath}");
        return (name, null);
    }

    private static async Task<IReadOnlyList<FeedItem>?> ReadFeedAsync(CliContext context, string url, CancellationToken cancellationToken)
    {
        // A bare host: defaults only, no stored state, so a dry run needs no configuration at all.
        var configuration = new ConfigurationBuilder().Build();
        using var host = AlertWorkerServices.BuildHost(Settings.From(new AlertWorkerOptions()), configuration, daemon: false, context.Overrides);
        try
        {
            var fetched = await host.Services.GetRequiredService<FeedFetcher>().FetchAsync(url, new FeedState(url), cancellationToken);
            return host.Services.GetRequiredService<FeedDocumentParser>().Parse(fetched.Body, fetched.Charset).Items;
        }
        catch (Exception exception) when (exception is FeedFetchException or FeedParseException)
        {
            await context.Error.WriteLineAsync($"AlertWorker match: --feed {url}: {exception.Message}");
            return null;
        }
    }
}
