namespace AlertWorker.Channels;

/// <summary>One delivery attempt failed. <see cref="Permanent"/> failures are not retried.</summary>
public sealed class AlertDeliveryException(string message, bool permanent = false, TimeSpan? retryAfter = null, Exception? inner = null)
    : Exception(message, inner)
{
    /// <summary>True when trying again cannot help (a 4xx answer, a 550 mailbox): the alert becomes a dead letter.</summary>
    public bool Permanent { get; } = permanent;

    /// <summary>The receiver asked not to be tried again before this much time has passed.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
