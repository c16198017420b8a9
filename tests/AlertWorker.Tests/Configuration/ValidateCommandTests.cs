using System.Text.Json.Nodes;
using AlertWorker.Tests.Support;

namespace AlertWorker.Tests.Configuration;

/// <summary>
/// The <c>validate</c> verb on a real file: a valid configuration broken one setting at a time, each problem reported
/// on its own line as <c>path: what is wrong</c>, exit 2; warnings alone exit 0.
/// </summary>
public sealed class ValidateCommandTests : IDisposable
{
    private readonly TestApp _app = new TestApp()
        .Feed("world", "https://news.example.test/world.xml")
        .Topic("cease-fire", "cease-fire OR truce", "desk-mail", "desk-hook", "console")
        .Email("desk-mail", 2525)
        .Webhook("desk-hook", "https://hooks.example.test/alerts", "whsec_dGVzdC1zZWNyZXQ=")
        .Channel("console", new JsonObject { ["Type"] = "Log" });

    private static readonly Dictionary<string, (Action<JsonObject> Break, string Path, string Message)> Broken = new()
    {
        ["feed without Url"] = (c => Feed(c).Remove("Url"), "AlertWorker:Feeds:world:Url", "is required"),
        ["feed Url of another scheme"] = (c => Feed(c)["Url"] = "ftp://news.example.test/world.xml", "AlertWorker:Feeds:world:Url", "scheme 'ftp' is not supported"),
        ["feed Interval not hh:mm:ss"] = (c => Feed(c)["Interval"] = "5 minutes", "AlertWorker:Feeds:world:Interval", "hh:mm:ss"),
        ["feed Interval a bare number"] = (c => Feed(c)["Interval"] = 300, "AlertWorker:Feeds:world:Interval", "hh:mm:ss"),
        ["feed Interval under a second"] = (c => Feed(c)["Interval"] = "00:00:00.001", "AlertWorker:Feeds:world:Interval", "at least 00:00:01"),
        ["feed Interval zero"] = (c => Feed(c)["Interval"] = "00:00:00", "AlertWorker:Feeds:world:Interval", "longer than zero"),
        ["feed Interval negative"] = (c => Feed(c)["Interval"] = "-00:05:00", "AlertWorker:Feeds:world:Interval", "longer than zero"),
        ["feed Cron invalid"] = (c => Cron(c, "every day at noon"), "AlertWorker:Feeds:world:Cron", "not a valid Quartz cron expression"),
        ["feed Cron of five fields"] = (c => Cron(c, "*/5 * * * *"), "AlertWorker:Feeds:world:Cron", "not a valid Quartz cron expression"),
        ["feed Cron that never fires again"] = (c => Cron(c, "0 0 0 1 1 ? 2001"), "AlertWorker:Feeds:world:Cron", "never fires again"),
        ["feed Interval longer than a year"] = (c => Feed(c)["Interval"] = "10000000.00:00:00", "AlertWorker:Feeds:world:Interval", "not be longer than 365 days"),
        ["retry delay longer than a year"] = (c => Channel(c, "desk-hook")["Retry"] = new JsonObject { ["MaxDelay"] = "400.00:00:00" }, "AlertWorker:Channels:desk-hook:Retry:MaxDelay", "not be longer than 365 days"),
        ["feed with Interval and Cron"] = (c => Feed(c)["Cron"] = "0 */5 * * * ?", "AlertWorker:Feeds:world", "both Interval and Cron"),
        ["feed Enabled not a boolean"] = (c => Feed(c)["Enabled"] = "yes", "AlertWorker:Feeds:world:Enabled", "true or false"),
        ["feed FirstPoll unknown"] = (c => Feed(c)["FirstPoll"] = "Everything", "AlertWorker:Feeds:world:FirstPoll", "'Everything' is not one of Baseline, AlertAll"),
        ["topic without Query"] = (c => Topic(c).Remove("Query"), "AlertWorker:Topics:cease-fire:Query", "is required"),
        ["topic Query that does not parse"] = (c => Topic(c)["Query"] = "(gaza OR rafah", "AlertWorker:Topics:cease-fire:Query", "1:15:"),
        ["topic Query of exclusions only"] = (c => Topic(c)["Query"] = "-sports", "AlertWorker:Topics:cease-fire:Query", "1:"),
        ["topic without Channels"] = (c => Topic(c).Remove("Channels"), "AlertWorker:Topics:cease-fire:Channels", "at least one channel"),
        ["topic with empty Channels"] = (c => Topic(c)["Channels"] = new JsonArray(), "AlertWorker:Topics:cease-fire:Channels", "at least one channel"),
        ["topic naming an undefined channel"] = (c => Topic(c)["Channels"] = new JsonArray("console", "nowhere"), "AlertWorker:Topics:cease-fire:Channels:1", "no channel named 'nowhere'"),
        ["topic naming an undefined feed"] = (c => Topic(c)["Feeds"] = new JsonArray("nowhere"), "AlertWorker:Topics:cease-fire:Feeds:0", "no feed named 'nowhere'"),
        ["channel without Type"] = (c => Channel(c, "console").Remove("Type"), "AlertWorker:Channels:console:Type", "is required: one of Log, Email, Webhook"),
        ["channel Type unknown"] = (c => Channel(c, "console")["Type"] = "Pager", "AlertWorker:Channels:console:Type", "'Pager' is not one of"),
        ["email without From"] = (c => Channel(c, "desk-mail").Remove("From"), "AlertWorker:Channels:desk-mail:From", "is required"),
        ["email From not an address"] = (c => Channel(c, "desk-mail")["From"] = "alerts at example", "AlertWorker:Channels:desk-mail:From", "not a valid email address"),
        ["email without To"] = (c => Channel(c, "desk-mail").Remove("To"), "AlertWorker:Channels:desk-mail:To", "at least one recipient"),
        ["email with empty To"] = (c => Channel(c, "desk-mail")["To"] = new JsonArray(), "AlertWorker:Channels:desk-mail:To", "at least one recipient"),
        ["email To not an address"] = (c => Channel(c, "desk-mail")["To"] = new JsonArray("desk@example.test", "desk"), "AlertWorker:Channels:desk-mail:To:1", "'desk' is not a valid email address"),
        ["smtp without Host"] = (c => Smtp(c).Remove("Host"), "AlertWorker:Channels:desk-mail:Smtp:Host", "is required"),
        ["smtp Port zero"] = (c => Smtp(c)["Port"] = 0, "AlertWorker:Channels:desk-mail:Smtp:Port", "from 1 to 65535"),
        ["smtp Port 70000"] = (c => Smtp(c)["Port"] = 70000, "AlertWorker:Channels:desk-mail:Smtp:Port", "from 1 to 65535"),
        ["smtp Port not a number"] = (c => Smtp(c)["Port"] = "smtp", "AlertWorker:Channels:desk-mail:Smtp:Port", "from 1 to 65535"),
        ["smtp Security unknown"] = (c => Smtp(c)["Security"] = "SSL", "AlertWorker:Channels:desk-mail:Smtp:Security", "'SSL' is not one of None, StartTls, Tls"),
        ["webhook without Url"] = (c => Channel(c, "desk-hook").Remove("Url"), "AlertWorker:Channels:desk-hook:Url", "is required"),
        ["webhook Url relative"] = (c => Channel(c, "desk-hook")["Url"] = "/hooks/alerts", "AlertWorker:Channels:desk-hook:Url", "absolute http:// or https://"),
        ["webhook Url of another scheme"] = (c => Channel(c, "desk-hook")["Url"] = "ftp://hooks.example.test/", "AlertWorker:Channels:desk-hook:Url", "absolute http:// or https://"),
        ["webhook Secret whsec_ but not base64"] = (c => Channel(c, "desk-hook")["Secret"] = "whsec_not base64!", "AlertWorker:Channels:desk-hook:Secret", "not valid base64"),
        ["channel Timeout zero"] = (c => Channel(c, "desk-hook")["Timeout"] = "00:00:00", "AlertWorker:Channels:desk-hook:Timeout", "longer than zero"),
        ["retry MaxAttempts zero"] = (c => Retry(c)["MaxAttempts"] = 0, "AlertWorker:Channels:desk-hook:Retry:MaxAttempts", "from 1 to 1000"),
        ["retry FirstDelay not a duration"] = (c => Retry(c)["FirstDelay"] = "soon", "AlertWorker:Channels:desk-hook:Retry:FirstDelay", "hh:mm:ss"),
        ["retry MaxDelay shorter than FirstDelay"] = (c => Retry(c, first: "00:10:00", max: "00:01:00"), "AlertWorker:Channels:desk-hook:Retry:MaxDelay", "not be shorter than FirstDelay"),
        ["storage Provider unknown"] = (c => c["Storage"] = new JsonObject { ["Provider"] = "Oracle" }, "AlertWorker:Storage:Provider", "'Oracle' is not one of Sqlite, Postgres"),
        ["storage Postgres without ConnectionString"] = (c => c["Storage"] = new JsonObject { ["Provider"] = "Postgres" }, "AlertWorker:Storage:ConnectionString", "required when Provider is Postgres"),
        ["storage Postgres in a build without it"] = (c => Postgres(c), "AlertWorker:Storage:Provider", "Postgres is not available"),
        ["fetch Timeout zero"] = (c => c["Fetch"] = new JsonObject { ["Timeout"] = "00:00:00" }, "AlertWorker:Fetch:Timeout", "longer than zero"),
        ["fetch MaxConcurrentPolls zero"] = (c => c["Fetch"] = new JsonObject { ["MaxConcurrentPolls"] = 0 }, "AlertWorker:Fetch:MaxConcurrentPolls", "from 1 to 1024"),
        ["empty DataDirectory"] = (c => c["DataDirectory"] = "", "AlertWorker:DataDirectory", "must not be empty"),
        ["DataDirectory under a file"] = (c => c["DataDirectory"] = Path.Combine(typeof(ValidateCommandTests).Assembly.Location, "data"), "AlertWorker:DataDirectory", "is a file, not a folder"),
        ["DataDirectory that is a file"] = (c => c["DataDirectory"] = typeof(ValidateCommandTests).Assembly.Location, "AlertWorker:DataDirectory", "is a file, not a folder"),
        ["feeds written as a list"] = (c => c["Feeds"] = new JsonArray(new JsonObject { ["Url"] = "https://news.example.test/a.xml" }), "AlertWorker:Feeds", "expected an object keyed by feed name"),
        ["two feeds differing only by case"] = (c => Twin(c, "Feeds", "world", "World"), "AlertWorker:Feeds:world", "'world' and 'World' differ only by case"),
        ["two topics differing only by case"] = (c => Twin(c, "Topics", "cease-fire", "Cease-Fire"), "AlertWorker:Topics:cease-fire", "'cease-fire' and 'Cease-Fire' differ only by case"),
        ["two channels differing only by case"] = (c => Twin(c, "Channels", "console", "CONSOLE"), "AlertWorker:Channels:console", "'console' and 'CONSOLE' differ only by case"),
        ["two settings differing only by case"] = (c => Feed(c)["url"] = "https://news.example.test/other.xml", "AlertWorker:Feeds:world:Url", "'Url' and 'url' differ only by case"),
    };

