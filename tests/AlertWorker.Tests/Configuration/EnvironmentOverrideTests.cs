using System.Text.Json.Nodes;
using AlertWorker.Tests.Support;

namespace AlertWorker.Tests.Configuration;

/// <summary>
/// Environment variables change the configuration of every verb run in this process, so these tests run alone,
/// after the parallel ones.
/// </summary>
[CollectionDefinition(nameof(EnvironmentOverrideTests), DisableParallelization = true)]
public sealed class EnvironmentCollection;

/// <summary>Standard .NET environment overrides (<c>AlertWorker__Channels__ops__Smtp__Password</c>) on top of the file.</summary>
[Collection(nameof(EnvironmentOverrideTests))]
public sealed class EnvironmentOverrideTests : IAsyncLifetime
{
    private const string Secret = "whsec_ZW52aXJvbm1lbnQtc2VjcmV0LWZvci10ZXN0cw==";

    // A channel name of its own, so that no other configuration in the process could be touched by the variables.
    private readonly string _channel = "env-hook-" + Guid.NewGuid().ToString("n")[..8];
    private readonly TestApp _app = new();
    private FeedHost _feed = null!;
    private WebhookReceiver _hook = null!;

    public async Task InitializeAsync()
    {
        _feed = await FeedHost.StartAsync(Rss.CeaseFireCall);
        _hook = await WebhookReceiver.StartAsync();

        // The file leaves the URL and the secret to the environment.
        _app.Feed("world", _feed.Url)
            .Topic("cease-fire", "cease-fire", _channel)
            .Channel(_channel, new JsonObject { ["Type"] = "Webhook", ["Retry"] = new JsonObject { ["FirstDelay"] = "00:00:00" } });
    }

    public async Task DisposeAsync()
    {
        await _feed.DisposeAsync();
        await _hook.DisposeAsync();
        _app.Dispose();
    }

    [Fact]
    public async Task Without_the_environment_the_channel_is_incomplete()
    {
        var result = await _app.RunAsync("validate");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"AlertWorker:Channels:{_channel}:Url: is required", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Variables_reach_the_channel_they_name_and_its_posts_are_signed_with_the_secret_from_the_environment()
    {
        using var url = new EnvironmentVariable($"AlertWorker__Channels__{_channel}__Url", _hook.Url);
        using var secret = new EnvironmentVariable($"AlertWorker__Channels__{_channel}__Secret", Secret);

        var validate = await _app.RunAsync("validate");
        var once = await _app.RunAsync("once");

        Assert.Equal(0, validate.ExitCode);
        Assert.Equal(0, once.ExitCode);
        var post = Assert.Single(_hook.Posts);
        Assert.True(WebhookReceiver.IsSignedWith(post, Secret), "the post must be signed with the secret given in the environment");
    }

    [Fact]
    public async Task A_secret_from_the_environment_never_appears_in_what_validate_prints()
    {
        using var url = new EnvironmentVariable($"AlertWorker__Channels__{_channel}__Url", "not a url");
        using var secret = new EnvironmentVariable($"AlertWorker__Channels__{_channel}__Secret", "whsec_ENVSECRET!");

        var result = await _app.RunAsync("validate");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"AlertWorker:Channels:{_channel}:Secret: ", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("ENVSECRET", result.Output + result.Error, StringComparison.Ordinal);
    }

    /// <summary>Sets a process environment variable for the life of the object, and restores it afterwards.</summary>
    private sealed class EnvironmentVariable : IDisposable
    {
        private readonly string _name;
        private readonly string? _before;

        public EnvironmentVariable(string name, string value)
        {
            _name = name;
            _before = Environment.GetEnvironmentVariable(name);
            Environment.SetEnvironmentVariable(name, value);
        }

        public void Dispose() => Environment.SetEnvironmentVariable(_name, _before);
    }
}
