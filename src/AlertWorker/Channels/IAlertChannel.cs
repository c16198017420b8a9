using AlertWorker.Alerts;

namespace AlertWorker.Channels;

/// <summary>
/// Sends one alert somewhere. An implementation makes exactly one attempt and throws
/// <see cref="AlertDeliveryException"/> when it fails; it never retries, waits or swallows a failure.
/// The <c>AlertDispatcher</c> owns timeouts, retries and dead letters.
/// </summary>
public interface IAlertChannel
{
    Task SendAsync(AlertContent alert, CancellationToken cancellationToken);
}
