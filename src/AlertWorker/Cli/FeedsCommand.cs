using AlertWorker.Feeds;
using AlertWorker.Scheduling;
using Microsoft.Extensions.DependencyInjection;

namespace AlertWorker.Cli;

/// <summary><c>feeds</c>: each configured feed's health: last success, last error, consecutive failures, next poll.</summary>
public static class FeedsCommand
{
    public static async Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        if (context.LoadSettings() is not { } loaded)
        {
            return ExitCodes.Invalid;
        }

        using var host = AlertWorkerServices.BuildHost(loaded.Settings, loaded.Configuration, daemon: false, context.Overrides);
        var states = host.Services.GetRequiredService<FeedStateStore>();
        await context.Output.WriteLineAsync($"{"FEED",-20}  {"LAST SUCCESS (UTC)",-19}  {"FAILS",5}  {"NEXT POLL (UTC)",-19}  LAST ERROR");
        foreach (var (name, feed) in loaded.Settings.Options.Feeds.OrderBy(feed => feed.Key, StringComparer.OrdinalIgnoreCase))
        {
            var state = await states.GetAsync(name, cancellationToken);
            var fresh = state.ConfiguredUrl != feed.Url;
            var next = !feed.Enabled ? "disabled"
                : fresh ? "at start"
                : state.Gone ? "never (410 Gone)"
                : Time(NextPoll(state, feed));
            await context.Output.WriteLineAsync(
                $"{name,-20}  {(fresh ? "never" : Time(state.LastSuccess)),-19}  {(fresh ? 0 : state.ConsecutiveFailures),5}  {next,-19}  {(fresh ? "" : state.LastError)}");
        }

        return ExitCodes.Ok;
    }

    private static DateTimeOffset? NextPoll(FeedState state, Configuration.FeedOptions feed)
    {
        var scheduled = feed.Cron is null ? state.LastAttempt + (feed.Interval ?? FeedSchedule.DefaultInterval) : null;
        return state.NextPollAt > scheduled || scheduled is null ? state.NextPollAt ?? scheduled : scheduled;
    }

    private static string Time(DateTimeOffset? time) => time?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss") ?? "never";
}
