namespace AlertWorker.Configuration;

public enum SmtpSecurity
{
    None,
    StartTls,
    Tls,
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }

    /// <summary>Default 587.</summary>
    public int Port { get; set; } = 587;

    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    /// <summary>Login name; no login when empty.</summary>
    public string? User { get; set; }

    /// <summary>Never logged. Best given through the environment (<c>AlertWorker__Channels__NAME__Smtp__Password</c>).</summary>
    public string? Password { get; set; }
}
