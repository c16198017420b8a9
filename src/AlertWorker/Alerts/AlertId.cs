using System.Security.Cryptography;
using System.Text;

namespace AlertWorker.Alerts;

/// <summary>
/// The stable id of the one alert for (feed, item, topic, channel). The same inputs give the same id on every
/// instance and every retry, which is what receivers deduplicate on and what keeps an alert from being stored twice.
/// </summary>
public static class AlertId
{
    public static string For(string feed, string itemKey, string topic, string channel)
    {
        var input = string.Join('\n', feed.ToLowerInvariant(), itemKey, topic.ToLowerInvariant(), channel.ToLowerInvariant());
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(input));
        return Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }
}
