namespace AlertWorker.Alerts;

/// <summary>An alert in the outbox: its content, the channel it goes to, and how its delivery stands.</summary>
public sealed record OutboxAlert(
    AlertContent Content,
    string Channel,
    AlertState State,
    int Attempts,
    DateTimeOffset NextAttemptAt,
    string? LastError,
    DateTimeOffset CreatedAt)
{
    public string Id => Content.Id;
}
