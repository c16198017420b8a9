using AlertWorker.Alerts;
using AlertWorker.Tests.Support;
using SmtpServer.Protocol;

namespace AlertWorker.Tests.Channels;

/// <summary>How a real SMTP server's availability and replies decide an alert's fate, one <c>once</c> cycle at a time.</summary>
public sealed class EmailDeliveryTests : IAsyncLifetime
{
    private readonly TestApp _app = new();
    private readonly int _port = SmtpTestServer.FreePort();
    private FeedHost _feed = null!;

    public async Task InitializeAsync()
    {
        _feed = await FeedHost.StartAsync(Rss.Weather, Rss.CeaseFireCall);
        _app.Feed("world", _feed.Url)
            .Topic("cease-fire", "cease-fire OR truce", "desk-mail")
            .Email("desk-mail", _port);
    }

    public async Task DisposeAsync()
    {
        await _feed.DisposeAsync();
        _app.Dispose();
    }

    [Fact]
    public async Task A_server_that_is_down_then_up_gets_the_message_once_with_a_stable_message_id()
    {
        var first = await _app.RunAsync("once");
        var pending = Assert.Single(await _app.AlertsAsync(AlertState.Pending));

        using var smtp = new SmtpTestServer(_port).Start();
        var second = await _app.RunAsync("once");
        await _app.RunAsync("once");

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(1, pending.Attempts);
        Assert.Contains($"SMTP 127.0.0.1:{_port} failed", pending.LastError, StringComparison.Ordinal);
        Assert.Equal(0, second.ExitCode);
        var mail = Assert.Single(smtp.Messages);
        Assert.Equal($"{pending.Id}@alertworker", mail.MessageId);
        Assert.Equal(2, Assert.Single(await _app.AlertsAsync(AlertState.Sent)).Attempts);
    }

    [Fact]
    public async Task A_550_reply_makes_a_dead_letter_after_one_attempt()
    {
        using var smtp = new SmtpTestServer(_port) { Refuse = SmtpResponse.MailboxUnavailable }.Start();

        await _app.RunAsync("once");
        await _app.RunAsync("once");

        Assert.Empty(smtp.Messages);
        var dead = Assert.Single(await _app.AlertsAsync(AlertState.Dead));
        Assert.Equal(1, dead.Attempts);
        Assert.Contains("answered 550", dead.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_451_reply_is_retried_and_the_next_cycle_delivers()
    {
        using var smtp = new SmtpTestServer(_port) { Refuse = new SmtpResponse((SmtpReplyCode)451, "local error, try later") }.Start();

        await _app.RunAsync("once");
        var pending = Assert.Single(await _app.AlertsAsync(AlertState.Pending));
        smtp.Refuse = null;
        await _app.RunAsync("once");

        Assert.Contains("answered 451", pending.LastError, StringComparison.Ordinal);
        Assert.Single(smtp.Messages);
        Assert.Single(await _app.AlertsAsync(AlertState.Sent));
    }
}