    public static TheoryData<string> BrokenSettings => new(Broken.Keys);

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_valid_configuration_passes_with_exit_0_and_a_summary()
    {
        var result = await _app.RunAsync("validate");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Error);
        Assert.Contains("valid: 1 feed(s), 1 topic(s), 3 channel(s)", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BrokenSettings))]
    public async Task Each_broken_setting_is_reported_at_its_configuration_path_with_exit_2(string setting)
    {
        var (breakIt, path, message) = Broken[setting];
        breakIt(_app.Section);

        var result = await _app.RunAsync("validate");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(Lines(result.Error), line => line.StartsWith(path + ": ", StringComparison.Ordinal) && line.Contains(message, StringComparison.Ordinal));
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal); // no stack trace
    }

    [Fact]
    public async Task Every_problem_is_listed_at_once_each_on_its_own_line()
    {
        Feed(_app.Section)["Interval"] = "soon";
        Topic(_app.Section)["Channels"] = new JsonArray("console", "nowhere");
        Smtp(_app.Section)["Port"] = 70000;

        var result = await _app.RunAsync("validate");

        Assert.Equal(2, result.ExitCode);
        var lines = Lines(result.Error);
        Assert.Contains(lines, line => line.StartsWith("AlertWorker:Feeds:world:Interval: ", StringComparison.Ordinal));
        Assert.Contains("AlertWorker:Topics:cease-fire:Channels:1: no channel named 'nowhere'", lines);
        Assert.Contains("AlertWorker:Channels:desk-mail:Smtp:Port: expected a whole number from 1 to 65535", lines);
        Assert.Contains(lines, line => line.EndsWith("the configuration is invalid (3 problems); nothing was started", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Names_are_referenced_whatever_their_case()
    {
        Topic(_app.Section)["Channels"] = new JsonArray("DESK-MAIL", "Desk-Hook", "Console");
        Topic(_app.Section)["Feeds"] = new JsonArray("WORLD");

        var result = await _app.RunAsync("validate");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Error);
    }

    [Fact]
    public async Task A_list_may_be_written_as_one_string()
    {
        Topic(_app.Section)["Channels"] = "console";
        Channel(_app.Section, "desk-mail")["To"] = "desk@example.test";
        _app.Topic("storms", "storm", "desk-mail", "desk-hook");

        var result = await _app.RunAsync("validate");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Error);
    }

    [Fact]
    public async Task A_misspelt_setting_is_a_warning_that_suggests_the_right_name_and_exits_0()
    {
        Feed(_app.Section)["Intervall"] = "00:01:00";
        Smtp(_app.Section)["Pasword"] = "not-shown";
        _app.Section["Topicz"] = new JsonObject();

        var result = await _app.RunAsync("validate");

        Assert.Equal(0, result.ExitCode);
        var lines = Lines(result.Error);
        Assert.Contains("AlertWorker:Feeds:world:Intervall: warning: unknown setting 'Intervall', ignored (did you mean 'Interval'?)", lines);
        Assert.Contains("AlertWorker:Channels:desk-mail:Smtp:Pasword: warning: unknown setting 'Pasword', ignored (did you mean 'Password'?)", lines);
        Assert.Contains("AlertWorker:Topicz: warning: unknown setting 'Topicz', ignored (did you mean 'Topics'?)", lines);
        Assert.DoesNotContain("not-shown", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unused_channel_or_feed_is_a_warning_not_an_error()
    {
        _app.Channel("spare", new JsonObject { ["Type"] = "Log" });
        _app.Feed("local", "samples/world.xml");
        Topic(_app.Section)["Feeds"] = new JsonArray("world");

        var result = await _app.RunAsync("validate");

        Assert.Equal(0, result.ExitCode);
        var lines = Lines(result.Error);
        Assert.Contains("AlertWorker:Channels:spare: warning: no topic sends to this channel", lines);
        Assert.Contains("AlertWorker:Feeds:local: warning: no topic applies to this feed", lines);
    }

    [Fact]
    public async Task A_file_without_an_AlertWorker_section_is_invalid()
    {
        _app.Root.Remove("AlertWorker");

        var result = await _app.RunAsync("validate");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(Lines(result.Error), line => line.StartsWith("AlertWorker: section is missing", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Secrets_in_an_invalid_configuration_never_appear_in_the_output()
    {
        Channel(_app.Section, "desk-hook")["Secret"] = "whsec_TOPSECRET-hook!";
        Smtp(_app.Section)["Password"] = "TOPSECRET-smtp";
        Smtp(_app.Section)["Port"] = 0;
        Postgres(_app.Section, "Host=db;Password=TOPSECRET-db");

        var result = await _app.RunAsync("validate");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("AlertWorker:Channels:desk-hook:Secret: ", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("TOPSECRET", result.Output + result.Error, StringComparison.Ordinal);
    }

    private static string[] Lines(string text) => text.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);

    private static JsonObject Feed(JsonObject c) => c["Feeds"]!["world"]!.AsObject();

    private static JsonObject Topic(JsonObject c) => c["Topics"]!["cease-fire"]!.AsObject();

    private static JsonObject Channel(JsonObject c, string name) => c["Channels"]![name]!.AsObject();

    private static JsonObject Smtp(JsonObject c) => Channel(c, "desk-mail")["Smtp"]!.AsObject();

    private static JsonObject Retry(JsonObject c) => Channel(c, "desk-hook")["Retry"]!.AsObject();

    private static void Retry(JsonObject c, string first, string max)
    {
        Retry(c)["FirstDelay"] = first;
        Retry(c)["MaxDelay"] = max;
    }

    private static void Cron(JsonObject c, string cron)
    {
        Feed(c).Remove("Interval");
        Feed(c)["Cron"] = cron;
    }

    private static void Postgres(JsonObject c, string connection = "Host=db") =>
        c["Storage"] = new JsonObject { ["Provider"] = "Postgres", ["ConnectionString"] = connection };

    /// <summary>Adds a second entry whose name differs from <paramref name="name"/> only by case, a copy of the first.</summary>
    private static void Twin(JsonObject c, string section, string name, string twin) =>
        c[section]![twin] = c[section]![name]!.DeepClone();
}
