using AlertWorker.Channels;
using AlertWorker.Configuration;
using Microsoft.Extensions.Logging;

namespace AlertWorker.Alerts;

/// <summary>
/// Sends the alerts that are due and records each outcome. It owns the timeout of every attempt, retries with
/// back-off and dead letters; channels only make single attempts.
/// </summary>
/// <remarks>
/// Each channel is served by its own pass, side by side with the others, so a slow channel never holds up another:
/// not within a pass and not across passes, because the daemon starts a new pass for every idle channel while a
/// slow one is still busy. A pass keeps at most <see cref="AttemptsAtOncePerChannel"/> attempts in flight and claims
/// an alert only when a slot is free for it, so a claim's lease needs to cover one attempt only: the channel's
/// timeout plus <see cref="ClaimGrace"/>. When a process dies holding claims, its alerts are due again that soon.
/// </remarks>
public sealed class AlertDispatcher(
    AlertOutbox outbox,
    ChannelFactory channels,
    ActiveConfiguration configuration,
    TimeProvider time,
    ILogger<AlertDispatcher> logger)
{
    /// <summary>Attempts to one channel in flight at once.</summary>
    public const int AttemptsAtOncePerChannel = 4;

    /// <summary>How long a claim outlives the attempt's timeout, for recording the outcome.</summary>
    public static readonly TimeSpan ClaimGrace = TimeSpan.FromSeconds(5);

    /// <summary>How often a pass with free slots looks for newly due alerts while its attempts are in flight.</summary>
    private static readonly TimeSpan ClaimInterval = TimeSpan.FromSeconds(1);

    /// <summary>A pass stops claiming when this many of its retried alerts are due again (a zero retry delay).</summary>
    private const int MaxRetriedInPass = 500;

    private readonly Dictionary<string, Task> _passes = new(StringComparer.Ordinal);

    /// <summary>How long attempts in flight may finish after shutdown was asked for; then they are abandoned and stay queued.</summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Attempts every alert that is due, once each, every channel side by side; returns when all are done
    /// (the <c>once</c> verb). Cancelling <paramref name="stopping"/> stops claiming; attempts in flight get
    /// <see cref="DrainTimeout"/> more.
    /// </summary>
    public async Task<DispatchSummary> DispatchDueAsync(CancellationToken stopping)
    {
        var summary = new DispatchSummary();
        var due = await outbox.ChannelsWithDueAsync(time.GetUtcNow(), stopping);
        await Task.WhenAll(due.Select(channel => Task.Run(() => PassAsync(channel, summary, stopping), CancellationToken.None)));
        return summary;
    }

    /// <summary>
    /// Starts a pass for every channel that has alerts due and no pass running, and returns without waiting for
    /// them (the daemon's dispatch job). <see cref="WhenPassesDoneAsync"/> waits for them at shutdown.
    /// </summary>
    public async Task StartDueAsync(CancellationToken stopping)
    {
        if (stopping.IsCancellationRequested)
        {
            return;
        }

        foreach (var channel in await outbox.ChannelsWithDueAsync(time.GetUtcNow(), stopping))
        {
            lock (_passes)
            {
                if (_passes.TryGetValue(channel, out var running) && !running.IsCompleted)
                {
                    continue;
                }

                _passes[channel] = Task.Run(() => BackgroundPassAsync(channel, stopping), CancellationToken.None);
            }
        }
    }

    /// <summary>Completes when the passes the daemon started have ended (they end by themselves after shutdown began).</summary>
    public Task WhenPassesDoneAsync()
    {
        lock (_passes)
        {
            return Task.WhenAll(_passes.Values.ToList());
        }
    }

    private async Task BackgroundPassAsync(string channel, CancellationToken stopping)
    {
        try
        {
            await PassAsync(channel, new DispatchSummary(), stopping);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !stopping.IsCancellationRequested)
        {
            // The alerts stay queued; the next pass (seconds away) picks them up again.
            logger.LogError(exception, "Dispatching to {Channel} failed", channel);
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }
    }

    /// <summary>Attempts the due alerts of one channel, each at most once, with a bounded number in flight.</summary>
    private async Task PassAsync(string channel, DispatchSummary summary, CancellationToken stopping)
    {
        using var abandon = new CancellationTokenSource();
        await using var drain = stopping.Register(() => abandon.CancelAfter(DrainTimeout));
        var attempted = new HashSet<string>(StringComparer.Ordinal);
        // Alerts this pass tried that stay queued, with when they are due: those already due again are left out of claims.
        var retried = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var inFlight = new List<Task<Attempt>>();
        var claiming = true;
        while (true)
        {
            if (claiming && !stopping.IsCancellationRequested && inFlight.Count < AttemptsAtOncePerChannel)
            {
                var options = configuration.Options.Channels.GetValueOrDefault(channel);
                var now = time.GetUtcNow();
                var except = retried.Where(entry => entry.Value <= now).Select(entry => entry.Key).ToList();
                var free = AttemptsAtOncePerChannel - inFlight.Count;
                var lease = now + (options?.EffectiveTimeout ?? TimeSpan.Zero) + ClaimGrace;
                // Not cancellable: a claim that was made must come back as alerts to attempt or release.
                var claimed = await outbox.ClaimDueAsync(channel, now, free, lease, except, CancellationToken.None);
                foreach (var alert in claimed)
                {
                    if (attempted.Add(alert.Id))
                    {
                        inFlight.Add(Task.Run(() => AttemptAsync(channel, options, alert, summary, abandon.Token), CancellationToken.None));
                    }
                    else
                    {
                        await outbox.ReleaseAsync(alert.Id, CancellationToken.None);
                    }
                }

                claiming = except.Count < MaxRetriedInPass;
                if (claimed.Count == 0 && inFlight.Count == 0)
                {
                    break;
                }
            }

            if (inFlight.Count == 0)
            {
                break;
            }

            // With a slot free, look again for newly due alerts now and then instead of waiting for a slow attempt.
            var canClaim = claiming && !stopping.IsCancellationRequested && inFlight.Count < AttemptsAtOncePerChannel;
            Task waiting = Task.WhenAny(inFlight);
            await (canClaim ? Task.WhenAny(waiting, Task.Delay(ClaimInterval, stopping)) : waiting);
            foreach (var done in inFlight.Where(attempt => attempt.IsCompleted).ToList())
            {
                inFlight.Remove(done);
                if (await done is { Alert: { } queued, NextAttemptAt: { } next })
                {
                    retried[queued] = next;
                }
            }
        }
    }

    private async Task<Attempt> AttemptAsync(string name, ChannelOptions? options, OutboxAlert alert, DispatchSummary summary, CancellationToken abandon)
    {
        if (options?.Type is null)
        {
            var gone = new AlertDeliveryException($"channel '{name}' is not configured any more", permanent: true);
            return await RecordAsync(alert, gone, new RetryOptions(), summary);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(abandon);
        timeout.CancelAfter(options.EffectiveTimeout);
        AlertDeliveryException? failure = null;
        try
        {
            await channels.Create(name, options).SendAsync(alert.Content, timeout.Token);
        }
        catch (OperationCanceledException) when (abandon.IsCancellationRequested)
        {
            logger.LogWarning("Abandoned alert {AlertId} to {Channel} at shutdown; it stays queued", alert.Id, alert.Channel);
            await outbox.ReleaseAsync(alert.Id, CancellationToken.None);
            return default;
        }
        catch (OperationCanceledException exception) when (timeout.IsCancellationRequested)
        {
            failure = new AlertDeliveryException($"no answer within {options.EffectiveTimeout.TotalSeconds:0.###} s", inner: exception);
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

        return await RecordAsync(alert, failure, options.Retry, summary);
    }

    private async Task<Attempt> RecordAsync(OutboxAlert alert, AlertDeliveryException? failure, RetryOptions retry, DispatchSummary summary)
    {
        var attempts = alert.Attempts + 1;
        var now = time.GetUtcNow();
        if (failure is null)
        {
            await outbox.MarkSentAsync(alert.Id, attempts, now, CancellationToken.None);
            summary.Sent();
            logger.LogInformation("Sent alert {AlertId} [{Topic}] {Title} to {Channel}", alert.Id, alert.Content.Topic, alert.Content.Item.Title, alert.Channel);
            return default;
        }

        var delay = failure.Permanent ? null : RetryPolicy.DelayAfter(attempts, retry, failure.RetryAfter, Random.Shared);
        await outbox.MarkFailedAsync(alert.Id, attempts, now + delay, failure.Message, CancellationToken.None);
        if (delay is null)
        {
            summary.Dead();
            logger.LogWarning(
                "Alert {AlertId} to {Channel} is a dead letter after {Attempts} attempt(s): {Error}", alert.Id, alert.Channel, attempts, failure.Message);
            return default;
        }

        summary.Failed();
        logger.LogWarning(
            "Alert {AlertId} to {Channel} failed (attempt {Attempts}), next try in {Delay}: {Error}", alert.Id, alert.Channel, attempts, TimeSpan.FromSeconds(Math.Ceiling(delay.Value.TotalSeconds)), failure.Message);
        return new Attempt(alert.Id, now + delay);
    }

    /// <summary>How an attempt left its alert: queued again (its id and when it is due) or not (both null).</summary>
    private readonly record struct Attempt(string? Alert, DateTimeOffset? NextAttemptAt);
}
