using Microsoft.Extensions.Configuration;
using MimeKit;

namespace AlertWorker.Configuration;

/// <summary>The checks of one <c>AlertWorker:Channels:NAME</c> entry, for <see cref="ConfigValidator"/>.</summary>
internal static class ChannelValidator
{
    public static void Check(ConfigReader reader, IConfigurationSection channel)
    {
        KnownKeys.Check(reader, channel, typeof(ChannelOptions));
        KnownKeys.Check(reader, channel.GetSection("Smtp"), typeof(SmtpOptions));
        KnownKeys.Check(reader, channel.GetSection("Retry"), typeof(RetryOptions));
        var type = reader.Choice<ChannelType>(channel, "Type");
        if (channel["Type"] is null)
        {
            reader.Error(channel.GetSection("Type").Path, $"is required: one of {string.Join(", ", Enum.GetNames<ChannelType>())}");
        }

        reader.TimeSpan(channel, "Timeout");
        var retry = channel.GetSection("Retry");
        reader.Integer(retry, "MaxAttempts", 1, 1000);
        var first = reader.TimeSpan(retry, "FirstDelay", positive: false);
        var max = reader.TimeSpan(retry, "MaxDelay");
        if (first is { } f && max is { } m && m < f)
        {
            reader.Error(retry.GetSection("MaxDelay").Path, "must not be shorter than FirstDelay");
        }

        if (type == ChannelType.Email)
        {
            CheckEmail(reader, channel);
        }
        else if (type == ChannelType.Webhook)
        {
            CheckWebhook(reader, channel);
        }
    }

    private static void CheckEmail(ConfigReader reader, IConfigurationSection channel)
    {
        CheckAddress(reader, channel.GetSection("From").Path, channel["From"], required: true);
        var to = ConfigReader.List(channel, "To");
        if (to.Count == 0)
        {
            reader.Error(channel.GetSection("To").Path, "needs at least one recipient address");
        }

        foreach (var (path, address) in to)
        {
            CheckAddress(reader, path, address, required: true);
        }

        var smtp = channel.GetSection("Smtp");
        if (string.IsNullOrWhiteSpace(smtp["Host"]))
        {
            reader.Error(smtp.GetSection("Host").Path, "is required");
        }

        reader.Integer(smtp, "Port", 1, 65535);
        reader.Choice<SmtpSecurity>(smtp, "Security");
    }

    private static void CheckAddress(ConfigReader reader, string path, string? address, bool required)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            if (required)
            {
                reader.Error(path, "is required: an email address");
            }

            return;
        }

        if (!MailboxAddress.TryParse(address, out var mailbox) || !mailbox.Address.Contains('@', StringComparison.Ordinal))
        {
            reader.Error(path, $"'{address}' is not a valid email address");
        }
    }

    private static void CheckWebhook(ConfigReader reader, IConfigurationSection channel)
    {
        var url = channel["Url"];
        if (string.IsNullOrWhiteSpace(url))
        {
            reader.Error(channel.GetSection("Url").Path, "is required: an absolute http(s) URL");
        }
        else if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            reader.Error(channel.GetSection("Url").Path, "must be an absolute http:// or https:// URL");
        }

        var secret = channel["Secret"];
        if (secret is not null && secret.StartsWith("whsec_", StringComparison.Ordinal) && !IsBase64(secret["whsec_".Length..]))
        {
            // The value is a secret: say what is wrong with it, never what it is.
            reader.Error(channel.GetSection("Secret").Path, "starts with whsec_ but the rest is not valid base64");
        }
    }

    private static bool IsBase64(string text)
    {
        var buffer = new byte[text.Length];
        return text.Length > 0 && Convert.TryFromBase64String(text, buffer, out _);
    }
}
