using AlertWorker.Alerts;
using AlertWorker.Configuration;

namespace AlertWorker.Feeds;

/// <summary>
/// The synthetic alerts that tell a person a feed stopped working: topic <c>feed-failure</c>, one per channel of
/// <c>FeedFailures:Channels</c>, when a failure streak reaches <c>FeedFailures:Threshold</c> or the feed answers
/// 410 Gone. They go through the outbox like any alert (stored, retried, dead-lettered).
/// </summary>
/// <remarks>
/// A streak is named by the feed's configured URL and its last success before the streak ("never" for a feed that
/// has not succeeded yet): a new streak needs a success or a new URL in between, so each streak gets its own
/// stable alert id, and re-running a poll of the same streak can never queue its alert twice.
/// </remarks>
public static class FeedFailureAlerts
{
    public const string Topic = "feed-failure";

    /// <summary>The alerts this failed poll raises; empty unless it is the one that crossed the line.</summary>
    public static IReadOnlyList<NewAlert> For(string feedName, FeedState before, FeedState failed, AlertWorkerOptions options, DateTimeOffset now)
    {
        var threshold = options.FeedFailures.Threshold;
        var crossed = failed.ConsecutiveFailures >= threshold && before.ConsecutiveFailures < threshold;
        if (options.FeedFailures.Channels.Count == 0 || !(crossed || (failed.Gone && !before.Gone)))
        {
            return [];
        }

        var configuredUrl = failed.ConfiguredUrl ?? "";
        // Gone gets a key of its own, so it is told even when the same streak was already reported.
        var streak = $"{Topic}:{configuredUrl}:{failed.LastSuccess?.UtcDateTime.ToString("O") ?? "never"}{(failed.Gone ? ":gone" : "")}";
        var url = failed.CurrentUrl ?? configuredUrl;
        var title = failed.Gone
            ? $"Feed {feedName} is gone (HTTP 410) and is no longer polled"
            : $"Feed {feedName} has failed {failed.ConsecutiveFailures} polls in a row";
        var summary = $"Last error: {failed.LastError}. Last success: {failed.LastSuccess?.ToString("u") ?? "never"}. "
            + (failed.Gone ? "It is polled again only when its configured URL changes." : $"Next poll not before {failed.NextPollAt:u}.");
        var item = new AlertItem(streak, title, url, now, summary, null, [Topic]);
        return options.FeedFailures.Channels.Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(channel => new NewAlert(
                streak,
                channel,
                new AlertContent(AlertId.For(feedName, streak, Topic, channel), Topic, new AlertFeed(feedName, configuredUrl), item, [], now)))
            .ToList();
    }
}
