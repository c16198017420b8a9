namespace AlertWorker.Alerts;

public enum AlertState
{
    /// <summary>Stored and waiting for its next attempt.</summary>
    Pending,

    /// <summary>The channel accepted it.</summary>
    Sent,

    /// <summary>Failed for good or ran out of attempts; kept until re-queued with <c>alerts retry</c>.</summary>
    Dead,
}
