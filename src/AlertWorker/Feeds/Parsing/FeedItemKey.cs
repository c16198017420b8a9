using System.Security.Cryptography;
using System.Text;

namespace AlertWorker.Feeds.Parsing;

/// <summary>
/// Computes <see cref="FeedItem.Key"/>, the identity of an item within its feed.
/// </summary>
/// <remarks>
/// Fallback chain (in the spirit of Miniflux's rss adapter):
/// <list type="number">
/// <item>the item's guid (RSS) / id (Atom, JSON Feed), trimmed, when it is not blank;</item>
/// <item>else the item's link, trimmed, when it is not blank;</item>
/// <item>else <c>sha256:</c> + the first 32 lowercase hex characters of SHA-256(UTF-8(title + "\n" + summary)),
/// when the title or the summary is not blank;</item>
/// <item>else <c>sha256:</c> + the same hash over the item's other text (content, categories), so that an
/// item made only of content is still kept (an author alone, often inherited from the feed, is not enough);</item>
/// <item>else no key: the item carries nothing to identify it and is dropped.</item>
/// </list>
/// </remarks>
public static class FeedItemKey
{
    public const string HashPrefix = "sha256:";

    /// <summary>The key for the given item fields, or null when there is no key material at all.</summary>
    public static string? Compute(string? id, string? link, string? title, string? summary, string? otherText = null)
    {
        if (!string.IsNullOrWhiteSpace(id))
        {
            return id.Trim();
        }

        if (!string.IsNullOrWhiteSpace(link))
        {
            return link.Trim();
        }

        title = title?.Trim() ?? "";
        summary = summary?.Trim() ?? "";
        var material = title.Length > 0 || summary.Length > 0 ? title + "\n" + summary : otherText?.Trim() ?? "";
        if (material.Length == 0)
        {
            return null;
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(material));
        return HashPrefix + Convert.ToHexStringLower(hash)[..32];
    }
}
