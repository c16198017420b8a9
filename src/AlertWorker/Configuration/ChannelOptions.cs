namespace AlertWorker.Configuration;

public enum ChannelType
{
    Log,
    Email,
    Webhook,
}

public sealed class ChannelOptions
{
    public ChannelType? Type { get; set; }

    /// <summary>Email: the sender address.</summary>
    public string? From { get; set; }

    /// <summary>Email: the recipients.</summary>
    public List<string> To { get; set; } = [];

    /// <summary>Email: the SMTP server.</summary>
    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>Webhook: the absolute http(s) URL that receives the POST.</summary>
    public string? Url { get; set; }

    /// <summary>Webhook: when set, requests are signed (Standard Webhooks). <c>whsec_&lt;base64&gt;</c> is used base64-decoded.</summary>
    public string? Secret { get; set; }

    /// <summary>Time allowed for one delivery attempt. Default 15 seconds for webhooks, 30 for email.</summary>
    public TimeSpan? Timeout { get; set; }

    public RetryOptions Retry { get; set; } = new();

    public TimeSpan EffectiveTimeout => Timeout ?? (Type == ChannelType.Email ? TimeSpan.FromSeconds(30) : TimeSpan.FromSeconds(15));
}
