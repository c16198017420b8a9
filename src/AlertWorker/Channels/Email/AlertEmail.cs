using System.Net;
using System.Text;
using AlertWorker.Alerts;
using AlertWorker.Configuration;
using MimeKit;

namespace AlertWorker.Channels.Email;

/// <summary>Builds the one message of an alert: subject <c>[topic] title</c>, plain-text and HTML parts, a stable Message-ID.</summary>
public static class AlertEmail
{
    public static MimeMessage Build(AlertContent alert, ChannelOptions options)
    {
        var message = new MimeMessage
        {
            Subject = $"[{alert.Topic}] {alert.Item.Title}",
            // Derived from the alert id, so a resend after a crash is recognisably the same message.
            MessageId = MessageIdOf(alert.Id),
            Date = alert.DetectedAt,
        };
        message.From.Add(MailboxAddress.Parse(options.From ?? throw new InvalidOperationException("an email channel needs From")));
        foreach (var to in options.To)
        {
            message.To.Add(MailboxAddress.Parse(to));
        }

        message.Headers.Add("X-AlertWorker-Alert-Id", alert.Id);
        message.Body = new BodyBuilder { TextBody = Text(alert), HtmlBody = Html(alert) }.ToMessageBody();
        return message;
    }

    public static string MessageIdOf(string alertId) => $"{alertId}@alertworker";

    private static string Text(AlertContent alert)
    {
        var text = new StringBuilder();
        text.AppendLine(alert.Item.Title);
        if (alert.Item.Link is { } link)
        {
            text.AppendLine(link);
        }

        text.AppendLine();
        foreach (var match in alert.Matches)
        {
            text.AppendLine($"{match.Field} matched {match.Term}: {match.Snippet}");
        }

        text.AppendLine();
        text.AppendLine($"Feed: {alert.Feed.Name} ({alert.Feed.Url})");
        if (alert.Item.Published is { } published)
        {
            text.AppendLine($"Published: {published:u}");
        }

        text.AppendLine($"Topic: {alert.Topic} · Alert id: {alert.Id}");
        return text.ToString();
    }

    private static string Html(AlertContent alert)
    {
        static string E(string? value) => WebUtility.HtmlEncode(value ?? "");
        var html = new StringBuilder("<!DOCTYPE html><html><body>");
        html.Append(alert.Item.Link is { } link
            ? $"<h2><a href=\"{E(link)}\">{E(alert.Item.Title)}</a></h2>"
            : $"<h2>{E(alert.Item.Title)}</h2>");
        html.Append("<ul>");
        foreach (var match in alert.Matches)
        {
            html.Append($"<li><b>{E(match.Field)}</b> matched <code>{E(match.Term)}</code>: {E(match.Snippet)}</li>");
        }

        html.Append("</ul>");
        html.Append($"<p>Feed: {E(alert.Feed.Name)} · Topic: {E(alert.Topic)} · Alert id: <code>{E(alert.Id)}</code></p>");
        html.Append("</body></html>");
        return html.ToString();
    }
}
