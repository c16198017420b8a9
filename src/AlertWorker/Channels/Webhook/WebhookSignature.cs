using System.Security.Cryptography;
using System.Text;

namespace AlertWorker.Channels.Webhook;

/// <summary>
/// The Standard Webhooks signature: <c>v1,</c> and the base64 HMAC-SHA256 of <c>{id}.{timestamp}.{body}</c>.
/// A secret written <c>whsec_&lt;base64&gt;</c> is used base64-decoded; any other string as its UTF-8 bytes.
/// </summary>
public static class WebhookSignature
{
    private const string SecretPrefix = "whsec_";

    public static string Sign(string secret, string id, long timestamp, string body)
    {
        var key = KeyOf(secret);
        var mac = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}"));
        return "v1," + Convert.ToBase64String(mac);
    }

    public static byte[] KeyOf(string secret) =>
        secret.StartsWith(SecretPrefix, StringComparison.Ordinal)
            ? Convert.FromBase64String(secret[SecretPrefix.Length..])
            : Encoding.UTF8.GetBytes(secret);
}
