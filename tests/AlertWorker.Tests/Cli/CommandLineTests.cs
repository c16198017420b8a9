using AlertWorker.Tests.Support;

namespace AlertWorker.Tests.Cli;

/// <summary>The front door: usage errors, help and version, and files that cannot be read at all.</summary>
public sealed class CommandLineTests
{
    [Theory]
    [InlineData("unknown verb 'frobnicate'", "frobnicate")]
    [InlineData("unknown option '--frob' for 'validate'", "validate", "--frob")]
    [InlineData("unknown option '--query' for 'once'", "once", "--query", "x")]
    [InlineData("unknown option '-x'", "-x")]
    [InlineData("unexpected 'extra' for 'validate'", "validate", "extra")]
    [InlineData("option '--config' needs a value", "validate", "--config")]
    public async Task Invalid_usage_prints_the_problem_and_the_usage_on_stderr_and_exits_2(string problem, params string[] args)
    {
        var result = await ConfigFileRunner.RunArgsAsync(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Output);
        Assert.Contains(problem, result.Error, StringComparison.Ordinal);
        Assert.Contains("Usage: AlertWorker [verb] [options]", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("validate", "--help")]
    public async Task Help_lists_every_verb_with_one_line_each_and_exits_0(params string[] args)
    {
        var result = await ConfigFileRunner.RunArgsAsync(args);

        Assert.Equal(0, result.ExitCode);
        foreach (var verb in new[] { "run", "once", "validate", "match", "alerts", "feeds" })
        {
            Assert.Single(result.Output.Split('\n'), line => line.StartsWith($"  {verb} ", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Version_prints_the_version_and_exits_0()
    {
        var result = await ConfigFileRunner.RunArgsAsync("--version");

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"^AlertWorker \d+\.\d+\.\d+\s*$", result.Output);
    }

    [Theory]
    [InlineData("validate")]
    [InlineData("once")]
    [InlineData("run")]
    [InlineData("feeds")]
    public async Task A_missing_configuration_file_is_one_line_naming_it_and_exit_2(string verb)
    {
        var result = await ConfigFileRunner.RunAsync(null, verb);

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Error.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.EndsWith("appsettings.json: configuration file not found", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\n  \"AlertWorker\": {\n    \"Feeds\": { \"x\": }\n  }\n}", "line 3, position 21: '}' is an invalid start of a value")]
    [InlineData("{ \"AlertWorker\": { \"DataDirectory\": \"data\" }", "line 1, position 45: ")]
    [InlineData("{ \"AlertWorker\": { \"Feeds\": { \"x\": { \"Url\": 'single' } } } }", "line 1, position 45: ")]
    [InlineData("[ 1, 2 ]", "the file must hold one JSON object")]
    [InlineData("", "line 1, position 1: ")]
    public async Task Malformed_JSON_is_one_line_naming_the_file_and_the_place_and_exit_2(string json, string where)
    {
        foreach (var verb in new[] { "validate", "once" })
        {
            var result = await ConfigFileRunner.RunAsync(json, verb);

            Assert.Equal(2, result.ExitCode);
            var line = Assert.Single(result.Error.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
            Assert.Contains("appsettings.json: ", line, StringComparison.Ordinal);
            Assert.Contains(where, line, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Comments_and_trailing_commas_are_allowed_as_in_any_appsettings_json()
    {
        const string json = """
            {
              // the desk's feeds
              "AlertWorker": {
                "Feeds": { "world": { "Url": "https://news.example.test/world.xml", }, },
                "Topics": { "t": { "Query": "truce", "Channels": [ "console", ] } },
                "Channels": { "console": { "Type": "Log" } }, /* done */
              },
            }
            """;

        var result = await ConfigFileRunner.RunAsync(json, "validate");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Error);
    }
}
