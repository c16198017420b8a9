using AlertWorker.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace AlertWorker.Scheduling;

/// <summary>
/// Keeps Quartz's jobs in step with the configuration: one poll job per enabled feed, triggered by its
/// <c>Interval</c> or <c>Cron</c>, and the dispatch job. On a reload it adds new feeds, removes removed or disabled
/// ones and reschedules changed ones. First polls are spread over a few seconds so many feeds do not fire at once.
/// </summary>
public sealed class FeedSchedule(
    ISchedulerFactory schedulers,
    ActiveConfiguration configuration,
    TimeProvider time,
    ILogger<FeedSchedule> logger) : IHostedService
{
    public const string FeedGroup = "feeds";

    /// <summary>How often due alerts (retries) are looked for when no poll wakes the dispatcher. Default 5 seconds.</summary>
    public static readonly TimeSpan DispatchInterval = TimeSpan.FromSeconds(5);

    /// <summary>Default time between polls for a feed that gives neither Interval nor Cron.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMinutes(15);

    private static readonly TimeSpan MaxStartJitter = TimeSpan.FromSeconds(10);

    private static readonly ScheduleJobOptions Replace = new() { Replace = true };

    private readonly SemaphoreSlim _sync = new(1, 1);

    /// <summary>The feeds' jobs as scheduled now, with the schedule each was given.</summary>
    private readonly Dictionary<JobKey, string> _scheduled = [];

    private volatile bool _stopping;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var dispatch = JobBuilder.Create<DispatchAlertsJob>().WithIdentity(DispatchAlertsJob.Key).StoreDurably().Build();
        var every = TriggerBuilder.Create(time)
            .WithIdentity("dispatch-alerts", "alerts")
            .StartNow()
            .WithSimpleSchedule(schedule => schedule.WithInterval(DispatchInterval).RepeatForever())
            .Build();
        await scheduler.ScheduleJob(dispatch, every, Replace, cancellationToken);
        await SyncAsync(initial: true, cancellationToken);
        configuration.Changed += OnChanged;
        var options = configuration.Options;
        logger.LogInformation(
            "AlertWorker {Version} running: {Feeds} enabled feeds, {Topics} topics, {Channels} channels; stop with SIGTERM or Ctrl+C",
            Cli.Usage.Version,
            options.Feeds.Count(feed => feed.Value.Enabled),
            options.Topics.Count,
            options.Channels.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _stopping = true;
        configuration.Changed -= OnChanged;
        return Task.CompletedTask;
    }

    // Two saves in quick succession start two of these, in no guaranteed order: each applies whatever is current
    // when it gets its turn, so the last configuration always wins.
    private void OnChanged(Settings changed) => _ = Task.Run(async () =>
    {
        try
        {
            if (!_stopping)
            {
                await SyncAsync(initial: false, CancellationToken.None);
            }
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Could not apply the new feed schedules");
        }
    });

    private async Task SyncAsync(bool initial, CancellationToken cancellationToken)
    {
        await _sync.WaitAsync(cancellationToken);
        try
        {
            var settings = configuration.Current;
            var scheduler = await schedulers.GetScheduler(cancellationToken);
            var wanted = settings.Options.Feeds.Where(feed => feed.Value.Enabled)
                .ToDictionary(feed => JobKeyOf(feed.Key), feed => feed);
            foreach (var key in _scheduled.Keys.Where(key => !wanted.ContainsKey(key)).ToList())
            {
                await scheduler.DeleteJob(key, cancellationToken);
                _scheduled.Remove(key);
                logger.LogInformation("Stopped polling {Feed}", key.Name);
            }

            foreach (var (key, (name, feed)) in wanted)
            {
                var signature = ScheduleOf(feed);
                if (_scheduled.GetValueOrDefault(key) == signature)
                {
                    continue;
                }

                var job = JobBuilder.Create<FeedPollJob>()
                    .WithIdentity(key)
                    .UsingJobData(FeedPollJob.FeedKey, name)
                    .Build();
                var jitter = TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * MaxStartJitter.TotalMilliseconds);
                var trigger = TriggerBuilder.Create(time).WithIdentity(key.Name, FeedGroup).ForJob(key);
                trigger = feed.Cron is { } cron
                    ? trigger.WithCronSchedule(cron).StartNow()
                    : trigger.StartAt(time.GetUtcNow() + (initial ? jitter : TimeSpan.Zero))
                        .WithSimpleSchedule(schedule => schedule.WithInterval(feed.Interval ?? DefaultInterval).RepeatForever());
                await scheduler.ScheduleJob(job, trigger.Build(), Replace, cancellationToken);
                _scheduled[key] = signature;
                logger.LogInformation("Scheduled {Feed}: {Schedule}", name, signature);
            }
        }
        finally
        {
            _sync.Release();
        }
    }

    private static JobKey JobKeyOf(string feed) => new(feed.ToLowerInvariant(), FeedGroup);

    private static string ScheduleOf(FeedOptions feed) =>
        feed.Cron is { } cron ? $"cron {cron}" : $"every {feed.Interval ?? DefaultInterval}";
}
