using System.Security.Cryptography;
using System.Text;
using AlertWorker.Feeds.Parsing;

namespace AlertWorker.Alerts;

/// <summary>
/// The stable id of the one alert for (item, topic, channel). The same inputs give the same id on every instance
/// and every retry, which is what receivers deduplicate on and what keeps an alert from being stored twice.
/// </summary>
public static class AlertId
{
    /// <summary>The id of an alert about something of one feed only (its failures, say).</summary>
    public static string For(string feed, string key, string topic, string channel) =>
        Hash(feed.ToLowerInvariant(), key, topic, channel);

    /// <summary>
    /// The id of an alert about a feed item. A key that names the story wherever it appears (an absolute http(s)
    /// URL, a <c>tag:</c> or <c>urn:</c> id, or the hash of its text) gives one alert however many feeds carry the
    /// story, so the same story in two feeds is not told twice. Any other key (a feed's own serial number such as
    /// <c>1234</c>) is unique only within its feed, and is scoped by it so that two feeds' items never collide.
    /// </summary>
    public static string ForItem(string feed, string itemKey, string topic, string channel) =>
        IsGlobal(itemKey) ? Hash("*", itemKey, topic, channel) : For(feed, itemKey, topic, channel);

    /// <summary>Whether an item key identifies the story beyond its feed.</summary>
    public static bool IsGlobal(string itemKey) =>
        itemKey.StartsWith(FeedItemKey.HashPrefix, StringComparison.Ordinal)
        || itemKey.StartsWith("tag:", StringComparison.OrdinalIgnoreCase)
        || itemKey.StartsWith("urn:", StringComparison.OrdinalIgnoreCase)
        || (Uri.TryCreate(itemKey, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps));

    private static string Hash(string scope, string key, string topic, string channel)
    {
        var input = string.Join('\n', scope, key, topic.ToLowerInvariant(), channel.ToLowerInvariant());
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(input)).AsSpan(0, 16));
    }
}
