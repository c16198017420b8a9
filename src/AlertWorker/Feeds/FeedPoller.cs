using System.Data.Common;
using AlertWorker.Alerts;
using AlertWorker.Configuration;
using AlertWorker.Feeds.Parsing;
using AlertWorker.Items;
using AlertWorker.Matching;
using Microsoft.Extensions.Logging;

namespace AlertWorker.Feeds;

/// <summary>
/// One poll of one feed, the whole straight line: fetch → parse → keep the unseen items → match them against the
/// topics → record the items as seen and queue their alerts in one transaction. Failures are recorded in the
/// feed's health (with exponential back-off, <c>Retry-After</c> and 410 Gone honoured through
/// <see cref="FeedState.NextPollAt"/> and <see cref="FeedState.Gone"/>) and never escape, except cancellation and
/// storage errors. A feed that reaches <c>FeedFailures:Threshold</c> failures in a row is reported once per streak:
/// a warning, and a <c>feed-failure</c> alert to each of <c>FeedFailures:Channels</c> (see <see cref="FeedFailureAlerts"/>).
/// </summary>
public sealed class FeedPoller(
    ActiveConfiguration configuration,
    FeedStateStore states,
    FeedFetcher fetcher,
    FeedDocumentParser parser,
    ItemStore items,
    PollLimiter limiter,
    TimeProvider time,
    ILogger<FeedPoller> logger)
{
    /// <summary>The wait after a first failure; it doubles with each further one, up to <c>Fetch:MaxBackoff</c>.</summary>
    public static readonly TimeSpan FirstBackoff = TimeSpan.FromMinutes(1);

    public async Task<PollOutcome> PollAsync(string feedName, CancellationToken cancellationToken)
    {
        var settings = configuration.Current;
        if (!settings.Options.Feeds.TryGetValue(feedName, out var feed) || !feed.Enabled || feed.Url is null)
        {
            return new PollOutcome(PollStatus.Skipped, Reason: "not configured or disabled");
        }

        var state = await states.GetAsync(feedName, cancellationToken);
        if (state.ConfiguredUrl != feed.Url)
        {
            // A new feed, or its URL was changed: nothing remembered of another URL applies.
            state = new FeedState(feedName) { ConfiguredUrl = feed.Url };
        }

        var now = time.GetUtcNow();
        if (state.Gone)
        {
            return new PollOutcome(PollStatus.Skipped, Reason: "gone (HTTP 410) until its URL changes");
        }

        if (state.NextPollAt is { } notBefore && notBefore > now)
        {
            return new PollOutcome(PollStatus.Skipped, Reason: $"deferred until {notBefore:u}");
        }

        var url = state.CurrentUrl ?? feed.Url;
        state = state with { LastAttempt = now };
        try
        {
            FetchResult fetched;
            using (await limiter.EnterAsync(url, cancellationToken))
            {
                fetched = await fetcher.FetchAsync(url, state, cancellationToken);
            }

            if (fetched.MovedTo is { } movedTo)
            {
                logger.LogInformation("Feed {Feed} moved permanently from {Url} to {NewUrl}; polling the new URL from now on", feedName, url, movedTo);
                state = state with { CurrentUrl = movedTo };
            }

            if (fetched.IsNotModified)
            {
                await states.SaveAsync(Succeeded(state, now), cancellationToken);
                logger.LogInformation("Polled {Feed}: not modified", feedName);
                return new PollOutcome(PollStatus.NotModified);
            }

            var parsed = parser.Parse(fetched.Body, fetched.Charset);
            var unseen = await items.UnseenAsync(feedName, parsed.Items, cancellationToken);
            var alerts = state.HasBaseline || feed.FirstPoll == FirstPollMode.AlertAll
                ? AlertsFor(feedName, feed, unseen, settings, now)
                : [];
            var next = Succeeded(state, now) with { ETag = fetched.ETag, LastModified = fetched.LastModified };
            await items.RecordPollAsync(next, unseen, alerts, now, cancellationToken);
            logger.LogInformation(
                "Polled {Feed}: {New} new of {Total} items, {Alerts} alerts queued{Baseline}",
                feedName,
                unseen.Count,
                parsed.Items.Count,
                alerts.Count,
                state.HasBaseline ? "" : $" (first poll: {feed.FirstPoll})");
            return new PollOutcome(PollStatus.Polled, parsed.Items.Count, unseen.Count, alerts.Count);
        }
        catch (Exception exception) when (exception is not (OperationCanceledException or DbException))
        {
            if (exception is not (FeedFetchException or FeedParseException))
            {
                // A bug met by one feed's answer fails that feed, not the whole cycle.
                logger.LogError(exception, "Unexpected error polling {Feed}", feedName);
            }

            var failed = Failed(feedName, state, exception, now, settings.Options);
            var alerts = FeedFailureAlerts.For(feedName, state, failed, settings.Options, now);
            await items.RecordPollAsync(failed, [], alerts, now, cancellationToken);
            return new PollOutcome(PollStatus.Failed, Alerts: alerts.Count, Reason: exception.Message);
        }
    }

    private static FeedState Succeeded(FeedState state, DateTimeOffset now) =>
        state with { LastSuccess = now, LastError = null, ConsecutiveFailures = 0, NextPollAt = null };

    private FeedState Failed(string feedName, FeedState state, Exception exception, DateTimeOffset now, AlertWorkerOptions options)
    {
        var failures = state.ConsecutiveFailures + 1;
        var fetchError = exception as FeedFetchException;
        var backoff = Backoff(failures, options.Fetch.MaxBackoff);
        var wait = fetchError?.RetryAfter is { } asked && asked > backoff ? asked : backoff;
        var gone = fetchError?.Gone == true;
        if (gone)
        {
            logger.LogWarning("Feed {Feed} answered 410 Gone at {Url}: it is not polled again until its configured URL changes", feedName, state.CurrentUrl ?? state.ConfiguredUrl);
        }
        else if (failures == options.FeedFailures.Threshold)
        {
            logger.LogWarning("Feed {Feed} has failed {Failures} polls in a row, last: {Error}", feedName, failures, exception.Message);
        }
        else
        {
            logger.LogInformation("Poll of {Feed} failed ({Failures} in a row), next try not before {Next}: {Error}", feedName, failures, (now + wait).ToString("u", System.Globalization.CultureInfo.InvariantCulture), exception.Message);
        }

        return state with { LastError = exception.Message, ConsecutiveFailures = failures, NextPollAt = now + wait, Gone = gone };
    }

    /// <summary>The wait after <paramref name="failures"/> failures in a row: 1, 2, 4, 8 … minutes, at most <paramref name="max"/>.</summary>
    public static TimeSpan Backoff(int failures, TimeSpan max) =>
        TimeSpan.FromTicks(Math.Min(max.Ticks, FirstBackoff.Ticks * (1L << Math.Clamp(failures - 1, 0, 20))));

    private static List<NewAlert> AlertsFor(string feedName, FeedOptions feed, IReadOnlyList<FeedItem> unseen, Settings settings, DateTimeOffset now)
    {
        var alerts = new List<NewAlert>();
        foreach (var item in unseen)
        {
            // One document per item, shared by every topic: the text is normalised and tokenised once.
            var document = MatchDocument.FromItem(item);
            foreach (var match in settings.Matcher.Match(document))
            {
                var topic = settings.Options.Topics[match.Topic];
                if (topic.Feeds.Count > 0 && !topic.Feeds.Contains(feedName, StringComparer.OrdinalIgnoreCase))
                {
                    continue;
                }

                var hits = match.Hits.Select(hit => new AlertMatch(hit.Field, hit.Term, hit.Snippet)).ToList();
                var content = AlertItemOf(item);
                foreach (var channel in topic.Channels.Distinct(StringComparer.OrdinalIgnoreCase))
                {
                    var id = AlertId.ForItem(feedName, item.Key, match.Topic, channel);
                    alerts.Add(new NewAlert(item.Key, channel, new AlertContent(id, match.Topic, new AlertFeed(feedName, feed.Url!), content, hits, now)));
                }
            }
        }

        return alerts;
    }

    /// <summary>What an alert says of its item: title and summary as plain text (feeds often escape HTML in both).</summary>
    public static AlertItem AlertItemOf(FeedItem item) => new(
        item.Id ?? item.Key,
        HtmlText.ToPlainText(item.Title),
        item.Link,
        item.Published,
        HtmlText.ToPlainText(item.Summary),
        item.Author,
        item.Categories);
}
