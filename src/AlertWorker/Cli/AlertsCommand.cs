using System.Globalization;
using AlertWorker.Alerts;
using Microsoft.Extensions.DependencyInjection;

namespace AlertWorker.Cli;

/// <summary>
/// <c>alerts [--state pending|sent|dead] [--limit N]</c> lists alerts newest first;
/// <c>alerts retry &lt;id&gt;</c> and <c>alerts retry --dead</c> put dead letters back in the queue.
/// </summary>
public static class AlertsCommand
{
    public static async Task<int> ExecuteAsync(CliContext context, CancellationToken cancellationToken)
    {
        var arguments = context.Arguments;
        if (context.BuildHost() is not { } opened)
        {
            return ExitCodes.Invalid;
        }

        using var host = opened.Host;
        var outbox = host.Services.GetRequiredService<AlertOutbox>();
        var now = host.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        if (arguments.Positionals is ["retry", ..])
        {
            return await RetryAsync(context, outbox, now, cancellationToken);
        }

        if (arguments.Positionals.Count > 0)
        {
            throw new UsageException($"unexpected '{arguments.Positionals[0]}': use 'alerts [--state S]' or 'alerts retry <id>|--dead'");
        }

        var states = arguments.Get("--state") is { } state
            ? [Enum.TryParse<AlertState>(state, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : throw new UsageException($"--state '{state}' is not one of pending, sent, dead")]
            : Enum.GetValues<AlertState>();
        var limit = arguments.Get("--limit") is { } text
            ? int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0 ? number : throw new UsageException("--limit takes a positive whole number")
            : 50;
        var alerts = new List<OutboxAlert>();
        foreach (var wanted in states)
        {
            alerts.AddRange(await outbox.ListAsync(wanted, limit, cancellationToken));
        }

        await context.Output.WriteLineAsync($"{"ID",-32}  {"STATE",-7}  {"CREATED (UTC)",-19}  {"CHANNEL",-12}  {"TOPIC",-14}  {"ATT",3}  TITLE / LAST ERROR");
        foreach (var alert in alerts.OrderByDescending(alert => alert.CreatedAt).Take(limit))
        {
            await context.Output.WriteLineAsync(
                $"{alert.Id,-32}  {alert.State.ToString().ToLowerInvariant(),-7}  {alert.CreatedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss}  {alert.Channel,-12}  {alert.Content.Topic,-14}  {alert.Attempts,3}  {alert.Content.Item.Title}");
            if (alert.LastError is { } error)
            {
                await context.Output.WriteLineAsync($"{"",-32}  last error: {error}");
            }
        }

        return ExitCodes.Ok;
    }

    private static async Task<int> RetryAsync(CliContext context, AlertOutbox outbox, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var positionals = context.Arguments.Positionals;
        var all = context.Arguments.Has("--dead");
        if (all == (positionals.Count == 2) || positionals.Count > 2)
        {
            throw new UsageException("use 'alerts retry <id>' or 'alerts retry --dead'");
        }

        if (all)
        {
            var count = await outbox.RequeueDeadAsync(null, now, cancellationToken);
            await context.Output.WriteLineAsync($"re-queued {count} dead letter(s)");
            return ExitCodes.Ok;
        }

        var id = positionals[1];
        if (await outbox.RequeueDeadAsync(id, now, cancellationToken) == 1)
        {
            await context.Output.WriteLineAsync($"re-queued {id}");
            return ExitCodes.Ok;
        }

        var state = await outbox.StateOfAsync(id, cancellationToken);
        await context.Error.WriteLineAsync(state is null ? $"AlertWorker alerts: no alert with id {id}" : $"AlertWorker alerts: alert {id} is {state.ToString()!.ToLowerInvariant()}, not dead: nothing to retry");
        return ExitCodes.Invalid;
    }
}
