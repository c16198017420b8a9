using AlertWorker.Configuration;
using AlertWorker.Feeds;
using AlertWorker.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace AlertWorker.Cli;

/// <summary>
/// <c>feeds</c>: each configured feed's health: last success, consecutive failures, next poll, last error; and, under
/// a feed that moved permanently, the URL it is now polled at.
/// </summary>
public static class FeedsCommand
{
    public static async Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        if (context.BuildHost() is not { } opened)
        {
            return ExitCodes.Invalid;
        }

        var (settings, host) = opened;
        using var _ = host;
        // One query for every feed's state, not one per feed: the list is read at once however many feeds there are.
        var states = (await host.Services.GetRequiredService<FeedStateStore>().ListAsync(cancellationToken))
            .ToDictionary(state => state.Feed, StringComparer.OrdinalIgnoreCase);
        var now = host.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        await context.Output.WriteLineAsync($"{"FEED",-20}  {"LAST SUCCESS (UTC)",-19}  {"FAILS",5}  {"NEXT POLL (UTC)",-19}  LAST ERROR");
        foreach (var (name, feed) in settings.Options.Feeds.OrderBy(feed => feed.Key, StringComparer.OrdinalIgnoreCase))
        {
            var state = states.GetValueOrDefault(name) ?? new FeedState(name);
            var fresh = state.ConfiguredUrl != feed.Url;
            var next = !feed.Enabled ? "disabled"
                : fresh ? "at start"
                : state.Gone ? "never (410 Gone)"
                : Time(NextPoll(state, feed, now));
            await context.Output.WriteLineAsync(
                $"{name,-20}  {(fresh ? "never" : Time(state.LastSuccess)),-19}  {(fresh ? 0 : state.ConsecutiveFailures),5}  {next,-19}  {(fresh ? "" : state.LastError)}");
            if (!fresh && state.CurrentUrl is { } movedTo)
            {
                await context.Output.WriteLineAsync($"{"",-20}  moved permanently: now polled at {movedTo}");
            }
        }

        return ExitCodes.Ok;
    }

    /// <summary>When the schedule fires next after the last attempt, or later when a back-off or Retry-After says so.</summary>
    private static DateTimeOffset? NextPoll(FeedState state, FeedOptions feed, DateTimeOffset now)
    {
        var after = state.LastAttempt ?? now;
        var scheduled = feed.Cron is { } cron
            ? new CronExpression(cron).GetNextValidTimeAfter(after)
            : after + (feed.Interval ?? FeedSchedule.DefaultInterval);
        return state.NextPollAt > scheduled ? state.NextPollAt : scheduled;
    }

    private static string Time(DateTimeOffset? time) => time?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) ?? "never";
}
