namespace AlertWorker.Tests.Support;

/// <summary>
/// The world of a fetching test: an installation (<see cref="App"/>), a loopback <see cref="Server"/> to publish
/// feeds on, and a webhook receiver (<see cref="Hook"/>) that gets the alerts of a <c>cease-fire OR truce</c> topic.
/// </summary>
public abstract class FeedServerTestBase : IAsyncLifetime
{
    protected TestApp App { get; } = new();

    protected FeedServer Server { get; private set; } = null!;

    protected WebhookReceiver Hook { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await FeedServer.StartAsync();
        Hook = await WebhookReceiver.StartAsync();
        App.Topic("cease-fire", "cease-fire OR truce", "desk-hook").Webhook("desk-hook", Hook.Url);
        Arrange();
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        await Hook.DisposeAsync();
        App.Dispose();
    }

    /// <summary>What every test of the class shares beyond the servers: feeds to serve, options to set.</summary>
    protected virtual void Arrange()
    {
    }
}
