namespace AlertWorker.Alerts;

/// <summary>What one dispatch pass did; counted from concurrent attempts.</summary>
public sealed class DispatchSummary
{
    private int _sent;
    private int _failed;
    private int _dead;

    public int SentCount => _sent;

    public int FailedCount => _failed;

    public int DeadCount => _dead;

    internal void Sent() => Interlocked.Increment(ref _sent);

    internal void Failed() => Interlocked.Increment(ref _failed);

    internal void Dead() => Interlocked.Increment(ref _dead);
}
