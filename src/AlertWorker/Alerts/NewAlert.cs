namespace AlertWorker.Alerts;

/// <summary>An alert about to be queued: for which item of its feed, to which channel, saying what.</summary>
public sealed record NewAlert(string ItemKey, string Channel, AlertContent Content);
