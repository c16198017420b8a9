using AlertWorker.Channels;
using AlertWorker.Configuration;
using Microsoft.Extensions.Logging;

namespace AlertWorker.Alerts;

/// <summary>
/// Sends the alerts that are due and records each outcome. It owns the timeout of every attempt, retries with
/// back-off and dead letters; channels only make single attempts. Channels are served side by side, so a slow
/// channel never holds up another, and each channel gets a bounded number of attempts at once.
/// </summary>
public sealed class AlertDispatcher(
    AlertOutbox outbox,
    ChannelFactory channels,
    ActiveConfiguration configuration,
    TimeProvider time,
    ILogger<AlertDispatcher> logger)
{
    private const int BatchSize = 100;
    private const int AttemptsAtOncePerChannel = 4;

    /// <summary>How long attempts in flight may finish after shutdown was asked for; then they are abandoned and stay queued.</summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Attempts every alert due now, batch after batch, until none is left that this call has not tried.
    /// Cancelling <paramref name="stopping"/> stops claiming; attempts in flight get <see cref="DrainTimeout"/> more.
    /// </summary>
    public async Task<DispatchSummary> DispatchDueAsync(CancellationToken stopping)
    {
        using var abandon = new CancellationTokenSource();
        await using var drain = stopping.Register(() => abandon.CancelAfter(DrainTimeout));
        var attempted = new HashSet<string>(StringComparer.Ordinal);
        var summary = new DispatchSummary();
        while (!stopping.IsCancellationRequested)
        {
            var current = configuration.Options;
            var now = time.GetUtcNow();
            var lease = now + current.Channels.Values.Select(channel => channel.EffectiveTimeout).DefaultIfEmpty(TimeSpan.Zero).Max() + TimeSpan.FromMinutes(1);
            var batch = await outbox.ClaimDueAsync(now, BatchSize, lease, stopping);
            var fresh = batch.Where(alert => attempted.Add(alert.Id)).ToList();
            foreach (var again in batch.Except(fresh))
            {
                await outbox.ReleaseAsync(again.Id, CancellationToken.None);
            }

            if (fresh.Count == 0)
            {
                break;
            }

            await Task.WhenAll(fresh.GroupBy(alert => alert.Channel, StringComparer.OrdinalIgnoreCase)
                .Select(group => SendToChannelAsync(group.Key, group.ToList(), current, summary, abandon.Token)));
        }

        return summary;
    }

    private async Task SendToChannelAsync(string name, IReadOnlyList<OutboxAlert> alerts, AlertWorkerOptions current, DispatchSummary summary, CancellationToken abandon)
    {
        if (!current.Channels.TryGetValue(name, out var channelOptions) || channelOptions.Type is null)
        {
            foreach (var alert in alerts)
            {
                await RecordAsync(alert, new AlertDeliveryException($"channel '{name}' is not configured any more", permanent: true), new RetryOptions(), summary);
            }

            return;
        }

        var channel = channels.Create(name, channelOptions);
        await Parallel.ForEachAsync(
            alerts,
            new ParallelOptions { MaxDegreeOfParallelism = AttemptsAtOncePerChannel },
            async (alert, _) => await AttemptAsync(channel, alert, channelOptions, summary, abandon));
    }

    private async Task AttemptAsync(IAlertChannel channel, OutboxAlert alert, ChannelOptions channelOptions, DispatchSummary summary, CancellationToken abandon)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(abandon);
        timeout.CancelAfter(channelOptions.EffectiveTimeout);
        AlertDeliveryException? failure = null;
        try
        {
            await channel.SendAsync(alert.Content, timeout.Token);
        }
        catch (OperationCanceledException) when (abandon.IsCancellationRequested)
        {
            logger.LogWarning("Abandoned alert {AlertId} to {Channel} at shutdown; it stays queued", alert.Id, alert.Channel);
            await outbox.ReleaseAsync(alert.Id, CancellationToken.None);
            return;
        }
        catch (OperationCanceledException exception) when (timeout.IsCancellationRequested)
        {
            failure = new AlertDeliveryException($"no answer within {channelOptions.EffectiveTimeout.TotalSeconds:0.###} s", inner: exception);
        }
        catch (AlertDeliveryException exception)
        {
            failure = exception;
        }
        catch (Exception exception)
        {
            // A channel that breaks its contract must not lose the alert: treat it as a failure worth retrying.
            failure = new AlertDeliveryException($"unexpected {exception.GetType().Name}: {exception.Message}", inner: exception);
        }

        await RecordAsync(alert, failure, channelOptions.Retry, summary);
    }

    private async Task RecordAsync(OutboxAlert alert, AlertDeliveryException? failure, RetryOptions retry, DispatchSummary summary)
    {
        var attempts = alert.Attempts + 1;
        var now = time.GetUtcNow();
        if (failure is null)
        {
            await outbox.MarkSentAsync(alert.Id, attempts, now, CancellationToken.None);
            summary.Sent();
            logger.LogInformation("Sent alert {AlertId} [{Topic}] {Title} to {Channel}", alert.Id, alert.Content.Topic, alert.Content.Item.Title, alert.Channel);
            return;
        }

        var delay = failure.Permanent ? null : RetryPolicy.DelayAfter(attempts, retry, failure.RetryAfter, Random.Shared);
        await outbox.MarkFailedAsync(alert.Id, attempts, now + delay, failure.Message, CancellationToken.None);
        if (delay is null)
        {
            summary.Dead();
            logger.LogWarning(
                "Alert {AlertId} to {Channel} is a dead letter after {Attempts} attempt(s): {Error}", alert.Id, alert.Channel, attempts, failure.Message);
        }
        else
        {
            summary.Failed();
            logger.LogWarning(
                "Alert {AlertId} to {Channel} failed (attempt {Attempts}), next try in {Delay}: {Error}", alert.Id, alert.Channel, attempts, delay, failure.Message);
        }
    }
}
